import { describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  codeFromRedirect,
  jwtClaims,
  parseDiscovery,
  sessionFromTokens,
  sessionState,
  REFRESH_MARGIN_MS,
  type SsoSession,
} from './oidc';
import { codeChallenge, randomToken } from './pkce';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256' })}.${b64(claims)}.sig`;
const now = 1_800_000_000_000;
const cfg = { issuer: 'https://id.example/', clientId: 'ext' };
const good = {
  iss: 'https://id.example',
  aud: 'ext',
  sub: 'u1',
  nonce: 'n1',
  exp: now / 1000 + 600,
  email: 'ann@example.com',
};

describe('PKCE', () => {
  it('matches the RFC 7636 example (S256)', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
  it('random tokens are base64url and differ', () => {
    const a = randomToken();
    expect(a).toMatch(/^[\w-]{43}$/);
    expect(randomToken()).not.toBe(a);
  });
});

describe('discovery and the authorization URL', () => {
  it('takes the endpoints of the right issuer and refuses another or one without S256', () => {
    const doc = {
      issuer: 'https://id.example',
      authorization_endpoint: 'https://id.example/auth',
      token_endpoint: 'https://id.example/token',
      code_challenge_methods_supported: ['S256'],
    };
    expect(parseDiscovery(doc, 'https://id.example/')).toEqual({
      authorization: 'https://id.example/auth',
      token: 'https://id.example/token',
    });
    expect(() => parseDiscovery({ ...doc, issuer: 'https://evil.example' }, 'https://id.example')).toThrow(
      /another issuer/,
    );
    expect(() => parseDiscovery({ ...doc, code_challenge_methods_supported: ['plain'] }, 'https://id.example')).toThrow(
      /S256/,
    );
  });
  it('asks for a code with PKCE, state and nonce', () => {
    const u = new URL(
      authorizeUrl('https://id.example/auth?x=1', {
        clientId: 'ext',
        redirectUri: 'https://abc.chromiumapp.org/',
        state: 's',
        nonce: 'n',
        challenge: 'c',
      }),
    );
    expect(Object.fromEntries(u.searchParams)).toMatchObject({
      x: '1',
      response_type: 'code',
      client_id: 'ext',
      redirect_uri: 'https://abc.chromiumapp.org/',
      state: 's',
      nonce: 'n',
      code_challenge: 'c',
      code_challenge_method: 'S256',
    });
    expect(u.searchParams.get('scope')).toContain('openid');
  });
});

describe('the redirect', () => {
  it('returns the code only for our state', () => {
    expect(codeFromRedirect('https://abc.chromiumapp.org/?code=K&state=s', 's')).toBe('K');
    expect(() => codeFromRedirect('https://abc.chromiumapp.org/?code=K&state=other', 's')).toThrow(/state mismatch/);
    expect(() =>
      codeFromRedirect('https://abc.chromiumapp.org/?error=access_denied&error_description=No%20way&state=s', 's'),
    ).toThrow(/No way/);
    expect(() => codeFromRedirect('https://abc.chromiumapp.org/?state=s', 's')).toThrow(/no authorization code/);
  });
});

describe('token response', () => {
  it('accepts a matching ID token and names the user', () => {
    const s = sessionFromTokens({ id_token: jwt(good), refresh_token: 'r1' }, { ...cfg, nonce: 'n1', now });
    expect(s).toMatchObject({
      subject: 'u1',
      displayName: 'ann@example.com',
      refreshToken: 'r1',
      expiresAt: good.exp * 1000,
    });
    expect(jwtClaims(s.idToken).sub).toBe('u1');
  });
  it.each([
    ['another issuer', { iss: 'https://evil.example' }, /another issuer/],
    ['another audience', { aud: ['x', 'y'] }, /another application/],
    ['another nonce', { nonce: 'n2' }, /nonce/],
    ['an expired token', { exp: now / 1000 - 1 }, /expired/],
    ['no subject', { sub: '' }, /no user/],
  ])('refuses %s', (_n, patch, message) => {
    expect(() => sessionFromTokens({ id_token: jwt({ ...good, ...patch }) }, { ...cfg, nonce: 'n1', now })).toThrow(
      message,
    );
  });
  it('says what the provider said and refuses a missing token', () => {
    expect(() =>
      sessionFromTokens({ error: 'invalid_grant', error_description: 'grant request is invalid' }, { ...cfg, now }),
    ).toThrow(/grant request is invalid/);
    expect(() => sessionFromTokens({ access_token: 'a' }, { ...cfg, now })).toThrow(/no ID token/);
  });
  it('a refresh answer keeps the old refresh token when none comes back', () => {
    const previous = sessionFromTokens({ id_token: jwt(good), refresh_token: 'r1' }, { ...cfg, nonce: 'n1', now });
    const { nonce: _n, ...noNonce } = good;
    expect(
      sessionFromTokens({ id_token: jwt({ ...noNonce, exp: good.exp + 600 }) }, { ...cfg, previous, now }).refreshToken,
    ).toBe('r1');
  });
});

describe('sessionState', () => {
  const s: SsoSession = {
    issuer: cfg.issuer,
    clientId: 'ext',
    idToken: 'x',
    expiresAt: now + 10 * 60_000,
    subject: 'u1',
    displayName: 'u1',
  };
  it('valid, refresh, expired, or none for another provider', () => {
    expect(sessionState(s, cfg, now)).toBe('valid');
    expect(sessionState(s, cfg, s.expiresAt - REFRESH_MARGIN_MS + 1)).toBe('expired');
    expect(sessionState({ ...s, refreshToken: 'r' }, cfg, s.expiresAt)).toBe('refresh');
    expect(sessionState(s, { ...cfg, clientId: 'other' }, now)).toBe('none');
    expect(sessionState(null, cfg, now)).toBe('none');
    expect(sessionState(s, undefined, now)).toBe('none');
  });
});
