import { describe, expect, it } from 'vitest';
import type { FeatureFrame } from '@/worklets/protocol';
import { createFieldState, rmsToLevel } from './field-state';
import { pitchHueOffset } from './palette';
import { frame } from '../testing/frame';

/** Steps of 1/60 s for `seconds`; optionally pushes `f` every step (a live stream). */
function advance(
  s: ReturnType<typeof createFieldState>,
  seconds: number,
  clock: { ms: number },
  f?: FeatureFrame,
): void {
  const steps = Math.round(seconds * 60);
  for (let i = 0; i < steps; i++) {
    clock.ms += 1000 / 60;
    if (f) s.pushFrame(f, clock.ms);
    s.update(1 / 60, clock.ms);
  }
}

const sum = (a: Float32Array): number => a.reduce((x, y) => x + y, 0);

describe('field state', () => {
  it('maps rms to a 0..1 level on a dB scale', () => {
    expect(rmsToLevel(0)).toBe(0);
    expect(rmsToLevel(0.001)).toBe(0);
    expect(rmsToLevel(1)).toBe(1);
    expect(rmsToLevel(0.01)).toBeCloseTo(20 / 48, 5);
    expect(rmsToLevel(Number.NaN)).toBe(0);
  });

  it('eases between modes: monotonic, weights sum to 1, settled after 3 s', () => {
    const s = createFieldState();
    const clock = { ms: 0 };
    expect(Array.from(s.out.modeWeights)).toEqual([1, 0, 0, 0]);
    s.setMode('speaking');
    let prev = 0;
    for (let i = 0; i < 30; i++) {
      advance(s, 0.1, clock);
      const w = s.out.modeWeights[3]!;
      expect(w).toBeGreaterThan(prev);
      expect(sum(s.out.modeWeights)).toBeCloseTo(1, 5);
      prev = w;
    }
    expect(s.out.modeWeights[3]).toBeGreaterThan(0.99);
    expect(s.out.modeWeights[0]).toBeLessThan(0.01);
  });

  it('does not jump: one step changes the weights only partially', () => {
    const s = createFieldState();
    s.setMode('thinking');
    s.update(1 / 60, 16);
    expect(s.out.modeWeights[2]).toBeGreaterThan(0);
    expect(s.out.modeWeights[2]).toBeLessThan(0.1);
  });

  it('clamps dt so a long pause eases instead of snapping', () => {
    const s = createFieldState();
    s.setMode('listening');
    s.update(10, 10_000);
    expect(s.out.modeWeights[1]).toBeLessThan(0.3);
  });

  it('smooths the level: fast attack, slower release, silence when frames go stale', () => {
    const s = createFieldState();
    const clock = { ms: 0 };
    const loud = frame({ rms: 0.25 });
    const target = rmsToLevel(0.25);
    advance(s, 0.1, clock, loud);
    const attack = s.out.micLevel;
    expect(attack).toBeGreaterThan(0.8 * target);
    advance(s, 0.5, clock, loud);
    expect(s.out.micLevel).toBeCloseTo(target, 2);
    // Frames stop: after the stale time the level releases toward 0, more slowly than it rose.
    advance(s, 0.4, clock);
    const released = s.out.micLevel;
    expect(released).toBeLessThan(target);
    advance(s, 0.1, clock);
    expect(target - s.out.micLevel).toBeLessThan(attack);
    advance(s, 3, clock);
    expect(s.out.micLevel).toBeLessThan(0.01);
  });

  it('shows the mic while listening and the assistant while speaking', () => {
    const s = createFieldState();
    const clock = { ms: 0 };
    s.setMode('listening');
    advance(s, 2, clock, frame({ source: 'mic', rms: 0.2 }));
    expect(s.out.source).toBeLessThan(0.01);
    expect(s.out.level).toBeCloseTo(s.out.micLevel, 2);
    const micColor = Array.from(s.out.colorA);
    s.setMode('speaking');
    advance(s, 2, clock, frame({ source: 'assistant', rms: 0.05 }));
    expect(s.out.source).toBeGreaterThan(0.99);
    expect(s.out.level).toBeCloseTo(s.out.assistantLevel, 2);
    const assistantColor = Array.from(s.out.colorA);
    const distance = Math.hypot(...micColor.map((c, i) => c - assistantColor[i]!));
    expect(distance).toBeGreaterThan(0.3);
  });

  it('gates pitch by clarity: unclear pitch holds the hue, clear pitch moves it', () => {
    const s = createFieldState();
    const clock = { ms: 0 };
    advance(s, 1, clock, frame({ pitchHz: 390, clarity: 0.3 }));
    expect(s.out.micHue).toBe(0);
    advance(s, 1, clock, frame({ pitchHz: 390, clarity: 0.9 }));
    expect(s.out.micHue).toBeGreaterThan(0.05);
    const high = s.out.micHue;
    // Unvoiced frames (pitch 0) keep the last hue.
    advance(s, 1, clock, frame({ pitchHz: 0, clarity: 0 }));
    expect(s.out.micHue).toBeGreaterThanOrEqual(high);
    expect(s.out.micHue).toBeCloseTo(pitchHueOffset(390, 0.9)!, 3);
    advance(s, 1, clock, frame({ pitchHz: 85, clarity: 0.9 }));
    expect(s.out.micHue).toBeLessThan(-0.05);
  });

  it('turns onsets into a burst that decays; reduced motion keeps it small', () => {
    const s = createFieldState();
    const clock = { ms: 0 };
    s.setMode('listening');
    s.pushFrame(frame({ onset: 1 }), 0);
    s.update(1 / 60, 16);
    expect(s.out.burst).toBeGreaterThan(0.9);
    advance(s, 2, clock);
    expect(s.out.burst).toBeLessThan(0.01);

    const calm = createFieldState({ reducedMotion: true });
    calm.setMode('listening');
    calm.pushFrame(frame({ onset: 1 }), 0);
    calm.update(1 / 60, 16);
    expect(calm.out.burst).toBeLessThan(0.25);
    expect(calm.out.burst).toBeGreaterThan(0);
  });

  it('reduced motion slows the clock and lowers the motion amplitude', () => {
    const a = createFieldState();
    const b = createFieldState({ reducedMotion: true });
    const ca = { ms: 0 };
    const cb = { ms: 0 };
    advance(a, 2, ca);
    advance(b, 2, cb);
    expect(b.out.time).toBeLessThan(a.out.time / 2);
    expect(b.out.motion).toBeLessThan(0.3);
    expect(a.out.motion).toBe(1);
  });

  it('keeps the outputs finite and in range for silent and garbage frames', () => {
    const s = createFieldState();
    const clock = { ms: 0 };
    advance(s, 1, clock, frame({ rms: 0, pitchHz: Number.NaN, clarity: 1, onset: Number.NaN }));
    for (const v of [s.out.level, s.out.burst, s.out.micHue, ...s.out.colorA, ...s.out.colorB]) {
      expect(Number.isFinite(v)).toBe(true);
    }
    for (const c of [...s.out.colorA, ...s.out.colorB]) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  });

  it('reuses the same output object (no per-frame allocation of outputs)', () => {
    const s = createFieldState();
    const out = s.update(0.016, 16);
    expect(s.update(0.016, 32)).toBe(out);
    expect(s.out.modeWeights).toBe(out.modeWeights);
  });
});
