/**
 * A real OpenID Connect provider (`oidc-provider`) on loopback for the sign-in tests: one public client (the
 * extension: authorization code + PKCE, refresh tokens), any login accepted, and a scripted "user" that drives its
 * login and consent pages the way the sign-in window would.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider ships no types (@types/oidc-provider is not installed): typed below, as used here.
import ProviderJs from 'oidc-provider';
import { exportJWK, generateKeyPair } from 'jose';
import { PINNED_EXTENSION_ID, PINNED_EXTENSION_ORIGIN } from '../../lib/extension-id';

interface ProviderClient {
  grantTypeAllowed(type: string): boolean;
}
interface ProviderConfig {
  clients: Record<string, unknown>[];
  jwks: { keys: Record<string, unknown>[] };
  cookies: { keys: string[] };
  scopes: string[];
  claims: Record<string, string[]>;
  conformIdTokenClaims: boolean;
  findAccount(ctx: unknown, sub: string): { accountId: string; claims(): Record<string, unknown> };
  ttl: Record<string, number>;
  clientBasedCORS(ctx: unknown, origin: string, client: ProviderClient): boolean;
  issueRefreshToken(ctx: unknown, client: ProviderClient, code: { scopes: Set<string> }): boolean | Promise<boolean>;
}
const Provider = ProviderJs as new (issuer: string, config: ProviderConfig) => { callback(): RequestListener };

export const CLIENT_ID = 'sfmc-voice-extension';
/** What chrome.identity.getRedirectURL() answers for the pinned extension id. */
export const REDIRECT_URI = `https://${PINNED_EXTENSION_ID}.chromiumapp.org/`;

export interface TestIdp {
  issuer: string;
  /** Plays the user in the sign-in window: logs in as `login`, consents, and returns the final redirect URL. */
  userAgent(login: string): (url: string) => Promise<string>;
  stop(): Promise<void>;
}

export async function startIdp(opts: { idTokenTtlSeconds?: number } = {}): Promise<TestIdp> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-rs256', use: 'sig', alg: 'RS256' };
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key-0123456789'] },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    claims: { openid: ['sub'], email: ['email'], profile: ['name'] },
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: `${sub}@example.com`, name: sub }) }),
    // Name and email in the ID token itself, as common IdPs send them (the panel shows "Signed in as …").
    conformIdTokenClaims: false,
    ttl: { IdToken: opts.idTokenTtlSeconds ?? 3600 },
    // The extension's page calls the token endpoint: allow its origin (an admin configures the same at their IdP).
    clientBasedCORS: (_ctx, origin) => origin === PINNED_EXTENSION_ORIGIN,
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
  });
  server.on('request', provider.callback());

  const userAgent =
    (login: string) =>
    async (start: string): Promise<string> => {
      const cookies = new Map<string, string>();
      const keep = (res: Response) => {
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const [k, ...v] = (pair ?? '').split('=');
          if (k) cookies.set(k.trim(), v.join('='));
        }
      };
      const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      let url = start;
      let form: URLSearchParams | undefined;
      for (let hop = 0; hop < 20; hop++) {
        if (url.startsWith(REDIRECT_URI)) return url;
        const res = await fetch(url, {
          method: form ? 'POST' : 'GET',
          redirect: 'manual',
          headers: { cookie: cookieHeader(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
          body: form,
        });
        keep(res);
        form = undefined;
        const location = res.headers.get('location');
        if (location) {
          url = new URL(location, url).toString();
          continue;
        }
        const page = await res.text();
        if (!res.ok) throw new Error(`IdP answered ${res.status}: ${page.slice(0, 300)}`);
        // The provider's own login and consent pages: fill and submit them.
        form = /name="login"/.test(page)
          ? new URLSearchParams({ prompt: 'login', login, password: 'any' })
          : /value="consent"/.test(page)
            ? new URLSearchParams({ prompt: 'consent' })
            : undefined;
        if (!form) throw new Error(`Unexpected IdP page: ${page.slice(0, 300)}`);
        const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
        if (action) url = new URL(action.replace(/&amp;/g, '&'), url).toString();
      }
      throw new Error('Too many redirects in the sign-in window.');
    };

  return { issuer, userAgent, stop: () => new Promise((r) => server.close(() => r())) };
}
