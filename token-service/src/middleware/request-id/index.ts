import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../../types';
import type { Logger } from '../../log';
import type { Metrics } from '../../metrics';

/** The shape of a caller's id that is worth logging; anything else is dropped. */
export const PLAIN_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Gives every request a server-generated id (returned as `X-Request-Id`), a child logger carrying it, and one access-log
 * line plus a request metric when the response is ready.
 *
 * A caller's own `X-Request-Id` is never reflected: it is only logged, as `callerRequestId`, when it has a plain shape.
 * Nothing here looks at a secret. (0.1 echoed the caller's id unless it was part of a secret, which made every answer
 * an oracle on the API key and the access keys — issue 10.)
 */
export function requestContext(opts: { log: Logger; metrics: Metrics }): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = crypto.randomUUID();
    const callerRequestId = incoming !== undefined && PLAIN_ID.test(incoming) ? incoming : undefined;
    const log = opts.log.child(callerRequestId ? { requestId, callerRequestId } : { requestId });
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
