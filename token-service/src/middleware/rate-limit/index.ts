import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../types';
import type { RateLimitStore } from '../../rate-limit/store';
import { fail } from '../../errors';

export const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows: `perPrincipal` per authenticated principal, then `global` over everyone (a cost circuit
 * breaker). Sets draft-6 `RateLimit-*` headers for the principal's window; a refusal is 429 with `Retry-After`. If the
 * store is down it fails closed (503): minting keys without a limit would spend money unchecked.
 */
export function rateLimit(opts: {
  store: RateLimitStore;
  perPrincipal: number;
  global: number;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const principal = c.get('principal') ?? 'anonymous';
    const metrics = c.get('metrics');
    let mine, all;
    try {
      mine = await opts.store.hit(`p:${principal}`, WINDOW_MS);
      if (mine.count <= opts.perPrincipal) all = await opts.store.hit('global', WINDOW_MS);
    } catch (e) {
      c.get('log')?.error('rate-limit store unavailable', {
        store: opts.store.kind,
        cause: e instanceof Error ? e.name : 'unknown',
      });
      return fail(c, 503, 'rate_limit_unavailable', 'The rate limiter is unavailable; try again shortly.', {
        'Retry-After': '5',
      });
    }
    const resetSeconds = Math.max(1, Math.ceil(mine.resetMs / 1000));
    c.header('RateLimit-Policy', `${opts.perPrincipal};w=${WINDOW_MS / 1000}`);
    c.header('RateLimit-Limit', String(opts.perPrincipal));
    c.header('RateLimit-Remaining', String(Math.max(0, opts.perPrincipal - mine.count)));
    c.header('RateLimit-Reset', String(resetSeconds));
    if (mine.count > opts.perPrincipal) {
      metrics?.rateLimitHit('principal');
      return fail(c, 429, 'rate_limited', `Too many keys requested: at most ${opts.perPrincipal} per minute.`, {
        'Retry-After': String(resetSeconds),
      });
    }
    if (all && all.count > opts.global) {
      metrics?.rateLimitHit('global');
      const retry = Math.max(1, Math.ceil(all.resetMs / 1000));
      return fail(c, 429, 'rate_limited', 'The service is minting too many keys right now; try again shortly.', {
        'Retry-After': String(retry),
      });
    }
    return next();
  };
}
