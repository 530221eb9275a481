/** A fixed-window counter: the window for a key starts at its first hit and lasts `windowMs`. */
export interface HitResult {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window resets. */
  resetMs: number;
}

export interface RateLimitStore {
  readonly kind: 'memory' | 'redis';
  hit(key: string, windowMs: number): Promise<HitResult>;
  /** The current window of `key` without counting: `{ count: 0, resetMs: 0 }` when there is none. */
  peek(key: string): Promise<HitResult>;
  /** Resolves when the store can serve requests (used by /ready). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
