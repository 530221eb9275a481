import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../types';
import { fail } from '../../errors';

export const ALLOWED_METHODS = 'POST, OPTIONS';
export const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Request-Id';
export const EXPOSED_HEADERS =
  'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After, X-Request-Id';

/**
 * CORS for an exact allow-list of origins (the extension's `chrome-extension://<id>`). A request without `Origin`
 * (server-to-server, curl) passes on to authentication; a request from any other origin is refused with 403, preflight
 * included. This is a browser-side control only: authentication still decides who may mint.
 */
export function originGuard(opts: { allowedOrigins: readonly string[] }): MiddlewareHandler<AppEnv> {
  const allowed = new Set(opts.allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    c.header('Vary', 'Origin', { append: true });
    if (origin === undefined) {
      if (c.req.method === 'OPTIONS')
        return fail(c, 400, 'invalid_preflight', 'A CORS preflight needs an Origin header.');
      return next();
    }
    if (!allowed.has(origin)) {
      return fail(c, 403, 'origin_not_allowed', 'This origin may not call the token service.');
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
      c.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    return next();
  };
}
