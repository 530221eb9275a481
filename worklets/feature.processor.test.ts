import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FEATURE_PROCESSOR_NAME, type WorkletFeatureMessage } from './protocol';

// Minimal AudioWorkletGlobalScope stand-ins; the shell is then driven like the audio thread would.
type Ctor = new (options: AudioWorkletNodeOptions) => { process(inputs: Float32Array[][]): boolean; port: MessagePort };
const registered = new Map<string, Ctor>();
const g = globalThis as Record<string, unknown>;

class FakeProcessor {
  readonly posted: WorkletFeatureMessage[] = [];
  readonly port = {
    postMessage: (m: WorkletFeatureMessage) => this.posted.push(structuredClone(m)),
  } as unknown as MessagePort;
}

beforeAll(async () => {
  g.AudioWorkletProcessor = FakeProcessor;
  g.registerProcessor = (name: string, ctor: Ctor) => registered.set(name, ctor);
  g.sampleRate = 48000;
  g.currentTime = 0;
  vi.resetModules();
  await import('./feature.processor');
});
afterAll(() => {
  for (const k of ['AudioWorkletProcessor', 'registerProcessor', 'sampleRate', 'currentTime']) delete g[k];
});

function make(source: 'mic' | 'assistant', maxRateHz?: number) {
  const Ctor = registered.get(FEATURE_PROCESSOR_NAME)!;
  const node = new Ctor({ processorOptions: { source, maxRateHz } }) as unknown as FakeProcessor & {
    process(i: Float32Array[][]): boolean;
  };
  return node;
}

describe('feature.processor shell', () => {
  it('registers under FEATURE_PROCESSOR_NAME', () => {
    expect(registered.has(FEATURE_PROCESSOR_NAME)).toBe(true);
  });

  it('posts frames at ≤ maxRateHz stamped with the audio time at the end of the quantum', () => {
    const node = make('assistant', 60);
    const q = new Float32Array(128);
    for (let i = 0; i < 128; i++) q[i] = 0.5 * Math.sin((2 * Math.PI * 440 * i) / 48000);
    const quanta = 375; // 1 s
    for (let n = 0; n < quanta; n++) {
      g.currentTime = (n * 128) / 48000;
      expect(node.process([[q]])).toBe(true);
    }
    expect(node.posted.length).toBeGreaterThan(40);
    expect(node.posted.length).toBeLessThanOrEqual(60);
    const f = node.posted.at(-1)!;
    expect(f.source).toBe('assistant');
    expect(f.rms).toBeGreaterThan(0.3);
    expect(f.peak).toBeGreaterThan(0.45);
    expect('wallTime' in f).toBe(false);
    // audioTime = currentTime of a quantum + 128/48000, and strictly increasing by ≥ 1/60 s
    for (let i = 0; i < node.posted.length; i++) {
      const t = node.posted[i]!.audioTime;
      expect(Math.round((t * 48000) / 128) * 128).toBeCloseTo(t * 48000, 6);
      if (i > 0) expect(t - node.posted[i - 1]!.audioTime).toBeGreaterThanOrEqual(1 / 60 - 1e-9);
    }
  });

  it('treats a missing input (not connected) as silence and keeps running', () => {
    const node = make('mic');
    for (let n = 0; n < 100; n++) {
      expect(node.process([])).toBe(true);
      expect(node.process([[]])).toBe(true);
    }
    expect(node.posted.length).toBeGreaterThan(0);
    const f = node.posted.at(-1)!;
    expect(f).toMatchObject({ source: 'mic', rms: 0, peak: 0, pitchHz: 0, voice: false, onset: 0 });
  });
});
