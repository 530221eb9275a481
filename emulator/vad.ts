/**
 * Mic audio accounting and an energy VAD. `InputBuffer` is the server's input audio buffer (ms and RMS of decoded mic
 * audio since the last clear/commit). `EnergyVad` turns 20 ms frame levels into speech start/stop with a hang-over.
 */
import type { TurnDetection } from './session-config.ts';

const RATE = 48_000;

export function frameStats(pcm: Int16Array): { sumSq: number; peak: number } {
  let sumSq = 0,
    peak = 0;
  for (let i = 0; i < pcm.length; i++) {
    const v = pcm[i] / 32768;
    sumSq += v * v;
    const a = Math.abs(v);
    if (a > peak) peak = a;
  }
  return { sumSq, peak };
}

export class InputBuffer {
  private frames: { samples: number; sumSq: number }[] = [];

  push(samples: number, sumSq: number): void {
    this.frames.push({ samples, sumSq });
  }

  get durationMs(): number {
    let n = 0;
    for (const f of this.frames) n += f.samples;
    return (n * 1000) / RATE;
  }

  get rms(): number {
    let n = 0,
      s = 0;
    for (const f of this.frames) {
      n += f.samples;
      s += f.sumSq;
    }
    return n ? Math.sqrt(s / n) : 0;
  }

  /** Keeps only the newest `ms` of audio (prefix padding when speech starts). */
  keepLast(ms: number): void {
    let keep = (ms * RATE) / 1000,
      i = this.frames.length;
    while (i > 0 && keep > 0) keep -= this.frames[--i].samples;
    this.frames = this.frames.slice(i);
  }

  clear(): void {
    this.frames = [];
  }
}

export type VadEvent = { kind: 'start'; atMs: number } | { kind: 'stop'; atMs: number };

/**
 * threshold 0..1 maps to an RMS gate of 0.004..0.06 (0.5 → ~0.03, about −30 dBFS); speech needs 3 loud frames in a
 * row (60 ms); it stops after `silence_duration_ms` (server_vad) or an eagerness-dependent pause (semantic_vad).
 */
export class EnergyVad {
  private loudRun = 0;
  private quietMs = 0;
  private speaking = false;

  constructor(private config: TurnDetection) {}

  update(config: TurnDetection): void {
    this.config = config;
  }

  get inSpeech(): boolean {
    return this.speaking;
  }

  private get gate(): number {
    const t = this.config.threshold ?? 0.5;
    return 0.004 + t * 0.052;
  }

  private get hangMs(): number {
    if (this.config.type === 'server_vad') return this.config.silence_duration_ms ?? 200;
    return { low: 1200, medium: 700, auto: 700, high: 350 }[this.config.eagerness ?? 'auto'];
  }

  /** Feeds one frame; `nowMs` is the audio position (ms of mic audio received) at the end of the frame. */
  feed(rms: number, frameMs: number, nowMs: number): VadEvent | null {
    const loud = rms >= this.gate;
    if (!this.speaking) {
      this.loudRun = loud ? this.loudRun + 1 : 0;
      if (this.loudRun >= 3) {
        this.speaking = true;
        this.quietMs = 0;
        return { kind: 'start', atMs: Math.max(0, Math.round(nowMs - 3 * frameMs)) };
      }
      return null;
    }
    this.quietMs = loud ? 0 : this.quietMs + frameMs;
    if (this.quietMs >= this.hangMs) {
      this.speaking = false;
      this.loudRun = 0;
      return { kind: 'stop', atMs: Math.round(nowMs) };
    }
    return null;
  }

  reset(): void {
    this.speaking = false;
    this.loudRun = 0;
    this.quietMs = 0;
  }
}
