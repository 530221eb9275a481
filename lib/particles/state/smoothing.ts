/**
 * Frame-rate independent one-pole smoothing. `dt` and time constants are in seconds; a time constant of 0 means
 * "jump". Pure functions on numbers: no allocation, no three.
 */

/** Fraction of the remaining distance covered in `dt` by a one-pole filter with time constant `tau`. */
export function alpha(dt: number, tau: number): number {
  if (tau <= 0) return 1;
  if (dt <= 0) return 0;
  return 1 - Math.exp(-dt / tau);
}

/** Move `current` toward `target` with time constant `tau`. */
export function approach(current: number, target: number, dt: number, tau: number): number {
  return current + (target - current) * alpha(dt, tau);
}

/** Attack/release envelope follower: fast rise (`attack`), slow fall (`release`). */
export function follow(current: number, target: number, dt: number, attack: number, release: number): number {
  return approach(current, target, dt, target > current ? attack : release);
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
