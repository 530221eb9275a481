/**
 * The pure steps of an OpenID Connect sign-in (authorization code + PKCE): discovery document, authorization URL,
 * the redirect's state check, the token response's checks and expiry. No signature check here: the token service
 * verifies the ID token's signature against the issuer's keys on every use.
 */

export interface OidcConfig {
  issuer: string;
  clientId: string;
}

export interface Endpoints {
  authorization: string;
  token: string;
  endSession?: string;
}

/** A signed-in user, as stored (lib/sso/session.ts). */
export interface SsoSession {
  issuer: string;
  clientId: string;
  idToken: string;
  refreshToken?: string;
  /** Unix milliseconds: the ID token's `exp`. */
  expiresAt: number;
  subject: string;
  /** What the panel shows after "Signed in as". */
  displayName: string;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

export function discoveryUrl(issuer: string): string {
  return `${trimSlash(issuer)}/.well-known/openid-configuration`;
}

/** Endpoints from the discovery document; refuses a document for another issuer or without code + S256 support. */
export function parseDiscovery(doc: unknown, issuer: string): Endpoints {
  const d = (doc ?? {}) as Record<string, unknown>;
  if (typeof d.issuer !== 'string' || trimSlash(d.issuer) !== trimSlash(issuer))
    throw new Error(`The discovery document is for another issuer (${String(d.issuer)}).`);
  if (typeof d.authorization_endpoint !== 'string' || typeof d.token_endpoint !== 'string')
    throw new Error('The discovery document has no authorization or token endpoint.');
  const methods = d.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256'))
    throw new Error('The identity provider does not offer PKCE with S256.');
  return {
    authorization: d.authorization_endpoint,
    token: d.token_endpoint,
    ...(typeof d.end_session_endpoint === 'string' ? { endSession: d.end_session_endpoint } : {}),
  };
}

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  nonce: string;
  challenge: string;
}

/** The URL the sign-in window opens. `offline_access` asks for a refresh token (providers may ignore it). */
export function authorizeUrl(endpoint: string, req: AuthorizeRequest): string {
  const url = new URL(endpoint);
  const params = {
    response_type: 'code',
    client_id: req.clientId,
    redirect_uri: req.redirectUri,
    scope: 'openid profile email offline_access',
    state: req.state,
    nonce: req.nonce,
    code_challenge: req.challenge,
    code_challenge_method: 'S256',
    prompt: 'consent',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** The code from the redirect the provider sent back; throws on a provider error or a state that is not ours. */
export function codeFromRedirect(redirected: string, expectedState: string): string {
  const url = new URL(redirected);
  const params = url.searchParams.size ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  const error = params.get('error');
  if (error) throw new Error(`The identity provider refused the sign-in: ${params.get('error_description') || error}.`);
  if (params.get('state') !== expectedState)
    throw new Error('The sign-in answer does not belong to this sign-in (state mismatch).');
  const code = params.get('code');
  if (!code) throw new Error('The identity provider sent no authorization code.');
  return code;
}

/** The form body of the code exchange (a public client: no secret, the verifier proves it started the sign-in). */
export function codeExchangeBody(
  code: string,
  verifier: string,
  clientId: string,
  redirectUri: string,
): URLSearchParams {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    code_verifier: verifier,
    client_id: clientId,
    redirect_uri: redirectUri,
  });
}

export function refreshBody(refreshToken: string, clientId: string): URLSearchParams {
  return new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: clientId });
}

/** The claims of a JWT, unverified (base64url JSON of the middle part). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1];
  if (!part || jwt.split('.').length !== 3) throw new Error('The ID token is not a JWT.');
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
  const claims: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0))));
  if (!claims || typeof claims !== 'object') throw new Error('The ID token has no claims.');
  return claims as Record<string, unknown>;
}

/**
 * A session from the token endpoint's answer: an ID token for this client from this issuer, unexpired, with our
 * nonce (a refresh answer may omit the nonce, and may omit a new refresh token: the old one is kept).
 */
export function sessionFromTokens(
  body: unknown,
  expect: OidcConfig & { nonce?: string; previous?: SsoSession; now: number },
): SsoSession {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b.error === 'string')
    throw new Error(
      `The identity provider refused the token request: ${typeof b.error_description === 'string' ? b.error_description : b.error}.`,
    );
  if (typeof b.id_token !== 'string') throw new Error('The identity provider sent no ID token.');
  const c = jwtClaims(b.id_token);
  if (typeof c.iss !== 'string' || trimSlash(c.iss) !== trimSlash(expect.issuer))
    throw new Error('The ID token is from another issuer.');
  const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
  if (!aud.includes(expect.clientId)) throw new Error('The ID token is for another application.');
  if (expect.nonce !== undefined && c.nonce !== expect.nonce)
    throw new Error('The ID token does not belong to this sign-in (nonce mismatch).');
  if (typeof c.sub !== 'string' || !c.sub) throw new Error('The ID token names no user.');
  if (typeof c.exp !== 'number' || c.exp * 1000 <= expect.now) throw new Error('The ID token has already expired.');
  const refreshToken = typeof b.refresh_token === 'string' ? b.refresh_token : expect.previous?.refreshToken;
  const name = [c.email, c.preferred_username, c.name].find((v): v is string => typeof v === 'string' && v !== '');
  return {
    issuer: expect.issuer,
    clientId: expect.clientId,
    idToken: b.id_token,
    ...(refreshToken ? { refreshToken } : {}),
    expiresAt: c.exp * 1000,
    subject: c.sub,
    displayName: name ?? c.sub,
  };
}

/** Refresh this long before the ID token expires, so a token minted now still verifies at the token service. */
export const REFRESH_MARGIN_MS = 60_000;

export function sessionState(
  session: SsoSession | null,
  config: OidcConfig | undefined,
  now: number,
): 'none' | 'valid' | 'refresh' | 'expired' {
  if (!session || !config || session.issuer !== config.issuer || session.clientId !== config.clientId) return 'none';
  if (session.expiresAt - REFRESH_MARGIN_MS > now) return 'valid';
  return session.refreshToken ? 'refresh' : 'expired';
}
