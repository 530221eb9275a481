import { runInNewContext } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { FeatureAnalyser, type FeatureFields } from './analyser';
import { harmonicTone, noise, withNoise } from './test-signals';

const SR = 48000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/**
 * Growth of the used heap over `calls` synchronous calls of `fn`, after a warm-up that lets the JIT settle and a full
 * GC. Nothing else runs on the isolate during the loop, so garbage made by `fn` shows up as growth (the control test
 * checks that the probe sees it).
 */
function allocatedBytes(fn: (i: number) => void, calls: number): number {
  for (let i = 0; i < 20000; i++) fn(i);
  gc();
  gc();
  const before = getHeapStatistics().used_heap_size;
  for (let i = 0; i < calls; i++) fn(i);
  const after = getHeapStatistics().used_heap_size;
  return after - before;
}

describe('FeatureAnalyser kernel', () => {
  const sig = withNoise(harmonicTone({ sampleRate: SR, seconds: 4, f0: 150, vibratoDepth: 0.02 }).signal, 15);
  const n = Math.floor(sig.length / 128);
  const quanta = Array.from({ length: n }, (_, q) => sig.subarray(q * 128, (q + 1) * 128));
  // silence gaps so voice/onset/hang-over paths all run
  for (let q = 0; q < n; q += 200) quanta[q + 150]?.fill(0);

  it('process() + read() allocate nothing (300k quanta, pitch every 8th)', () => {
    const a = new FeatureAnalyser({ sampleRate: SR });
    const frame: FeatureFields = { rms: 0, peak: 0, pitchHz: 0, clarity: 0, onset: 0, voice: false };
    let frames = 0;
    const bytes = allocatedBytes((i) => {
      if (a.process(quanta[i % n]!, 128)) {
        a.read(frame);
        frames++;
      }
    }, 300_000);
    expect(frames).toBeGreaterThan(1000);
    expect(a.pitchCount).toBeGreaterThan(30_000);
    // A single boxed number per quantum would be ≥ 12 B × 300k = 3.6 MB, one per pitch analysis ≥ 12 B × 37.5k =
    // 450 kB. What remains (tens of kB) is JIT/IC bookkeeping that does not grow with the number of calls.
    expect(bytes).toBeLessThan(192 * 1024);
  });

  it('the allocation probe does detect per-call garbage (control)', () => {
    const sink: number[][] = [];
    const bytes = allocatedBytes((i) => {
      const tmp = [i, i + 1];
      if (i % 1000 === 0) sink.push(tmp);
    }, 100_000);
    expect(bytes).toBeGreaterThan(64 * 1024);
  });

  it('frames: ≤ maxRateHz, window RMS/peak of the quanta since the last read', () => {
    const a = new FeatureAnalyser({ sampleRate: SR, maxRateHz: 60 });
    const frame: FeatureFields = { rms: 0, peak: 0, pitchHz: 0, clarity: 0, onset: 0, voice: false };
    const loud = new Float32Array(128).fill(0.5);
    const quiet = new Float32Array(128).fill(0.1);
    let due = 0;
    let reads = 0;
    for (let q = 0; q < 375; q++) {
      if (a.process(q % 2 ? loud : quiet, 128)) {
        a.read(frame);
        reads++;
      }
      due++;
    }
    expect(reads).toBeLessThanOrEqual(60);
    expect(reads).toBeGreaterThanOrEqual(50);
    expect(due).toBe(375);
    expect(frame.peak).toBeCloseTo(0.5, 6);
    // 7 quanta per frame at 60 Hz → 4 quiet + 3 loud or vice versa
    expect(frame.rms).toBeGreaterThan(0.3);
    expect(frame.rms).toBeLessThan(0.4);
    // maxRateHz 20 → ≤ 20 frames/s
    const b = new FeatureAnalyser({ sampleRate: SR, maxRateHz: 20 });
    let c = 0;
    for (let q = 0; q < 375; q++) {
      if (b.process(loud, 128)) {
        b.read(frame);
        c++;
      }
    }
    expect(c).toBeLessThanOrEqual(20);
    expect(c).toBeGreaterThanOrEqual(18);
  });

  it('voice, onset and pitch in one frame stream: tone after silence, then noise', () => {
    const a = new FeatureAnalyser({ sampleRate: SR });
    const frame: FeatureFields = { rms: 0, peak: 0, pitchHz: 0, clarity: 0, onset: 0, voice: false };
    const s = new Float32Array(SR * 3);
    s.set(noise(SR * 3, 0.001, 1));
    s.set(withNoise(harmonicTone({ sampleRate: SR, seconds: 1, f0: 200 }).signal, 20), SR);
    const frames: FeatureFields[] = [];
    for (let i = 0; i + 128 <= s.length; i += 128) {
      if (a.process(s.subarray(i, i + 128))) {
        a.read(frame);
        frames.push({ ...frame });
      }
    }
    const during = frames.slice(Math.round(frames.length / 3) + 10, Math.round((2 * frames.length) / 3) - 2);
    expect(frames.filter((f) => f.onset > 0).length).toBe(1);
    expect(during.every((f) => f.voice)).toBe(true);
    expect(during.filter((f) => Math.abs(f.pitchHz - 200) < 1).length / during.length).toBeGreaterThan(0.9);
    const after = frames.slice(-20);
    expect(after.every((f) => !f.voice && f.pitchHz === 0)).toBe(true);
  });
});
