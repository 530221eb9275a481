/**
 * Deterministic synthetic signals for tests and the benchmark (not used by the worklet at run time).
 */

import { mulberry32 } from './random';

/** Seeded PRNG (mulberry32), uniform in [0, 1). */
export const rng = mulberry32;

/** Standard normal via Box–Muller. */
export function gaussian(rand: () => number): () => number {
  return () => {
    const u = Math.max(rand(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
}

export interface ToneOptions {
  sampleRate: number;
  seconds: number;
  /** Base f0 in Hz. */
  f0: number;
  /** Vibrato depth as a fraction of f0 (e.g. 0.03 = ±3 %) and rate in Hz. */
  vibratoDepth?: number;
  vibratoHz?: number;
  /** Highest harmonic frequency (Hz), default 4000. Amplitudes fall as 1/k; phases are random. */
  maxHarmonicHz?: number;
  rms?: number;
  seed?: number;
}

/** Harmonic tone; returns the signal and the true instantaneous f0 per sample. */
export function harmonicTone(o: ToneOptions): { signal: Float32Array; f0: Float64Array } {
  const sr = o.sampleRate;
  const len = Math.round(o.seconds * sr);
  const rand = rng(o.seed ?? 1);
  const depth = o.vibratoDepth ?? 0;
  const vhz = o.vibratoHz ?? 5;
  const maxH = Math.max(1, Math.floor((o.maxHarmonicHz ?? 4000) / (o.f0 * (1 + depth))));
  const phases = new Float64Array(maxH);
  for (let k = 0; k < maxH; k++) phases[k] = 2 * Math.PI * rand();
  const out = new Float64Array(len);
  const f0 = new Float64Array(len);
  let phase = 0;
  let sumSq = 0;
  for (let i = 0; i < len; i++) {
    const t = i / sr;
    const f = o.f0 * (1 + depth * Math.sin(2 * Math.PI * vhz * t));
    f0[i] = f;
    let s = 0;
    for (let k = 1; k <= maxH; k++) s += Math.sin(k * phase + phases[k - 1]!) / k;
    out[i] = s;
    sumSq += s * s;
    phase += (2 * Math.PI * f) / sr;
    if (phase > 2 * Math.PI * 1e6) phase -= 2 * Math.PI * 1e6;
  }
  const g = (o.rms ?? 0.3) / Math.sqrt(sumSq / len);
  const signal = new Float32Array(len);
  for (let i = 0; i < len; i++) signal[i] = out[i]! * g;
  return { signal, f0 };
}

/** Adds white Gaussian noise at the given SNR (dB, relative to the signal's mean power) into a copy. */
export function withNoise(signal: Float32Array, snrDb: number, seed = 7): Float32Array {
  let p = 0;
  for (let i = 0; i < signal.length; i++) p += signal[i]! * signal[i]!;
  p /= signal.length;
  const sigma = Math.sqrt(p / 10 ** (snrDb / 10));
  const g = gaussian(rng(seed));
  const out = new Float32Array(signal.length);
  for (let i = 0; i < signal.length; i++) out[i] = signal[i]! + sigma * g();
  return out;
}

/** White Gaussian noise with the given RMS. */
export function noise(length: number, rms: number, seed = 3): Float32Array {
  const g = gaussian(rng(seed));
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = rms * g();
  return out;
}

/** Linear-interpolation resampler (test fixtures only). */
export function resampleLinear(input: Float32Array, fromRate: number, toRate: number): Float32Array {
  const len = Math.floor((input.length * toRate) / fromRate);
  const out = new Float32Array(len);
  const ratio = fromRate / toRate;
  for (let i = 0; i < len; i++) {
    const pos = i * ratio;
    const j = Math.floor(pos);
    const f = pos - j;
    const a = input[j] ?? 0;
    const b = input[j + 1] ?? a;
    out[i] = a + (b - a) * f;
  }
  return out;
}
