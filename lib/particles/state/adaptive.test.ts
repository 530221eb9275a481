import { describe, expect, it } from 'vitest';
import { createAdaptiveCount, defaultStep } from './adaptive';

/** Feed `seconds` of frames at `fps`; returns the count after each change. */
function run(c: ReturnType<typeof createAdaptiveCount>, fps: number, seconds: number): number[] {
  const changes: number[] = [];
  const frames = Math.round(fps * seconds);
  for (let i = 0; i < frames; i++) if (c.tick(1000 / fps)) changes.push(c.count);
  return changes;
}

describe('adaptive particle count (drei PerformanceMonitor algorithm)', () => {
  it('starts at the 64k level with 8k steps inside 32k–100k', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    expect(c.count).toBe(64_000);
    expect(c.step).toBe(8_000);
  });

  it('steps down once per 2 s of slow frames, not before', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    expect(run(c, 25, 1.9)).toEqual([]);
    expect(c.count).toBe(64_000);
    expect(run(c, 25, 0.2)).toEqual([56_000]);
    expect(run(c, 25, 2)).toEqual([48_000]);
    expect(c.decisions).toBe(2);
  });

  it('steps up under fast frames and clamps at max', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    expect(run(c, 60, 20)).toEqual([72_000, 80_000, 88_000, 96_000, 100_000]);
    expect(run(c, 60, 4)).toEqual([]);
    expect(c.count).toBe(100_000);
  });

  it('clamps at min under slow frames', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    run(c, 10, 30);
    expect(c.count).toBe(32_000);
  });

  it('holds inside the hysteresis band (between the bounds)', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    expect(run(c, 55, 20)).toEqual([]);
    expect(c.count).toBe(64_000);
    expect(c.lastDecision).toBe('hold');
  });

  it('needs more than 75 % of the windows below the bound to decline', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    // 6 slow windows + 2 fast windows = 75 %, not more: hold.
    run(c, 25, 1.5);
    run(c, 60, 0.5);
    expect(c.decisions).toBe(1);
    expect(c.count).toBe(64_000);
    // 7 of 8: decline.
    run(c, 25, 1.75);
    run(c, 60, 0.25);
    expect(c.decisions).toBe(2);
    expect(c.count).toBe(56_000);
  });

  it('does not flip-flop forever: after 3 direction changes it locks at the lower level', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000, flipflops: 3 });
    const seen: number[] = [];
    for (let i = 0; i < 10; i++) seen.push(...run(c, i % 2 === 0 ? 25 : 60, 2));
    expect(seen).toEqual([56_000, 64_000, 56_000, 64_000, 56_000]);
    expect(c.locked).toBe(true);
    expect(c.flips).toBe(4);
    expect(run(c, 60, 10)).toEqual([]);
    expect(run(c, 10, 10)).toEqual([]);
    expect(c.count).toBe(56_000);
  });

  it('treats a long frame as a pause, not as slowness', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    run(c, 25, 1.5);
    expect(c.tick(5_000)).toBe(false);
    expect(run(c, 60, 1)).toEqual([]);
    expect(c.decisions).toBe(0);
  });

  it('ignores non-positive and NaN frame times', () => {
    const c = createAdaptiveCount({ min: 32_000, max: 100_000 });
    for (const ms of [0, -5, Number.NaN]) expect(c.tick(ms)).toBe(false);
    expect(c.decisions).toBe(0);
  });

  it('uses a quarter of a narrow range as the step (small test counts)', () => {
    expect(defaultStep(32_000, 100_000)).toBe(8_000);
    expect(defaultStep(1_000, 4_000)).toBe(750);
    expect(defaultStep(5_000, 5_000)).toBe(1);
    const c = createAdaptiveCount({ min: 1_000, max: 4_000 });
    expect(c.count).toBe(4_000);
    expect(run(c, 20, 2)).toEqual([3_250]);
    expect(run(c, 60, 2)).toEqual([4_000]);
  });

  it('keeps min ≤ count ≤ max when options are inverted', () => {
    const c = createAdaptiveCount({ min: 9_000, max: 2_000 });
    expect(c.min).toBe(2_000);
    expect(c.max).toBe(2_000);
    expect(c.count).toBe(2_000);
  });
});
