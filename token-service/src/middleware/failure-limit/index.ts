/**
 * The pre-auth limit: failed authentications per client address (issue 10, "failed authentication is never
 * rate-limited"). It wraps a credential check (`authenticate`, the metrics guard) so that it can act on both sides:
 *
 * - before the check: an address that already has `perMinute` failures in its window gets 429 at once, whatever it
 *   sends (the check does not even run, so a blocked client cannot tell a right guess from a wrong one);
 * - after a failed check: the failure is counted atomically; once over the limit the answer is that same 429 instead of
 *   401, so a burst of parallel guesses is cut at the limit too;
 * - after a passed check: if parallel failures from the address pushed it over the limit meanwhile, it is 429 as well.
 *
 * Successful requests never add to the count, so a busy office behind one address is not throttled by its own
 * successes. Like the other limiter it fails closed (503) when the store is down.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../types';
import type { HitResult, RateLimitStore } from '../../rate-limit/store';
import { limitKey } from '../../client-address';
import { fail } from '../../errors';
import { WINDOW_MS } from '../rate-limit';

/** Refusal codes that mean "wrong or missing credential"; each counts as one failure. */
export const CREDENTIAL_FAILURES: ReadonlySet<string> = new Set([
  'missing_authorization',
  'invalid_authorization',
  'invalid_access_key',
  'invalid_token',
  'invalid_metrics_token',
]);

export interface FailureLimitOptions {
  store: RateLimitStore;
  perMinute: number;
  /** The client's address (see client-address.ts); undefined ones share one bucket. */
  address: (c: Context<AppEnv>) => string | undefined;
}

export function limitFailures(opts: FailureLimitOptions, check: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  const tooMany = (c: Context<AppEnv>, w: HitResult) => {
    c.get('metrics')?.rateLimitHit('auth_failures');
    // Whatever the check had prepared for its own refusal must not show through: the 429 is the same either way.
    c.header('WWW-Authenticate', undefined);
    const retry = String(Math.max(1, Math.ceil(w.resetMs / 1000)));
    return fail(
      c,
      429,
      'too_many_auth_failures',
      `Too many failed authentication attempts from this address; try again in ${retry} s.`,
      {
        'Retry-After': retry,
      },
    );
  };
  const unavailable = (c: Context<AppEnv>, e: unknown) => {
    c.get('log')?.error('rate-limit store unavailable', {
      store: opts.store.kind,
      cause: e instanceof Error ? e.name : 'unknown',
    });
    return fail(c, 503, 'rate_limit_unavailable', 'The rate limiter is unavailable; try again shortly.', {
      'Retry-After': '5',
    });
  };

  return async (c, next) => {
    const key = `authfail:${limitKey(opts.address(c))}`;
    try {
      const before = await opts.store.peek(key);
      if (before.count >= opts.perMinute) return tooMany(c, before);
    } catch (e) {
      return unavailable(c, e);
    }

    let blocked: HitResult | undefined;
    let storeError: unknown;
    const refused = await check(c, async () => {
      try {
        const after = await opts.store.peek(key);
        if (after.count >= opts.perMinute) {
          blocked = after;
          return;
        }
      } catch (e) {
        storeError = e;
        return;
      }
      await next();
    });
    if (storeError !== undefined) return unavailable(c, storeError);
    if (blocked) return tooMany(c, blocked);
    if (refused instanceof Response && CREDENTIAL_FAILURES.has(c.get('failure'))) {
      try {
        const counted = await opts.store.hit(key, WINDOW_MS);
        if (counted.count > opts.perMinute) return tooMany(c, counted);
      } catch (e) {
        return unavailable(c, e);
      }
    }
    return refused;
  };
}
