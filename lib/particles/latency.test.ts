import { describe, expect, it } from 'vitest';
import { createLatencyWindow, percentile } from './latency';

describe('latency window', () => {
  it('computes nearest-rank percentiles', () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(percentile(a, 10, 50)).toBe(5);
    expect(percentile(a, 10, 95)).toBe(10);
    expect(percentile(a, 0, 95)).toBe(0);
  });

  it('keeps only the last `size` samples', () => {
    const w = createLatencyWindow(4);
    for (const ms of [1000, 1000, 10, 20, 30, 40]) w.add(ms);
    expect(w.summary()).toEqual({ p50: 20, p95: 40, samples: 4 });
  });

  it('ignores non-finite samples and clears', () => {
    const w = createLatencyWindow(8);
    w.add(Number.NaN);
    w.add(Infinity);
    expect(w.summary().samples).toBe(0);
    w.add(5);
    w.clear();
    expect(w.summary()).toEqual({ p50: 0, p95: 0, samples: 0 });
  });
});
