import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, makeHarness, OTHER_ACCESS_KEY } from '../../testing/harness';
import type { RateLimitStore } from '../../rate-limit/store';

afterAll(() => assertNoSecretLeak());

describe('rate limit (memory store)', () => {
  it('sets RateLimit-* headers and refuses the request after the limit with 429 + Retry-After', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await h.mint();
      expect(r.status).toBe(200);
      remaining.push(r.headers.get('ratelimit-remaining'));
      expect(r.headers.get('ratelimit-limit')).toBe('3');
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const r = await h.mint();
    expect(r.status).toBe(429);
    expect(r.json()).toMatchObject({ error: { code: 'rate_limited' } });
    const retry = Number(r.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(r.headers.get('ratelimit-remaining')).toBe('0');
    expect(h.stub.received).toHaveLength(3);
    // Another principal has its own window.
    expect((await h.mint(undefined, { authorization: `Bearer ${OTHER_ACCESS_KEY}` })).status).toBe(200);
  });

  it('a burst of 500 concurrent requests from one key yields exactly the limit of successes', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '37', RATE_LIMIT_GLOBAL_PER_MINUTE: '100000' } });
    const results = await Promise.all(Array.from({ length: 500 }, () => h.mint()));
    const counts = results.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 200: 37, 429: 463 });
    expect(h.stub.received).toHaveLength(37);
  });

  it('enforces the global cap across principals', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_GLOBAL_PER_MINUTE: '7' } });
    const a = await Promise.all(Array.from({ length: 5 }, () => h.mint()));
    const b = await Promise.all(
      Array.from({ length: 5 }, () => h.mint(undefined, { authorization: `Bearer ${OTHER_ACCESS_KEY}` })),
    );
    const ok = [...a, ...b].filter((r) => r.status === 200).length;
    expect(ok).toBe(7);
    const refused = [...a, ...b].find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    const metrics = (await h.request('/metrics')).text;
    expect(metrics).toContain('token_service_rate_limit_hits_total{scope="global"} 3');
  });

  it('fails closed with 503 when the store is down', async () => {
    const broken: RateLimitStore = {
      kind: 'redis',
      hit: async () => {
        throw new Error('connection refused');
      },
      peek: async () => {
        throw new Error('connection refused');
      },
      ping: async () => {
        throw new Error('connection refused');
      },
      close: async () => {},
    };
    const h = makeHarness({ deps: { store: broken } });
    const r = await h.mint();
    expect(r.status).toBe(503);
    expect(r.json()).toMatchObject({ error: { code: 'rate_limit_unavailable' } });
    expect(h.stub.received).toHaveLength(0);
    expect((await h.request('/ready')).status).toBe(503);
  });
});
