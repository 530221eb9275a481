import type { HitResult, RateLimitStore } from './store';

/**
 * Per-process counters. No timers (setInterval is not allowed at global scope on Cloudflare Workers): expired windows
 * are swept lazily when the map grows.
 */
export class MemoryStore implements RateLimitStore {
  readonly kind = 'memory' as const;
  private windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepAbove = 10_000,
  ) {}

  async hit(key: string, windowMs: number): Promise<HitResult> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (this.windows.size >= this.sweepAbove) this.sweep(now);
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  async peek(key: string): Promise<HitResult> {
    const now = this.now();
    const w = this.windows.get(key);
    return w && w.resetAt > now ? { count: w.count, resetMs: w.resetAt - now } : { count: 0, resetMs: 0 };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
  }

  get size(): number {
    return this.windows.size;
  }

  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}
