import { describe, expect, it } from 'vitest';
import { isGross, median, pitchScores, trackPitch, type PitchSample } from './evaluate';
import { PitchDetector } from './pitch';
import { harmonicTone, noise, withNoise } from './test-signals';

const SR = 48000;
const F0S = [70, 95, 130, 180, 240, 310, 400, 500];

function run(snrDb: number, opts: { vibrato?: boolean; seconds?: number } = {}): PitchSample[] {
  const all: PitchSample[] = [];
  for (const f0 of F0S) {
    const tone = harmonicTone({
      sampleRate: SR,
      seconds: opts.seconds ?? 1.2,
      f0,
      seed: f0,
      vibratoDepth: opts.vibrato ? 0.03 : 0,
    });
    const sig = Number.isFinite(snrDb) ? withNoise(tone.signal, snrDb, f0 + 17) : tone.signal;
    all.push(...trackPitch(sig, tone.f0, { sampleRate: SR }));
  }
  return all;
}

describe('pitch (decimated MPM + band-limited refinement)', () => {
  it('clean harmonic tones 70–500 Hz: median error < 0.001 Hz, no gross errors', () => {
    const s = pitchScores(run(Infinity));
    expect(s.n).toBeGreaterThan(250);
    expect(s.medianErrHz).toBeLessThan(0.001);
    expect(s.grossRate).toBe(0);
  });

  it('20 dB SNR: median error < 0.03 Hz', () => {
    const s = pitchScores(run(20));
    expect(s.medianErrHz).toBeLessThan(0.03);
    expect(s.grossRate).toBe(0);
  });

  it('5 dB SNR: median error < 0.2 Hz (pitchy: ~0.37 Hz), gross < 1 %', () => {
    const s = pitchScores(run(5));
    expect(s.medianErrHz).toBeLessThan(0.2);
    expect(s.grossRate).toBeLessThan(0.01);
  });

  it('0 dB SNR: octave/gross error rate < 3 % (pitchy: > 50 %)', () => {
    const s = pitchScores(run(0));
    expect(s.grossRate).toBeLessThan(0.03);
    expect(s.medianErrHz).toBeLessThan(0.5);
  });

  it('tracks 5 Hz ±3 % vibrato: median error < 0.5 Hz, no gross errors', () => {
    const s = pitchScores(run(Infinity, { vibrato: true, seconds: 2 }));
    expect(s.medianErrHz).toBeLessThan(0.5);
    expect(s.grossRate).toBe(0);
  });

  it('accuracy holds at 44.1 kHz (decimated to 7350 Hz)', () => {
    const all: PitchSample[] = [];
    for (const f0 of [80, 200, 450]) {
      const tone = harmonicTone({ sampleRate: 44100, seconds: 1, f0, seed: 3 });
      all.push(...trackPitch(tone.signal, tone.f0, { sampleRate: 44100 }));
    }
    const s = pitchScores(all);
    expect(s.medianErrHz).toBeLessThan(0.002);
    expect(s.grossRate).toBe(0);
  });

  it('silence and white noise give no gated pitch and low clarity', () => {
    const silent = trackPitch(new Float32Array(SR), new Float64Array(SR).fill(100), { sampleRate: SR });
    expect(silent.every((s) => s.est === 0 && s.gated === 0)).toBe(true);
    const hiss = trackPitch(noise(SR, 0.1, 5), new Float64Array(SR).fill(100), { sampleRate: SR });
    expect(median(hiss.map((s) => s.clarity))).toBeLessThan(0.6);
    expect(hiss.filter((s) => s.gated > 0).length / hiss.length).toBeLessThan(0.1);
  });

  it('gated pitch is reported on voiced input and drops to 0 in silence', () => {
    const tone = harmonicTone({ sampleRate: SR, seconds: 1, f0: 220, seed: 2 });
    const sig = new Float32Array(SR * 2);
    sig.set(withNoise(tone.signal, 10, 4), SR / 2);
    const samples = trackPitch(sig, new Float64Array(sig.length).fill(220), { sampleRate: SR });
    const voiced = samples.filter((s) => s.gated > 0);
    expect(voiced.length).toBeGreaterThan(30);
    expect(voiced.every((s) => !isGross(s.gated, 220))).toBe(true);
    const last = samples.at(-1)!;
    expect(last.gated).toBe(0); // silence again: the particle field holds its hue itself (lib/particles)
  });

  it('validates its configuration', () => {
    expect(() => new PitchDetector({ sampleRate: 8000, windowSize: 100, minHz: 60 })).toThrow(RangeError);
  });
});
