/** Shared counters in Redis so several instances behind a load balancer enforce one limit. Node only (TCP). */
import { Redis } from 'ioredis';
import type { HitResult, RateLimitStore } from './store';

/** Atomic fixed window: INCR, and start the window (PEXPIRE) on the first hit or if the key lost its TTL. */
export const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

/** Count and remaining window of a key in one round trip, without touching it. */
export const PEEK_SCRIPT = `
local count = redis.call('GET', KEYS[1])
if not count then return { 0, 0 } end
return { tonumber(count), redis.call('PTTL', KEYS[1]) }
`;

type WithHit = Redis & {
  rlHit(key: string, windowMs: number): Promise<[number, number]>;
  rlPeek(key: string): Promise<[number, number]>;
};

export class RedisStore implements RateLimitStore {
  readonly kind = 'redis' as const;
  private readonly redis: WithHit;

  constructor(
    url: string,
    private readonly prefix = 'tsrl:',
  ) {
    const redis = new Redis(url, {
      lazyConnect: false,
      enableOfflineQueue: true,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
    });
    // Connection errors surface per command (and in /ready); without a listener ioredis prints them itself.
    redis.on('error', () => {});
    redis.defineCommand('rlHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
    redis.defineCommand('rlPeek', { numberOfKeys: 1, lua: PEEK_SCRIPT });
    this.redis = redis as WithHit;
  }

  async hit(key: string, windowMs: number): Promise<HitResult> {
    const [count, ttl] = await this.redis.rlHit(this.prefix + key, windowMs);
    return { count: Number(count), resetMs: Math.max(0, Number(ttl)) };
  }

  async peek(key: string): Promise<HitResult> {
    const [count, ttl] = await this.redis.rlPeek(this.prefix + key);
    return { count: Number(count), resetMs: Math.max(0, Number(ttl)) };
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }

  async close(): Promise<void> {
    try {
      await this.redis.quit();
    } catch {
      this.redis.disconnect();
    }
  }
}
