/**
 * Rolling window of audio→screen latencies (ms) with p50/p95. Fixed-size ring and scratch buffers: adding a sample
 * and computing the percentiles allocate nothing.
 */
export interface LatencySummary {
  p50: number;
  p95: number;
  /** Samples in the window (≤ size). */
  samples: number;
}

export interface LatencyWindow {
  add(ms: number): void;
  summary(): LatencySummary;
  clear(): void;
}

/** Nearest-rank percentile of an ascending array's first `n` values. */
export function percentile(sorted: ArrayLike<number>, n: number, p: number): number {
  if (n <= 0) return 0;
  const rank = Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1));
  return sorted[rank]!;
}

export function createLatencyWindow(size = 120): LatencyWindow {
  const ring = new Float64Array(size);
  const scratch = new Float64Array(size);
  let next = 0;
  let n = 0;
  return {
    add(ms) {
      if (!Number.isFinite(ms)) return;
      ring[next] = ms;
      next = (next + 1) % size;
      if (n < size) n++;
    },
    summary() {
      const view = scratch.subarray(0, n);
      view.set(ring.subarray(0, n));
      view.sort();
      return { p50: percentile(view, n, 50), p95: percentile(view, n, 95), samples: n };
    },
    clear() {
      next = 0;
      n = 0;
    },
  };
}
