/**
 * The particle field's pure state: turns feature frames (mic + assistant) and the voice mode into the smoothed numbers
 * the shader reads. No three, no DOM, no allocation per update: `update()` writes into one long-lived `FieldOutputs`.
 *
 * - level: rms in dB → 0..1, attack/release envelope per voice; frames older than `staleMs` count as silence.
 * - mode: four weights (idle, listening, thinking, speaking) eased toward the current mode; they always sum to 1.
 * - colour: mic and assistant palettes, mixed by an eased `source` (0 = mic, 1 = assistant); pitch moves the hue only
 *   when its clarity passes PITCH_MIN_CLARITY, otherwise the hue holds.
 * - bursts: onsets kick an envelope that decays; reduced motion scales bursts and motion down.
 */
import type { FeatureFrame } from '@/worklets/protocol';
import type { VoiceMode } from '@/lib/voice/types';
import { ASSISTANT_PALETTE, MIC_PALETTE, hslArrayToRgb, pitchHueOffset, type Palette } from './palette';
import { approach, clamp, follow } from './smoothing';

export const MODES: readonly VoiceMode[] = ['idle', 'listening', 'thinking', 'speaking'];

export interface FieldStateOptions {
  reducedMotion?: boolean;
  /** A voice whose last frame is older than this (ms) counts as silent. Default 300. */
  staleMs?: number;
  /** Time constant (s) of the mode cross-fade. Default 0.45. */
  modeTau?: number;
}

/** Everything the view needs, rewritten in place each update. */
export interface FieldOutputs {
  /** Animation clock (s); runs slower in reduced motion. */
  time: number;
  /** Energy of the voice on screen, 0..1. */
  level: number;
  micLevel: number;
  assistantLevel: number;
  /** Onset burst envelope, 0..1. */
  burst: number;
  /** 0 = mic palette, 1 = assistant palette (eased). */
  source: number;
  /** Weights of idle, listening, thinking, speaking; sum 1. */
  readonly modeWeights: Float32Array;
  /** Primary and secondary RGB (0..1). */
  readonly colorA: Float32Array;
  readonly colorB: Float32Array;
  /** Motion amplitude: 1 normally, lower in reduced motion. */
  motion: number;
  /** Current pitch hue offsets per voice (for tests and debugging). */
  micHue: number;
  assistantHue: number;
}

export interface FieldState {
  readonly out: FieldOutputs;
  readonly mode: VoiceMode;
  setMode(mode: VoiceMode): void;
  setReducedMotion(reduced: boolean): void;
  /** Record a frame; `nowMs` is the caller's clock (same clock as `update`). */
  pushFrame(frame: FeatureFrame, nowMs: number): void;
  /** Advance by `dt` seconds (clamped to 0.1 s so a pause does not jump). Returns `out`. */
  update(dt: number, nowMs: number): FieldOutputs;
}

/** rms → 0..1: −60 dBFS is silence, −12 dBFS is full. */
export function rmsToLevel(rms: number): number {
  if (!(rms > 0)) return 0;
  return clamp((20 * Math.log10(rms) + 60) / 48, 0, 1);
}

const ATTACK = 0.04;
const RELEASE = 0.25;
const HUE_TAU = 0.2;
const SOURCE_TAU = 0.35;
const BURST_TAU = 0.3;
const MAX_DT = 0.1;

interface VoiceTrack {
  target: number;
  level: number;
  hueTarget: number;
  hue: number;
  lastMs: number;
  onset: number;
}

const newTrack = (): VoiceTrack => ({ target: 0, level: 0, hueTarget: 0, hue: 0, lastMs: -Infinity, onset: 0 });

export function createFieldState(options: FieldStateOptions = {}): FieldState {
  const staleMs = options.staleMs ?? 300;
  const modeTau = options.modeTau ?? 0.45;
  let reduced = options.reducedMotion ?? false;
  let mode: VoiceMode = 'idle';
  const mic = newTrack();
  const assistant = newTrack();
  const scratch = new Float32Array(12);
  const out: FieldOutputs = {
    time: 0,
    level: 0,
    micLevel: 0,
    assistantLevel: 0,
    burst: 0,
    source: 0,
    modeWeights: new Float32Array([1, 0, 0, 0]),
    colorA: new Float32Array(3),
    colorB: new Float32Array(3),
    motion: reduced ? 0.25 : 1,
    micHue: 0,
    assistantHue: 0,
  };

  function updateTrack(t: VoiceTrack, dt: number, nowMs: number): void {
    const target = nowMs - t.lastMs > staleMs ? 0 : t.target;
    t.level = follow(t.level, target, dt, ATTACK, RELEASE);
    t.hue = approach(t.hue, t.hueTarget, dt, HUE_TAU);
  }

  // Colour inputs travel in a typed array (sat, light, then HSL) rather than as double arguments: V8 boxes doubles
  // passed to calls it does not inline, which would allocate every frame.
  const hsl = new Float64Array(3);
  const tone = new Float64Array(2);
  function paletteColors(p: Readonly<Palette>, hueOffset: number, at: number): void {
    hsl[0] = p.hue + hueOffset;
    hsl[1] = p.saturation * tone[0]!;
    hsl[2] = p.lightness * tone[1]!;
    hslArrayToRgb(hsl, scratch, at);
    hsl[0] = p.hue + p.spread + hueOffset;
    hslArrayToRgb(hsl, scratch, at + 3);
  }

  return {
    out,
    get mode() {
      return mode;
    },
    setMode(m) {
      mode = m;
    },
    setReducedMotion(r) {
      reduced = r;
    },
    pushFrame(frame, nowMs) {
      const t = frame.source === 'mic' ? mic : assistant;
      t.target = rmsToLevel(frame.rms);
      t.lastMs = nowMs;
      if (frame.onset > t.onset) t.onset = frame.onset;
      const hue = pitchHueOffset(frame.pitchHz, frame.clarity);
      if (hue !== null) t.hueTarget = hue;
    },
    update(rawDt, nowMs) {
      const dt = clamp(rawDt, 0, MAX_DT);
      updateTrack(mic, dt, nowMs);
      updateTrack(assistant, dt, nowMs);

      // Which voice is on screen: the mode decides when it can; otherwise the louder one, else hold.
      let sourceTarget = out.source;
      if (mode === 'listening') sourceTarget = 0;
      else if (mode === 'speaking') sourceTarget = 1;
      else if (mic.level > 0.05 || assistant.level > 0.05) sourceTarget = assistant.level > mic.level ? 1 : 0;
      out.source = approach(out.source, sourceTarget, dt, SOURCE_TAU);

      // Mode weights: each eases toward one-hot with the same alpha, so the sum stays 1.
      const w = out.modeWeights;
      const modeIndex = MODES.indexOf(mode);
      const tau = reduced ? modeTau * 2 : modeTau;
      for (let i = 0; i < 4; i++) w[i] = approach(w[i]!, i === modeIndex ? 1 : 0, dt, tau);

      // Onsets of the voice on screen kick the burst envelope; it then decays.
      const onset = mic.onset * (1 - out.source) + assistant.onset * out.source;
      mic.onset = 0;
      assistant.onset = 0;
      const burstGain = reduced ? 0.2 : 1;
      out.burst = approach(out.burst, 0, dt, BURST_TAU);
      if (onset > 0) out.burst = Math.max(out.burst, clamp(onset, 0, 1) * burstGain);

      out.micLevel = mic.level;
      out.assistantLevel = assistant.level;
      out.micHue = mic.hue;
      out.assistantHue = assistant.hue;
      out.level = mic.level * (1 - out.source) + assistant.level * out.source;
      out.motion = approach(out.motion, reduced ? 0.25 : 1, dt, 0.3);
      // Reduced motion: the clock itself slows, so drift and ripples are calm, not just smaller.
      out.time += dt * (reduced ? 0.3 : 1 + 0.6 * out.level);

      // Thinking desaturates a little, idle dims: the voice's colour is loudest while it speaks.
      tone[0] = 1 - 0.35 * w[2]!;
      tone[1] = 0.75 + 0.25 * (1 - w[0]!) + 0.2 * out.level;
      paletteColors(MIC_PALETTE, mic.hue, 0);
      paletteColors(ASSISTANT_PALETTE, assistant.hue, 6);
      const s = out.source;
      for (let i = 0; i < 3; i++) {
        out.colorA[i] = scratch[i]! * (1 - s) + scratch[6 + i]! * s;
        out.colorB[i] = scratch[3 + i]! * (1 - s) + scratch[9 + i]! * s;
      }
      return out;
    },
  };
}
