/** `/metrics` is no longer open (issue 10): loopback only, or a METRICS_TOKEN bearer from anywhere. */
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, makeHarness } from '../../testing/harness';

afterAll(() => assertNoSecretLeak());

const TOKEN = 'metrics-token-for-tests-01';

describe('/metrics without METRICS_TOKEN', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('serves the loopback peer %s', async (address) => {
    const r = await makeHarness().request('/metrics', { headers: { 'x-test-peer': address } });
    expect(r.status).toBe(200);
    expect(r.text).toContain('token_service_requests_total');
  });

  it.each(['203.0.113.7', '10.0.0.2', '2001:db8::1', 'not-an-address'])(
    'refuses the peer %s with 403',
    async (address) => {
      const r = await makeHarness().request('/metrics', { headers: { 'x-test-peer': address } });
      expect(r.status).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'metrics_loopback_only' } });
      expect(r.text).not.toContain('token_service_requests_total');
    },
  );

  it.each(['x-forwarded-for', 'forwarded', 'x-real-ip'])(
    'refuses a loopback request that came through a proxy (%s)',
    async (header) => {
      const r = await makeHarness().request('/metrics', { headers: { [header]: '203.0.113.7' } });
      expect(r.status).toBe(403);
    },
  );

  it('with a trusted proxy header, judges by the forwarded address', async () => {
    const h = makeHarness({ env: { TRUSTED_PROXY_HEADER: 'x-forwarded-for' } });
    expect((await h.request('/metrics', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(403);
    expect((await h.request('/metrics', { headers: { 'x-forwarded-for': '127.0.0.1' } })).status).toBe(200);
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const h = () => makeHarness({ env: { METRICS_TOKEN: TOKEN } });

  it('serves the right bearer from any address', async () => {
    const r = await h().request('/metrics', {
      headers: { authorization: `Bearer ${TOKEN}`, 'x-test-peer': '203.0.113.7' },
    });
    expect(r.status).toBe(200);
    expect(r.text).toContain('token_service_tokens_minted_total');
  });

  it.each([undefined, `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, TOKEN, 'Bearer '])(
    'refuses %j with 401, loopback included',
    async (authorization) => {
      const headers: Record<string, string> = {};
      if (authorization !== undefined) headers.authorization = authorization;
      const r = await h().request('/metrics', { headers });
      expect(r.status).toBe(401);
      expect(r.json()).toMatchObject({ error: { code: 'invalid_metrics_token' } });
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    },
  );

  it('wrong tokens count towards the failure limit', async () => {
    const app = makeHarness({ env: { METRICS_TOKEN: TOKEN, AUTH_FAILURES_PER_MINUTE: '2' } });
    const wrong = { headers: { authorization: 'Bearer wrong-metrics-token-000' } };
    expect((await app.request('/metrics', wrong)).status).toBe(401);
    expect((await app.request('/metrics', wrong)).status).toBe(401);
    expect((await app.request('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(429);
  });
});
