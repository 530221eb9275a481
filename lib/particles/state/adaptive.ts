/**
 * Adaptive particle count, after drei's `PerformanceMonitor` (pmndrs/drei src/core/PerformanceMonitor.tsx):
 * frame durations are summed into `windowMs` windows, each window gives one fps average; after `iterations` windows
 * (250 ms × 8 = 2 s by default) it decides and clears:
 * - decline (−step) if more than `threshold` of the averages are below `bounds[0]`,
 * - incline (+step) if more than `threshold` of the averages are at or above `bounds[1]`,
 * - otherwise hold: the gap between the bounds is the hysteresis band.
 * A change of direction is a flip-flop; after `flipflops` of them the controller locks at the lower of the two levels
 * it was oscillating between (drei's `onFallback`: "set a fixed baseline").
 *
 * It is driven by frame durations, not by a clock, so tests (and the e2e hook) can feed synthetic frame times.
 * No allocation per tick.
 */
import { clamp } from './smoothing';

export interface AdaptiveOptions {
  min: number;
  max: number;
  /** Count change per decision. Default 8000, or a quarter of the range when the range is narrower than 4 steps. */
  step?: number;
  /** Starting count. Default: the level nearest 64k (clamped to min..max). */
  initial?: number;
  windowMs?: number;
  iterations?: number;
  /** [lower, upper] fps; below lower declines, at/above upper inclines. Default [50, 58] (60 Hz displays). */
  bounds?: readonly [number, number];
  threshold?: number;
  flipflops?: number;
}

export type AdaptiveDecision = 'incline' | 'decline' | 'hold';

export interface AdaptiveController {
  readonly count: number;
  readonly min: number;
  readonly max: number;
  readonly step: number;
  /** Direction changes so far. */
  readonly flips: number;
  /** True once flip-flopping exceeded the limit: the count no longer changes. */
  readonly locked: boolean;
  /** Decisions made so far (every `iterations` windows). */
  readonly decisions: number;
  readonly lastDecision: AdaptiveDecision | null;
  /** Feed one frame duration (ms). Returns true when the count changed. */
  tick(frameMs: number): boolean;
  /** Drop partial windows and averages (e.g. after a pause); keeps count, flips and lock. */
  resetWindows(): void;
}

/** Frames longer than this are pauses (tab hidden, debugger), not slowness: they reset the windows. */
const PAUSE_MS = 1000;
/** Tolerance for summed float frame times (120 × 16.67 ms should close 8 windows). */
const EPSILON_MS = 1e-6;

export function defaultStep(min: number, max: number): number {
  const range = max - min;
  if (range <= 0) return 1;
  return range >= 4 * 8000 ? 8000 : Math.max(1, Math.round(range / 4));
}

export function createAdaptiveCount(options: AdaptiveOptions): AdaptiveController {
  const min = Math.max(1, Math.floor(Math.min(options.min, options.max)));
  const max = Math.max(min, Math.floor(options.max));
  const step = Math.max(1, Math.floor(options.step ?? defaultStep(min, max)));
  const windowMs = options.windowMs ?? 250;
  const iterations = options.iterations ?? 8;
  const [lower, upper] = options.bounds ?? [50, 58];
  const threshold = options.threshold ?? 0.75;
  const flipLimit = options.flipflops ?? 3;
  const levelOf = (n: number): number => clamp(min + Math.round((n - min) / step) * step, min, max);
  let count = levelOf(options.initial ?? 64_000);

  const averages = new Float64Array(iterations);
  let filled = 0;
  let accMs = 0;
  let accFrames = 0;
  let flips = 0;
  let locked = false;
  let decisions = 0;
  let lastDecision: AdaptiveDecision | null = null;
  let lastDirection = 0;
  let previousCount = count;

  function resetWindows(): void {
    filled = 0;
    accMs = 0;
    accFrames = 0;
  }

  function decide(): boolean {
    decisions++;
    let above = 0;
    let below = 0;
    for (let i = 0; i < iterations; i++) {
      if (averages[i]! >= upper) above++;
      else if (averages[i]! < lower) below++;
    }
    filled = 0;
    let direction = 0;
    if (below > iterations * threshold) direction = -1;
    else if (above > iterations * threshold) direction = 1;
    lastDecision = direction < 0 ? 'decline' : direction > 0 ? 'incline' : 'hold';
    if (direction === 0 || locked) return false;
    const next = direction > 0 ? Math.min(max, count + step) : Math.max(min, count - step);
    if (next === count) return false;
    if (lastDirection !== 0 && direction !== lastDirection) {
      flips++;
      if (flips > flipLimit) {
        // Oscillating: settle on the lower of the two levels and stop adapting.
        locked = true;
        const lowest = Math.min(count, next, previousCount);
        const changed = lowest !== count;
        count = lowest;
        return changed;
      }
    }
    lastDirection = direction;
    previousCount = count;
    count = next;
    return true;
  }

  return {
    get count() {
      return count;
    },
    min,
    max,
    step,
    get flips() {
      return flips;
    },
    get locked() {
      return locked;
    },
    get decisions() {
      return decisions;
    },
    get lastDecision() {
      return lastDecision;
    },
    tick(frameMs) {
      if (!(frameMs > 0)) return false;
      if (frameMs > PAUSE_MS) {
        resetWindows();
        return false;
      }
      // Windows are exact slices of frame time: a frame that straddles a boundary is split between the two windows
      // (as a fractional frame), so a decision falls every `iterations × windowMs` of frame time, whatever the fps.
      let changed = false;
      let rest = frameMs;
      while (accMs + rest >= windowMs - EPSILON_MS) {
        const part = Math.max(0, windowMs - accMs);
        accFrames += part / frameMs;
        averages[filled++] = (accFrames * 1000) / windowMs;
        accMs = 0;
        accFrames = 0;
        rest -= part;
        if (filled >= iterations && decide()) changed = true;
      }
      accMs += rest;
      accFrames += rest / frameMs;
      return changed;
    },
    resetWindows,
  };
}
