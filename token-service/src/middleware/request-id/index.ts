import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../types';
import type { Logger } from '../../log';
import type { Metrics } from '../../metrics';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request an id (a caller's `X-Request-Id` is kept when it is short and plain), a child logger carrying it,
 * and one access-log line plus a request metric when the response is ready.
 */
export function requestContext(opts: { log: Logger; metrics: Metrics; secrets?: readonly string[] }): MiddlewareHandler<AppEnv> {
  const secrets = (opts.secrets ?? []).filter(Boolean);
  // A caller's id is reflected in the response, so one that carries a secret is replaced, not echoed.
  const usable = (id: string | undefined): id is string => !!id && SAFE_ID.test(id) && !secrets.some((s) => id.includes(s) || s.includes(id));
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = usable(incoming) ? incoming : crypto.randomUUID();
    const log = opts.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('metrics', opts.metrics);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const status = c.res.status;
    const route = c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : 'unmatched';
    opts.metrics.request(route, c.req.method, status);
    const failure = c.get('failure');
    if (failure) opts.metrics.failure(failure);
    const fields = {
      method: c.req.method,
      path: route,
      status,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      principal: c.get('principal'),
      reason: failure,
    };
    if (status >= 500) log.error('request', fields);
    else if (route === '/health' || route === '/ready' || route === '/metrics') log.debug('request', fields);
    else log.info('request', fields);
  };
}
