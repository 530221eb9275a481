import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from 'jose';
import { Hono } from 'hono';
import { authenticate, digestsEqual } from './index';
import { ACCESS_KEY, assertNoSecretLeak, makeHarness, OTHER_ACCESS_KEY } from '../../testing/harness';
import type { AppEnv } from '../../types';

afterAll(() => assertNoSecretLeak());

describe('digestsEqual', () => {
  it('is true only for identical bytes', () => {
    expect(digestsEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(digestsEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 4]))).toBe(false);
    expect(digestsEqual(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2]))).toBe(false);
  });
});

describe('access keys', () => {
  it.each([
    [undefined, 'missing_authorization'],
    ['', 'missing_authorization'],
    [`Basic ${ACCESS_KEY}`, 'invalid_authorization'],
    ['Bearer', 'invalid_authorization'],
    [`Bearer  ${ACCESS_KEY} x`, 'invalid_authorization'],
    ['Bearer wrong-key-but-long-enough', 'invalid_access_key'],
    [`Bearer ${ACCESS_KEY}x`, 'invalid_access_key'],
    [`Bearer ${ACCESS_KEY.slice(0, -1)}`, 'invalid_access_key'],
  ])('refuses Authorization %j with 401 %s', async (authorization, code) => {
    const h = makeHarness();
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization !== undefined) headers.authorization = authorization;
    const r = await h.request('/api/token', { method: 'POST', headers, body: '{}' });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ error: { code } });
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(h.stub.received).toHaveLength(0);
  });

  it('accepts every configured key, with a distinct principal each', async () => {
    const h = makeHarness();
    expect((await h.mint()).status).toBe(200);
    expect((await h.mint(undefined, { authorization: `Bearer ${OTHER_ACCESS_KEY}` })).status).toBe(200);
    const principals = h.logs
      .map((l) => JSON.parse(l) as { principal?: string })
      .map((l) => l.principal)
      .filter(Boolean);
    expect(new Set(principals).size).toBe(2);
    expect(principals[0]).toMatch(/^key:[0-9a-f]{12}$/);
  });

  it('accepts the scheme case-insensitively', async () => {
    expect((await makeHarness().mint(undefined, { authorization: `bearer ${ACCESS_KEY}` })).status).toBe(200);
  });
});

describe('OIDC', () => {
  const issuer = 'https://issuer.test';
  const audience = 'sfmc-voice-instructor';
  let getKey: JWTVerifyGetKey;
  let sign: (
    claims: Record<string, unknown>,
    opts?: { iss?: string; aud?: string; exp?: string | number },
  ) => Promise<string>;

  beforeAll(async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    getKey = createLocalJWKSet({ keys: [jwk] });
    sign = (claims, o = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(o.iss ?? issuer)
        .setAudience(o.aud ?? audience)
        .setIssuedAt()
        .setExpirationTime(o.exp ?? '5m')
        .sign(privateKey);
  });

  const harness = () =>
    makeHarness({ env: { OIDC_ISSUER: issuer, OIDC_AUDIENCE: audience }, deps: { oidcGetKey: getKey } });

  it('accepts a valid JWT and limits by its subject', async () => {
    const h = harness();
    const r = await h.mint(undefined, { authorization: `Bearer ${await sign({ sub: 'user-1' })}` });
    expect(r.status).toBe(200);
    expect(h.logs.some((l) => l.includes('"principal":"sub:user-1"'))).toBe(true);
  });

  it.each([
    ['wrong audience', { aud: 'someone-else' }],
    ['wrong issuer', { iss: 'https://evil.test' }],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 600 }],
  ])('refuses a JWT with %s (401 invalid_token)', async (_name, o) => {
    const r = await harness().mint(undefined, { authorization: `Bearer ${await sign({ sub: 'user-1' }, o)}` });
    expect(r.status).toBe(401);
    expect(r.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('refuses a JWT signed by another key', async () => {
    const other = await generateKeyPair('ES256');
    const jwt = await new SignJWT({ sub: 'x' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(other.privateKey);
    const r = await harness().mint(undefined, { authorization: `Bearer ${jwt}` });
    expect(r.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('still accepts access keys when they are configured', async () => {
    expect((await harness().mint()).status).toBe(200);
  });

  it('discovers the JWKS through the issuer when no key resolver is injected', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'r1', alg: 'RS256' };
    const idp = new Hono();
    idp.get('/.well-known/openid-configuration', (c) => c.json({ issuer, jwks_uri: `${issuer}/jwks` }));
    const fetchImpl: typeof fetch = async (input, init) =>
      idp.request(input instanceof Request ? input.url : String(input), init);
    const app = new Hono<AppEnv>();
    app.use(authenticate({ accessKeys: [], oidc: { issuer, audience, fetch: fetchImpl } }));
    app.get('/', (c) => c.text(c.get('principal')));
    const jwt = await new SignJWT({ sub: 'u2' })
      .setProtectedHeader({ alg: 'RS256', kid: 'r1' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    // jose fetches the JWKS with the global fetch; route only that URL to the fake IdP.
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      return url === `${issuer}/jwks`
        ? new Response(JSON.stringify({ keys: [jwk] }), { headers: { 'content-type': 'application/json' } })
        : realFetch(input, init);
    }) as typeof fetch;
    try {
      const r = await app.request('/', { headers: { authorization: `Bearer ${jwt}` } });
      expect(r.status).toBe(200);
      expect(await r.text()).toBe('sub:u2');
    } finally {
      globalThis.fetch = realFetch;
    }
  });
});
