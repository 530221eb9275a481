/**
 * Sign-in with the organisation's OpenID Connect provider through chrome.identity.launchWebAuthFlow (the panel
 * starts it), the stored session, silent refresh (service worker, before minting) and sign-out.
 */
import { storage } from 'wxt/utils/storage';
import { codeChallenge, randomToken } from './pkce';
import {
  authorizeUrl,
  codeExchangeBody,
  codeFromRedirect,
  discoveryUrl,
  parseDiscovery,
  refreshBody,
  sessionFromTokens,
  sessionState,
  type Endpoints,
  type OidcConfig,
  type SsoSession,
} from './oidc';

export const ssoSessionItem = storage.defineItem<SsoSession | null>('local:ssoSession', { fallback: null });

async function endpoints(issuer: string, fetchImpl: typeof fetch): Promise<Endpoints> {
  const res = await fetchImpl(discoveryUrl(issuer), { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`The identity provider's discovery document answered HTTP ${res.status}.`);
  return parseDiscovery(await res.json(), issuer);
}

async function postTokens(endpoint: string, body: URLSearchParams, fetchImpl: typeof fetch): Promise<unknown> {
  const res = await fetchImpl(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body,
  });
  return res.json().catch(() => ({ error: `HTTP ${res.status}` }));
}

export interface SignInDeps {
  /** Opens the provider's page and resolves with the URL it redirected to (launchWebAuthFlow in the extension). */
  launch(url: string): Promise<string>;
  redirectUri: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/** One interactive sign-in: discovery → authorization (PKCE, state, nonce) → code exchange → checked session. */
export async function signIn(config: OidcConfig, deps: SignInDeps): Promise<SsoSession> {
  const fetchImpl = deps.fetch ?? fetch;
  const ep = await endpoints(config.issuer, fetchImpl);
  const verifier = randomToken();
  const state = randomToken(16);
  const nonce = randomToken(16);
  const url = authorizeUrl(ep.authorization, {
    clientId: config.clientId,
    redirectUri: deps.redirectUri,
    state,
    nonce,
    challenge: await codeChallenge(verifier),
  });
  const code = codeFromRedirect(await deps.launch(url), state);
  const tokens = await postTokens(
    ep.token,
    codeExchangeBody(code, verifier, config.clientId, deps.redirectUri),
    fetchImpl,
  );
  return sessionFromTokens(tokens, { ...config, nonce, now: (deps.now ?? Date.now)() });
}

/** A fresh ID token through the refresh token (throws when the provider refuses it). */
export async function refreshSession(
  session: SsoSession,
  fetchImpl: typeof fetch = fetch,
  now = Date.now(),
): Promise<SsoSession> {
  if (!session.refreshToken) throw new Error('No refresh token: sign in again.');
  const ep = await endpoints(session.issuer, fetchImpl);
  const tokens = await postTokens(ep.token, refreshBody(session.refreshToken, session.clientId), fetchImpl);
  return sessionFromTokens(tokens, { issuer: session.issuer, clientId: session.clientId, previous: session, now });
}

/** The panel's "Sign in with your organization": runs the flow in Chrome's sign-in window and stores the session. */
export async function signInWithBrowser(config: OidcConfig): Promise<SsoSession> {
  // Optional permission, only for organisations that use sign-in; the request must come first, in the click.
  if (!(await browser.permissions.request({ permissions: ['identity'] })))
    throw new Error('Sign-in needs the "identity" permission, which was refused.');
  const session = await signIn(config, {
    redirectUri: browser.identity.getRedirectURL(),
    launch: async (url) => {
      const redirected = await browser.identity.launchWebAuthFlow({ url, interactive: true });
      if (!redirected) throw new Error('The sign-in window closed without an answer.');
      return redirected;
    },
  });
  await ssoSessionItem.setValue(session);
  return session;
}

export async function signOut(): Promise<void> {
  await ssoSessionItem.setValue(null);
}

/**
 * The ID token to send to the token service, refreshed first when it is about to expire; undefined when nobody is
 * signed in with this provider or the session has lapsed (the session is then cleared: the panel offers sign-in).
 */
export async function currentIdToken(config: OidcConfig, fetchImpl: typeof fetch = fetch): Promise<string | undefined> {
  const session = await ssoSessionItem.getValue();
  const state = sessionState(session, config, Date.now());
  if (state === 'valid') return session?.idToken;
  if (state === 'none' || !session) return undefined;
  if (state === 'refresh') {
    try {
      const next = await refreshSession(session, fetchImpl);
      await ssoSessionItem.setValue(next);
      return next.idToken;
    } catch (e) {
      console.warn('[sso] refresh failed', e);
    }
  }
  await ssoSessionItem.setValue(null);
  return undefined;
}
