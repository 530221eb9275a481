/**
 * Colours of the field: one palette per voice (mic = the user, assistant = the instructor) and the pitch → hue map.
 * Pure maths, written into caller-owned arrays so the per-frame path allocates nothing.
 */
import { clamp } from './smoothing';

export interface Palette {
  /** Base hue 0..1 of the palette's primary colour. */
  hue: number;
  /** Hue offset of the secondary colour. */
  spread: number;
  saturation: number;
  lightness: number;
}

/** The user's voice: cool teal/blue. */
export const MIC_PALETTE: Readonly<Palette> = { hue: 0.52, spread: 0.08, saturation: 0.75, lightness: 0.55 };
/** The assistant's voice: warm violet/magenta. */
export const ASSISTANT_PALETTE: Readonly<Palette> = { hue: 0.8, spread: -0.09, saturation: 0.7, lightness: 0.6 };

/** Pitch range mapped across the hue swing (speech f0: ~80 Hz deep male to ~400 Hz child/high female). */
export const PITCH_LOW_HZ = 80;
export const PITCH_HIGH_HZ = 400;
/** Largest hue swing (± around the palette hue) that pitch can produce. */
export const PITCH_HUE_SWING = 0.07;
/** Below this clarity the pitch is ignored and the hue holds. */
export const PITCH_MIN_CLARITY = 0.6;

/** Pitch (Hz) → position 0..1 on a log scale between PITCH_LOW_HZ and PITCH_HIGH_HZ. */
export function pitchPosition(hz: number): number {
  if (!(hz > 0)) return 0.5;
  return clamp(Math.log2(hz / PITCH_LOW_HZ) / Math.log2(PITCH_HIGH_HZ / PITCH_LOW_HZ), 0, 1);
}

/** Hue offset (−swing..+swing) for a pitch, or `null` when the pitch is not confident enough to use. */
export function pitchHueOffset(hz: number, clarity: number): number | null {
  if (!(hz > 0) || clarity < PITCH_MIN_CLARITY) return null;
  return (pitchPosition(hz) - 0.5) * 2 * PITCH_HUE_SWING;
}

/** HSL (all 0..1) → RGB 0..1, written into `out` at `offset`. */
export function hslToRgb(h: number, s: number, l: number, out: Float32Array, offset = 0): void {
  hsl[0] = h;
  hsl[1] = s;
  hsl[2] = l;
  hslArrayToRgb(hsl, out, offset);
}

const hsl = new Float64Array(3);

/**
 * HSL from `input[0..2]` → RGB into `out` at `offset`. The per-frame path uses this form: numbers travel in typed
 * arrays, so no double is boxed across a call that V8 does not inline.
 */
export function hslArrayToRgb(input: Float64Array, out: Float32Array, offset: number): void {
  const h = input[0]!;
  const s = input[1]!;
  const l = input[2]!;
  const hh = h - Math.floor(h);
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  out[offset] = hueChannel(p, q, hh + 1 / 3);
  out[offset + 1] = hueChannel(p, q, hh);
  out[offset + 2] = hueChannel(p, q, hh - 1 / 3);
}

function hueChannel(p: number, q: number, t: number): number {
  if (t < 0) t += 1;
  if (t > 1) t -= 1;
  if (t < 1 / 6) return p + (q - p) * 6 * t;
  if (t < 1 / 2) return q;
  if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
  return p;
}
