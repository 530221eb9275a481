/**
 * Organisation sign-in end to end in Node: a real OIDC provider (oidc-provider) on loopback, the extension's own
 * sign-in code (lib/sso/session.ts: discovery, PKCE, state/nonce, code exchange, refresh) with the sign-in window
 * played by a scripted user, and the real token service (OIDC_ISSUER/OIDC_AUDIENCE) minting with the ID token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentIdToken, refreshSession, signIn, ssoSessionItem } from '@/lib/sso/session';
import { jwtClaims } from '@/lib/sso/oidc';
import { mintToken } from '@/lib/realtime/token';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { startStack, type Stack } from '../support/stack';
import { CLIENT_ID, REDIRECT_URI, startIdp, type TestIdp } from './oidc-provider';

let idp: TestIdp;
let stack: Stack;

beforeAll(async () => {
  idp = await startIdp();
  stack = await startStack({ OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: CLIENT_ID });
}, 60_000);
afterAll(async () => {
  await stack?.stop();
  await idp?.stop();
});

const mint = (bearer: Partial<Settings>) =>
  mintToken(
    { ...DEFAULT_SETTINGS, tokenServiceUrl: stack.tokens.url, accessKey: '', ...bearer },
    new AbortController().signal,
  );

describe('sign-in with the organisation (authorization code + PKCE)', () => {
  it('signs in, and the token service accepts the ID token as the user', async () => {
    let asked = '';
    const session = await signIn(
      { issuer: idp.issuer, clientId: CLIENT_ID },
      { redirectUri: REDIRECT_URI, launch: (url) => ((asked = url), idp.userAgent('ann')(url)) },
    );
    const params = new URL(asked).searchParams;
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(session).toMatchObject({
      subject: 'ann',
      displayName: 'ann@example.com',
      issuer: idp.issuer,
      clientId: CLIENT_ID,
    });
    expect(session.refreshToken).toBeTruthy();
    expect(jwtClaims(session.idToken)).toMatchObject({
      iss: idp.issuer,
      aud: CLIENT_ID,
      sub: 'ann',
      nonce: params.get('nonce'),
    });

    const minted = await mint({ idToken: session.idToken });
    expect(minted.value).toMatch(/^ek_/);
    // The ID token wins over a (wrong) access key when both are present.
    expect((await mint({ idToken: session.idToken, accessKey: 'not-a-valid-key-0123456789' })).value).toMatch(/^ek_/);

    await new Promise((r) => setTimeout(r, 1_100)); // a new second, so the refreshed token's iat differs
    const refreshed = await refreshSession(session);
    expect(jwtClaims(refreshed.idToken).iat).toBeGreaterThan(jwtClaims(session.idToken).iat as number);
    expect(refreshed.subject).toBe('ann');
    expect((await mint({ idToken: refreshed.idToken })).value).toMatch(/^ek_/);
  });

  it('the token service refuses a tampered ID token and an IdP refuses a replayed code', async () => {
    let redirected = '';
    const session = await signIn(
      { issuer: idp.issuer, clientId: CLIENT_ID },
      { redirectUri: REDIRECT_URI, launch: async (url) => (redirected = await idp.userAgent('bob')(url)) },
    );
    const [h, p, s] = session.idToken.split('.');
    const forged = Buffer.from(JSON.stringify({ ...jwtClaims(session.idToken), sub: 'admin' })).toString('base64url');
    await expect(mint({ idToken: `${h}.${forged}.${s}` })).rejects.toMatchObject({
      engineError: { code: 'token_unauthorized' },
    });
    // With the policy naming the provider, the failure says to sign in rather than to paste an access key.
    const policy = {
      locked: [],
      handsFreeAllowed: true,
      pointingAllowed: true,
      oidc: { issuer: idp.issuer, clientId: CLIENT_ID },
    };
    await expect(mint({ idToken: `${h}.${forged}.${s}`, policy })).rejects.toMatchObject({
      engineError: { code: 'token_sign_in', message: /did not accept your organization sign-in/ },
    });
    await expect(mint({ policy })).rejects.toMatchObject({
      engineError: { code: 'token_sign_in', message: /Sign in with your organization/ },
    });
    expect(p).not.toBe(forged);
    // Same redirect again (a replayed code): the provider refuses, the sign-in says so.
    await expect(
      signIn(
        { issuer: idp.issuer, clientId: CLIENT_ID },
        { redirectUri: REDIRECT_URI, launch: async () => redirected },
      ),
    ).rejects.toThrow(/state mismatch|refused/);
  });

  it('before minting, an ID token about to expire is refreshed; one without a refresh token is dropped', async () => {
    const config = { issuer: idp.issuer, clientId: CLIENT_ID };
    const session = await signIn(config, { redirectUri: REDIRECT_URI, launch: idp.userAgent('cy') });
    await ssoSessionItem.setValue(session);
    expect(await currentIdToken(config)).toBe(session.idToken); // valid: used as is
    await new Promise((r) => setTimeout(r, 1_100));
    await ssoSessionItem.setValue({ ...session, expiresAt: Date.now() + 30_000 }); // inside the refresh margin
    const fresh = await currentIdToken(config);
    expect(fresh).toBeTruthy();
    expect(jwtClaims(fresh!).iat).toBeGreaterThan(jwtClaims(session.idToken).iat as number);
    expect((await ssoSessionItem.getValue())?.idToken).toBe(fresh);
    expect((await mint({ idToken: fresh })).value).toMatch(/^ek_/);
    const { refreshToken: _r, ...noRefresh } = session;
    await ssoSessionItem.setValue({ ...noRefresh, expiresAt: Date.now() + 30_000 });
    expect(await currentIdToken(config)).toBeUndefined();
    expect(await ssoSessionItem.getValue()).toBeNull();
  });
});
