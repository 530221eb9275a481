/**
 * Who may read `/metrics` (issue 10: it was open to anyone). With `METRICS_TOKEN` set: whoever sends
 * `Authorization: Bearer <METRICS_TOKEN>` (compared as SHA-256 digests in constant time), from anywhere. Without it:
 * loopback clients only (a Prometheus on the same host, or a sidecar); a request that carries a forwarding header came
 * through a proxy and is refused unless TRUSTED_PROXY_HEADER says how to read the real client. Wrap it in `limitFailures` so wrong tokens count
 * towards the per-address failure limit.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../types';
import { fail } from '../../errors';
import { isLoopback } from '../../client-address';
import { digestsEqual, sha256 } from '../auth';

/** Headers a reverse proxy adds: a request carrying one came through a proxy, however local its socket looks. */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export function metricsGuard(opts: {
  token: string | undefined;
  address: (c: Context<AppEnv>) => string | undefined;
  /** The configured TRUSTED_PROXY_HEADER: then `address` already is the proxy's view of the client. */
  trustedProxyHeader?: string | undefined;
}): MiddlewareHandler<AppEnv> {
  const expected = opts.token ? sha256(opts.token) : undefined;
  return async (c, next) => {
    if (!expected) {
      // Behind a proxy on this host every socket is loopback; a forwarded request is not local.
      const proxied = !opts.trustedProxyHeader && FORWARDING_HEADERS.some((h) => c.req.header(h) !== undefined);
      if (!proxied && isLoopback(opts.address(c))) return next();
      return fail(
        c,
        403,
        'metrics_loopback_only',
        'Metrics are served to loopback clients only; set METRICS_TOKEN to scrape from elsewhere.',
      );
    }
    const m = /^Bearer ([\x21-\x7e]{1,4096})$/i.exec((c.req.header('authorization') ?? '').trim());
    if (m?.[1] && digestsEqual(await expected, await sha256(m[1]))) return next();
    return fail(c, 401, 'invalid_metrics_token', 'Send Authorization: Bearer <METRICS_TOKEN>.', {
      'WWW-Authenticate': 'Bearer realm="token-service-metrics"',
    });
  };
}
