import { describe, expect, it } from 'vitest';
import { PITCH_HUE_SWING, hslToRgb, pitchHueOffset, pitchPosition } from './palette';
import { alpha, approach, follow } from './smoothing';

describe('palette', () => {
  it('maps pitch on a log scale, clamped', () => {
    expect(pitchPosition(80)).toBe(0);
    expect(pitchPosition(400)).toBe(1);
    expect(pitchPosition(Math.sqrt(80 * 400))).toBeCloseTo(0.5, 5);
    expect(pitchPosition(20)).toBe(0);
    expect(pitchPosition(2000)).toBe(1);
  });

  it('gates the hue offset on clarity', () => {
    expect(pitchHueOffset(200, 0.59)).toBeNull();
    expect(pitchHueOffset(0, 1)).toBeNull();
    expect(pitchHueOffset(400, 0.9)).toBeCloseTo(PITCH_HUE_SWING, 6);
    expect(pitchHueOffset(80, 0.9)).toBeCloseTo(-PITCH_HUE_SWING, 6);
  });

  it('converts HSL to RGB', () => {
    const out = new Float32Array(6);
    hslToRgb(0, 1, 0.5, out, 0);
    hslToRgb(1 / 3, 1, 0.5, out, 3);
    expect(Array.from(out).map((x) => Math.round(x * 100) / 100)).toEqual([1, 0, 0, 0, 1, 0]);
  });
});

describe('smoothing', () => {
  it('is frame-rate independent', () => {
    let a = 0;
    for (let i = 0; i < 60; i++) a = approach(a, 1, 1 / 60, 0.5);
    let b = 0;
    for (let i = 0; i < 30; i++) b = approach(b, 1, 1 / 30, 0.5);
    expect(a).toBeCloseTo(b, 6);
    expect(a).toBeCloseTo(1 - Math.exp(-2), 6);
  });

  it('handles degenerate inputs', () => {
    expect(alpha(0.1, 0)).toBe(1);
    expect(alpha(0, 0.1)).toBe(0);
    expect(follow(0, 1, 0.01, 0.01, 1)).toBeGreaterThan(follow(1, 0, 0.01, 0.01, 1) === 0 ? 1 : 0.5);
  });
});
