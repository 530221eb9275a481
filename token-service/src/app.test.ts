import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, makeHarness } from './testing/harness';

afterAll(() => assertNoSecretLeak());

describe('app', () => {
  it('GET /health is liveness with no secrets or config', async () => {
    const r = await makeHarness().request('/health');
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ status: 'ok' });
  });

  it('GET /health says "practice" only when the upstream is a stand-in on this machine', async () => {
    const local = await makeHarness({ env: { OPENAI_BASE_URL: 'http://127.0.0.1:8788/v1' } }).request('/health');
    expect(local.json()).toEqual({ status: 'ok', practice: true });
    const remote = await makeHarness({ env: { OPENAI_BASE_URL: 'https://api.openai.com/v1' } }).request('/health');
    expect(remote.json()).toEqual({ status: 'ok' });
  });

  it('GET /health is readable cross-origin by allowed origins only', async () => {
    const h = makeHarness({ env: { ALLOWED_ORIGINS: 'chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk' } });
    const ok = await h.request('/health', {
      headers: { origin: 'chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk');
    const other = await h.request('/health', { headers: { origin: 'https://evil.example' } });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('GET /ready reports the store and the key verdict', async () => {
    const r = await makeHarness().request('/ready');
    expect(r.status).toBe(200);
    expect(r.json()).toEqual({ status: 'ready', store: 'memory', upstream_key: 'unchecked' });
  });

  it('GET /metrics exposes requests, failures by reason, the upstream latency histogram and rate-limit hits', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '2' } });
    await h.mint();
    await h.mint({ voice: 'nova', language: 'en', mode: 'push-to-talk' });
    await h.mint();
    const r = await h.request('/metrics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect(r.text).toContain('token_service_requests_total{route="/api/token",method="POST",status="200"} 1');
    expect(r.text).toContain('token_service_requests_total{route="/api/token",method="POST",status="400"} 1');
    expect(r.text).toContain('token_service_failures_total{reason="invalid_voice"} 1');
    expect(r.text).toContain('token_service_failures_total{reason="rate_limited"} 1');
    expect(r.text).toContain('token_service_rate_limit_hits_total{scope="principal"} 1');
    expect(r.text).toContain('token_service_tokens_minted_total 1');
    expect(r.text).toMatch(/token_service_upstream_latency_seconds_bucket\{le="\+Inf"\} 1\n/);
    expect(r.text).toMatch(/token_service_upstream_latency_seconds_count 1\n/);
  });

  it('sets secure headers on every response', async () => {
    const r = await makeHarness().request('/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('answers unknown paths and methods with a 404 error body', async () => {
    const h = makeHarness();
    for (const [path, method] of [
      ['/nope', 'GET'],
      ['/api/token', 'GET'],
      ['/api/token/x', 'POST'],
    ] as const) {
      const r = await h.request(path, { method });
      expect(r.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expect(r.status, `${method} ${path}`).toBeLessThan(500);
    }
    expect((await h.request('/nope')).json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
