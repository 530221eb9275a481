import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('caps attempt 1 at the base', () => {
    expect(backoffDelay(1, { baseMs: 400, random: () => 1 })).toBe(400);
    expect(backoffDelay(1, { baseMs: 400, random: () => 0 })).toBe(0);
  });

  it('doubles the cap per attempt up to maxMs', () => {
    const top = (attempt: number) => backoffDelay(attempt, { baseMs: 500, maxMs: 5000, random: () => 1 });
    expect([1, 2, 3, 4, 5, 6, 50].map(top)).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000]);
  });

  it('jitters uniformly within the cap', () => {
    expect(backoffDelay(3, { baseMs: 1000, random: () => 0.25 })).toBe(1000);
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(4);
      expect(d).toBeGreaterThanOrEqual(0);
      expect(d).toBeLessThanOrEqual(4000);
    }
  });

  it('treats nonsense attempts as the first', () => {
    expect(backoffDelay(0, { random: () => 1 })).toBe(500);
    expect(backoffDelay(Number.NaN, { random: () => 1 })).toBe(500);
    expect(backoffDelay(-3, { random: () => 2 })).toBe(500);
  });
});
