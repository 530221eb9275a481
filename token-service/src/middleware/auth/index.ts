import type { MiddlewareHandler } from 'hono';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { AppEnv } from '../../types';
import { fail } from '../../errors';

const encoder = new TextEncoder();

export async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Compares fixed-length digests without an early exit, so timing says nothing about how much of a key matched. */
export function digestsEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export interface OidcOptions {
  issuer: string;
  audience: string;
  /** Injected in tests; by default the issuer's JWKS, found through OpenID discovery. */
  getKey?: JWTVerifyGetKey;
  fetch?: typeof fetch;
}

/** Lazily discovers `jwks_uri` from the issuer and builds a cached remote key set (jose handles caching and cooldown). */
function discoveredKeySet(issuer: string, fetchImpl: typeof fetch): JWTVerifyGetKey {
  let keySet: Promise<JWTVerifyGetKey> | undefined;
  const load = async () => {
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`OIDC discovery failed with HTTP ${res.status}`);
    const doc = (await res.json()) as { jwks_uri?: unknown };
    if (typeof doc.jwks_uri !== 'string') throw new Error('OIDC discovery document has no jwks_uri');
    return createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: 5_000 });
  };
  return async (header, token) => {
    keySet ??= load().catch((e) => {
      keySet = undefined;
      throw e;
    });
    return (await keySet)(header, token);
  };
}

/**
 * `Authorization: Bearer <access key>` (compared as SHA-256 digests in constant time against every configured key), or,
 * with OIDC configured, a JWT from the issuer (signature, issuer, audience and expiry checked). Sets `principal`.
 */
export function authenticate(opts: { accessKeys: readonly string[]; oidc?: OidcOptions }): MiddlewareHandler<AppEnv> {
  const keyDigests = Promise.all(opts.accessKeys.map(sha256));
  const oidc = opts.oidc;
  const getKey = oidc ? (oidc.getKey ?? discoveredKeySet(oidc.issuer, oidc.fetch ?? fetch)) : undefined;
  const challenge = { 'WWW-Authenticate': 'Bearer realm="token-service"' };

  return async (c, next) => {
    const header = c.req.header('authorization');
    if (header === undefined || header.trim() === '') {
      return fail(c, 401, 'missing_authorization', 'Send Authorization: Bearer <access key>.', challenge);
    }
    const match = /^Bearer ([\x21-\x7e]{1,4096})$/i.exec(header.trim());
    if (!match?.[1]) {
      return fail(
        c,
        401,
        'invalid_authorization',
        'The Authorization header must be "Bearer <access key>".',
        challenge,
      );
    }
    const credential = match[1];
    const digest = await sha256(credential);
    let matched = false;
    for (const d of await keyDigests) matched = digestsEqual(d, digest) || matched;
    if (matched) {
      c.set('principal', `key:${hex(digest).slice(0, 12)}`);
      return next();
    }
    if (getKey && oidc && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(credential)) {
      try {
        const { payload } = await jwtVerify(credential, getKey, {
          issuer: oidc.issuer,
          audience: oidc.audience,
          algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
          requiredClaims: ['sub', 'exp'],
        });
        c.set('principal', `sub:${String(payload.sub).slice(0, 200)}`);
        return next();
      } catch (e) {
        c.get('log')?.info('jwt rejected', { cause: e instanceof Error ? e.name : 'unknown' });
        return fail(
          c,
          401,
          'invalid_token',
          'The bearer token is not a valid, unexpired token for this service.',
          challenge,
        );
      }
    }
    return fail(c, 401, 'invalid_access_key', 'The access key is not valid.', challenge);
  };
}
