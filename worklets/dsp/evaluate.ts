/**
 * Evaluation helpers shared by the tests and bench/dsp.ts (not used by the worklet at run time): run the kernel over
 * a whole signal quantum by quantum and score pitch, voice activity and onsets.
 */
import { FeatureAnalyser, type FeatureAnalyserOptions } from './analyser';

export interface PitchSample {
  /** Raw estimate (Hz, 0 = none), its clarity, and the true f0 at the window centre. */
  est: number;
  clarity: number;
  truth: number;
  /** Gated output of the kernel (what the frame carries). */
  gated: number;
}

/** Runs the kernel over `signal` and returns one sample per pitch analysis once the window is full. */
export function trackPitch(signal: Float32Array, f0: ArrayLike<number>, o: FeatureAnalyserOptions): PitchSample[] {
  const a = new FeatureAnalyser(o);
  const out: PitchSample[] = [];
  const q = o.quantumSize ?? 128;
  const minEnd = 2 * a.pitchCentreDelay + q;
  for (let start = 0; start + q <= signal.length; start += q) {
    const before = a.pitchCount;
    a.process(signal.subarray(start, start + q), q);
    if (a.pitchCount !== before && start + q >= minEnd) {
      const centre = Math.round(start + q - a.pitchCentreDelay);
      out.push({ est: a.pitch.pitchHz, clarity: a.pitch.clarity, truth: f0[centre]!, gated: a.pitchHz });
    }
  }
  return out;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : 0.5 * (s[m - 1]! + s[m]!);
}

/** Gross error: estimate missing or more than 20 % off (octave errors and worse). */
export function isGross(est: number, truth: number): boolean {
  return !(est > 0) || Math.abs(est / truth - 1) > 0.2;
}

export function pitchScores(samples: { est: number; truth: number }[]): {
  medianErrHz: number;
  grossRate: number;
  n: number;
} {
  return {
    medianErrHz: median(samples.map((s) => (s.est > 0 ? Math.abs(s.est - s.truth) : s.truth))),
    grossRate: samples.filter((s) => isGross(s.est, s.truth)).length / samples.length,
    n: samples.length,
  };
}

/** Per-quantum voice decisions against a labelling function; returns the fraction of agreeing quanta. */
export function vadAccuracy(signal: Float32Array, sampleRate: number, isSpeech: (t: number) => boolean): number {
  const a = new FeatureAnalyser({ sampleRate, pitch: false });
  let ok = 0;
  let n = 0;
  for (let start = 0; start + 128 <= signal.length; start += 128) {
    a.process(signal.subarray(start, start + 128), 128);
    if (a.lastVoice === isSpeech((start + 64) / sampleRate)) ok++;
    n++;
  }
  return ok / n;
}

/** Onset times (s, quantum centre) detected by the kernel over a signal. */
export function detectOnsets(signal: Float32Array, sampleRate: number): number[] {
  const a = new FeatureAnalyser({ sampleRate, pitch: false });
  const out: number[] = [];
  for (let start = 0; start + 128 <= signal.length; start += 128) {
    a.process(signal.subarray(start, start + 128), 128);
    if (a.lastOnset > 0) out.push((start + 64) / sampleRate);
  }
  return out;
}

/** Precision/recall of detected onset times against true ones within ±tolerance (one-to-one matching). */
export function onsetScores(
  detected: number[],
  truth: number[],
  tolerance = 0.02,
): { precision: number; recall: number } {
  const used = new Set<number>();
  let hits = 0;
  for (const t of truth) {
    const i = detected.findIndex((d, k) => !used.has(k) && Math.abs(d - t) <= tolerance);
    if (i >= 0) {
      used.add(i);
      hits++;
    }
  }
  return { precision: detected.length ? hits / detected.length : 1, recall: truth.length ? hits / truth.length : 1 };
}
