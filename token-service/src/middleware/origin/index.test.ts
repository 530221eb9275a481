import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, EXT_ORIGIN, makeHarness } from '../../testing/harness';

afterAll(() => assertNoSecretLeak());

describe('origin guard and CORS', () => {
  it('answers an allowed preflight with 204 and the CORS headers, without needing auth', async () => {
    const h = makeHarness();
    const r = await h.request('/api/token', {
      method: 'OPTIONS',
      headers: {
        origin: EXT_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(EXT_ORIGIN);
    expect(r.headers.get('access-control-allow-methods')).toContain('POST');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(r.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type');
    expect(r.headers.get('access-control-max-age')).toBe('600');
    expect(r.headers.get('vary')).toContain('Origin');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('refuses a preflight and a request from another origin with 403', async () => {
    const h = makeHarness();
    for (const origin of [
      'https://evil.example',
      'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
      'null',
      `${EXT_ORIGIN}.evil`,
    ]) {
      const pre = await h.request('/api/token', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const r = await h.mint(undefined, { origin });
      expect(r.status).toBe(403);
      expect(r.json()).toMatchObject({ error: { code: 'origin_not_allowed' } });
    }
    expect(h.stub.received).toHaveLength(0);
  });

  it('lets a request without Origin through to authentication', async () => {
    const h = makeHarness();
    const ok = await h.mint(undefined, { origin: '' });
    // An empty header is still a header; a truly absent Origin:
    const headers = {
      authorization: await Promise.resolve(`Bearer ${h.config.accessKeys[0]}`),
      'content-type': 'application/json',
    };
    const r = await h.request('/api/token', {
      method: 'POST',
      headers,
      body: JSON.stringify({ voice: 'marin', language: 'en', mode: 'push-to-talk' }),
    });
    expect(ok.status).toBe(403);
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never trusts the origin alone: an allowed origin without a key is 401', async () => {
    const r = await makeHarness().request('/api/token', {
      method: 'POST',
      headers: { origin: EXT_ORIGIN, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(r.status).toBe(401);
    expect(r.headers.get('access-control-allow-origin')).toBe(EXT_ORIGIN);
  });
});
