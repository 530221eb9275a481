/**
 * The pre-auth limit (issue 10: "failed authentication is never rate-limited"): failures per client address, checked
 * before authentication, exact under a parallel burst, and silent about whether a blocked client's guess was right.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, makeHarness } from '../../testing/harness';
import { MemoryStore } from '../../rate-limit/memory-store';
import type { RateLimitStore } from '../../rate-limit/store';

afterAll(() => assertNoSecretLeak());

const WRONG = { authorization: 'Bearer not-the-key-but-long-enough' };
const peer = (address: string) => ({ 'x-test-peer': address });

describe('failed authentication limit', () => {
  it('answers 401 for the first AUTH_FAILURES_PER_MINUTE failures, then 429 with Retry-After, for every credential', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '5' } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await h.mint(undefined, WRONG)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    const blocked = await h.mint();
    expect(blocked.status).toBe(429);
    expect(blocked.json()).toMatchObject({ error: { code: 'too_many_auth_failures' } });
    const retry = Number(blocked.headers.get('retry-after'));
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect(h.stub.received).toHaveLength(0);
    // Another address is not affected.
    expect((await h.mint(undefined, peer('203.0.113.9'))).status).toBe(200);
    expect((await h.request('/metrics')).status).toBe(429);
    expect((await h.request('/metrics', { headers: peer('::1') })).text).toContain(
      'token_service_rate_limit_hits_total{scope="auth_failures"} 4',
    );
  });

  it('counts every kind of credential failure: missing, malformed, unknown key', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '3' } });
    await h.mint(undefined, { authorization: '' });
    await h.mint(undefined, { authorization: 'Basic abc' });
    await h.mint(undefined, WRONG);
    expect((await h.mint()).status).toBe(429);
  });

  it('does not count successes or refusals that are not about the credential', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '3', RATE_LIMIT_PER_MINUTE: '1000' } });
    for (let i = 0; i < 30; i++) expect((await h.mint()).status).toBe(200);
    for (let i = 0; i < 10; i++)
      expect((await h.mint({ voice: 'nova', language: 'en', mode: 'push-to-talk' })).status).toBe(400);
    for (let i = 0; i < 3; i++) expect((await h.mint(undefined, WRONG)).status).toBe(401);
    expect((await h.mint(undefined, WRONG)).status).toBe(429);
  });

  it('cuts a parallel burst of wrong keys at exactly the limit', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '20' } });
    const results = await Promise.all(Array.from({ length: 300 }, () => h.mint(undefined, WRONG)));
    const counts = results.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ 401: 20, 429: 280 });
    // Cut before or after the check, the 429s look alike: no trace of the 401 the check had prepared.
    const shapes = new Set(
      results
        .filter((r) => r.status === 429)
        .map((r) =>
          JSON.stringify([
            r.text.replace(/\d+ s\./, 'N s.'),
            [...r.headers].filter(([k]) => !['x-request-id', 'retry-after'].includes(k)).sort(),
          ]),
        ),
    );
    expect(shapes.size).toBe(1);
    expect(results.filter((r) => r.status === 429).every((r) => r.headers.get('www-authenticate') === null)).toBe(true);
  });

  it('a blocked client gets the same answer for the right and a wrong key', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '2' } });
    await h.mint(undefined, WRONG);
    await h.mint(undefined, WRONG);
    const shape = (r: { status: number; headers: Headers; text: string }) =>
      JSON.stringify({
        status: r.status,
        body: r.text,
        headers: [...r.headers].filter(([k]) => k !== 'x-request-id').sort(),
      });
    const right = await h.mint();
    const wrong = await h.mint(undefined, WRONG);
    expect(right.status).toBe(429);
    expect(shape(right)).toBe(shape(wrong));
    expect(right.headers.get('www-authenticate')).toBeNull();
  });

  it('a valid key in a burst that crosses the limit is refused too', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '10' } });
    const burst = await Promise.all([
      ...Array.from({ length: 50 }, () => h.mint(undefined, WRONG)),
      ...Array.from({ length: 5 }, () => h.mint()),
    ]);
    // Wrong keys: 10 refusals as such, the rest cut off; whatever the right ones got, no more than 10 401s.
    expect(burst.filter((r) => r.status === 401)).toHaveLength(10);
    expect((await h.mint()).status).toBe(429);
  });

  it('opens again when the window is over', async () => {
    let clock = 1_000_000;
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '1' }, deps: { store: new MemoryStore(() => clock) } });
    expect((await h.mint(undefined, WRONG)).status).toBe(401);
    expect((await h.mint()).status).toBe(429);
    clock += 60_001;
    expect((await h.mint()).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless TRUSTED_PROXY_HEADER names it, then counts per forwarded address', async () => {
    const untrusted = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '1' } });
    await untrusted.mint(undefined, { ...WRONG, 'x-forwarded-for': '198.51.100.1' });
    expect((await untrusted.mint(undefined, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(429);

    const trusted = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '1', TRUSTED_PROXY_HEADER: 'X-Forwarded-For' } });
    await trusted.mint(undefined, { ...WRONG, 'x-forwarded-for': '198.51.100.1' });
    // Only the last entry (what the proxy saw) counts; a forged first entry does not move the client to a new bucket.
    expect((await trusted.mint(undefined, { 'x-forwarded-for': '10.0.0.1, 198.51.100.1' })).status).toBe(429);
    expect((await trusted.mint(undefined, { 'x-forwarded-for': '198.51.100.2' })).status).toBe(200);
  });

  it('counts an IPv6 /64 as one client', async () => {
    const h = makeHarness({ env: { AUTH_FAILURES_PER_MINUTE: '1' } });
    await h.mint(undefined, { ...WRONG, ...peer('2001:db8:1:2::1') });
    expect((await h.mint(undefined, peer('2001:db8:1:2:ffff:ffff:ffff:ffff'))).status).toBe(429);
    expect((await h.mint(undefined, peer('2001:db8:1:3::1'))).status).toBe(200);
  });

  it('fails closed with 503 when the store is down', async () => {
    const broken: RateLimitStore = {
      kind: 'redis',
      hit: async () => {
        throw new Error('down');
      },
      peek: async () => {
        throw new Error('down');
      },
      ping: async () => {},
      close: async () => {},
    };
    const r = await makeHarness({ deps: { store: broken } }).mint(undefined, WRONG);
    expect(r.status).toBe(503);
    expect(r.json()).toMatchObject({ error: { code: 'rate_limit_unavailable' } });
  });
});
