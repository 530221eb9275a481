/** Reconnect delays: exponential growth with "full jitter" (a uniform pick in [0, cap]), so clients don't stampede. */
export function backoffDelay(
  attempt: number,
  opts: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? 500;
  const max = opts.maxMs ?? 30_000;
  const random = opts.random ?? Math.random;
  const step = Math.max(1, Math.floor(Number.isFinite(attempt) ? attempt : 1));
  const cap = Math.min(max, base * 2 ** Math.min(step - 1, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(cap * r);
}
