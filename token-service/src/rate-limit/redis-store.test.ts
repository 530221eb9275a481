/**
 * Redis store against a real redis-server spawned for this file, and two app instances (each its own HTTP server and
 * Redis connection, like two replicas behind a load balancer) sharing one limit.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { serve, type ServerType } from '@hono/node-server';
import { Redis } from 'ioredis';
import { RedisStore } from './redis-store';
import { startRedis, type RedisServer } from '../testing/redis';
import {
  ACCESS_KEY,
  assertNoSecretLeak,
  EXT_ORIGIN,
  makeHarness,
  OTHER_ACCESS_KEY,
  recordResponse,
} from '../testing/harness';
import type { AddressInfo } from 'node:net';

let redis: RedisServer;
// Started once for the file; every test awaits it, so a missing redis-server fails each test with the install hint
// (a failing beforeAll would only mark the tests as skipped).
let starting: Promise<RedisServer> | undefined;
const useRedis = async () => (redis = await (starting ??= startRedis()));
const stores: RedisStore[] = [];
const servers: ServerType[] = [];
const newStore = (prefix?: string) => {
  const s = new RedisStore(redis.url, prefix);
  stores.push(s);
  return s;
};

beforeEach(useRedis);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  await Promise.all(stores.map((s) => s.close()));
  await redis?.stop();
  assertNoSecretLeak();
});

async function listen(fetchHandler: (req: Request) => Response | Promise<Response>): Promise<string> {
  return new Promise((resolve) => {
    const server = serve({ fetch: fetchHandler, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve(`http://127.0.0.1:${info.port}`),
    );
    servers.push(server);
  });
}

describe('RedisStore', () => {
  it('counts atomically in a fixed window and sets the expiry on the first hit', async () => {
    const store = newStore('t1:');
    const hits = await Promise.all(Array.from({ length: 50 }, () => store.hit('k', 60_000)));
    expect(hits.map((h) => h.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    for (const h of hits) {
      expect(h.resetMs).toBeGreaterThan(0);
      expect(h.resetMs).toBeLessThanOrEqual(60_000);
    }
    const raw = new Redis(redis.url);
    try {
      const ttl = await raw.pttl('t1:k');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60_000);
    } finally {
      raw.disconnect();
    }
  });

  it('peeks at a window without counting, and a missing key reads as empty', async () => {
    const store = newStore('t4:');
    expect(await store.peek('k')).toEqual({ count: 0, resetMs: 0 });
    await store.hit('k', 60_000);
    await store.hit('k', 60_000);
    const a = await store.peek('k');
    const b = await store.peek('k');
    expect(a.count).toBe(2);
    expect(b.count).toBe(2);
    expect(a.resetMs).toBeGreaterThan(0);
    expect(a.resetMs).toBeLessThanOrEqual(60_000);
    expect((await store.hit('k', 60_000)).count).toBe(3);
  });

  it('shares the failed-authentication limit between instances', async () => {
    const env = { AUTH_FAILURES_PER_MINUTE: '4' };
    const a = makeHarness({ env, deps: { store: newStore('lb3:') } });
    const b = makeHarness({ env, deps: { store: newStore('lb3:') } });
    const wrong = { authorization: 'Bearer not-the-key-but-long-enough' };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await (i % 2 ? a : b).mint(undefined, wrong)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    expect((await a.mint()).status).toBe(429);
  });

  it('starts a new window once the old one expired', async () => {
    const store = newStore('t2:');
    expect((await store.hit('k', 50)).count).toBe(1);
    expect((await store.hit('k', 50)).count).toBe(2);
    const raw = new Redis(redis.url);
    await raw.pexpire('t2:k', 1);
    await new Promise((r) => setTimeout(r, 20));
    raw.disconnect();
    expect((await store.hit('k', 50)).count).toBe(1);
  });

  it('restores a lost TTL (a key without expiry never blocks forever)', async () => {
    const raw = new Redis(redis.url);
    await raw.set('t3:k', '5');
    raw.disconnect();
    const store = newStore('t3:');
    const h = await store.hit('k', 60_000);
    expect(h.count).toBe(6);
    expect(h.resetMs).toBeGreaterThan(0);
  });

  it('reports readiness, and an unreachable Redis makes /ready and /api/token 503', async () => {
    expect(await newStore().ping()).toBeUndefined();
    const dead = new RedisStore('redis://127.0.0.1:1');
    stores.push(dead);
    const h = makeHarness({ env: { REDIS_URL: 'redis://127.0.0.1:1' }, deps: { store: dead } });
    expect((await h.request('/ready')).status).toBe(503);
    const r = await h.mint();
    expect(r.status).toBe(503);
    expect(r.json()).toMatchObject({ error: { code: 'rate_limit_unavailable' } });
    expect(h.stub.received).toHaveLength(0);
  });
});

describe('two instances behind a load balancer, one Redis', () => {
  it('a burst of 500 concurrent requests from one key yields exactly the limit of successes', async () => {
    const limit = 41;
    const env = { RATE_LIMIT_PER_MINUTE: String(limit), RATE_LIMIT_GLOBAL_PER_MINUTE: '100000' };
    const a = makeHarness({ env, deps: { store: newStore('lb1:') } });
    const b = makeHarness({ env, deps: { store: newStore('lb1:') } });
    const urls = [await listen(a.app.fetch), await listen(b.app.fetch)];
    const body = JSON.stringify({ voice: 'marin', language: 'en', mode: 'push-to-talk' });
    const headers = { authorization: `Bearer ${ACCESS_KEY}`, 'content-type': 'application/json', origin: EXT_ORIGIN };
    const results = await Promise.all(
      Array.from({ length: 500 }, async (_, i) =>
        recordResponse(await fetch(`${urls[i % 2]}/api/token`, { method: 'POST', headers, body })),
      ),
    );
    const counts = results.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 200: limit, 429: 500 - limit });
    expect(a.stub.received.length + b.stub.received.length).toBe(limit);
    // Both instances did serve successes: the limit really is shared, not per instance.
    expect(a.stub.received.length).toBeGreaterThan(0);
    expect(b.stub.received.length).toBeGreaterThan(0);
    const refused = results.find((r) => r.status === 429);
    expect(refused?.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused?.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('shares the global cap too', async () => {
    const env = { RATE_LIMIT_PER_MINUTE: '10', RATE_LIMIT_GLOBAL_PER_MINUTE: '13' };
    const a = makeHarness({ env, deps: { store: newStore('lb2:') } });
    const b = makeHarness({ env, deps: { store: newStore('lb2:') } });
    const results = await Promise.all([
      ...Array.from({ length: 10 }, () => a.mint()),
      ...Array.from({ length: 10 }, () => b.mint(undefined, { authorization: `Bearer ${OTHER_ACCESS_KEY}` })),
    ]);
    expect(results.filter((r) => r.status === 200)).toHaveLength(13);
    expect(results.filter((r) => r.status === 429)).toHaveLength(7);
  });
});
