/**
 * The Hono app, free of Node APIs so it runs on any Hono runtime (Node via server.ts, Cloudflare Workers via worker.ts).
 * Dependencies (rate-limit store, logger, upstream fetch) are injected.
 */
import { Hono, type Context } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { JWTVerifyGetKey } from 'jose';
import type { Config } from './env';
import { BODY_LIMIT_BYTES } from './env';
import type { AppEnv } from './types';
import { createLogger, type Logger } from './log';
import { Metrics } from './metrics';
import { fail } from './errors';
import type { RateLimitStore } from './rate-limit/store';
import { MemoryStore } from './rate-limit/memory-store';
import { requestContext } from './middleware/request-id';
import { originGuard } from './middleware/origin';
import { bodyLimit } from './middleware/body-limit';
import { authenticate } from './middleware/auth';
import { rateLimit } from './middleware/rate-limit';
import { limitFailures } from './middleware/failure-limit';
import { metricsGuard } from './middleware/metrics-guard';
import { clientAddress, type SocketAddress } from './client-address';
import { createUpstreamClient } from './upstream/mint';
import { UpstreamKeyStatus } from './upstream/key-check';
import { tokenRoute } from './routes/token';

export interface AppDeps {
  store?: RateLimitStore;
  log?: Logger;
  metrics?: Metrics;
  /** fetch used for the upstream OpenAI call (tests route it to an in-process stub). */
  upstreamFetch?: typeof fetch;
  /** Key resolver for OIDC JWTs (tests); by default the issuer's JWKS via discovery. */
  oidcGetKey?: JWTVerifyGetKey;
  /** The connection's peer address (Node: getConnInfo; Workers: CF-Connecting-IP). Without it, clients share one bucket. */
  socketAddress?: SocketAddress;
  /** The OpenAI key's verdict, shared with the entry that runs the start-up check; `/ready` reads it. */
  keyStatus?: UpstreamKeyStatus;
}

/** Every secret the logger must scrub. */
export const secretsOf = (config: Config) => [config.openaiApiKey, ...config.accessKeys];

/** True for http(s) URLs on this machine (127.0.0.0/8, localhost, [::1]). */
export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
  } catch {
    return false;
  }
}

export function createApp(config: Config, deps: AppDeps = {}) {
  const log = deps.log ?? createLogger({ secrets: secretsOf(config), level: config.logLevel });
  const metrics = deps.metrics ?? new Metrics();
  const store = deps.store ?? new MemoryStore();
  const client = createUpstreamClient({
    apiKey: config.openaiApiKey,
    baseURL: config.openaiBaseUrl,
    timeoutMs: config.upstreamTimeoutMs,
    fetch: deps.upstreamFetch,
  });
  const keyStatus = deps.keyStatus ?? new UpstreamKeyStatus();
  const socketAddress = deps.socketAddress ?? (() => undefined);
  const address = (c: Context<AppEnv>) =>
    clientAddress(c, { trustedProxyHeader: config.trustedProxyHeader, socketAddress });
  const failureLimit = { store, perMinute: config.authFailuresPerMinute, address };

  const app = new Hono<AppEnv>();
  app.use(requestContext({ log, metrics }));
  app.use(async (c, next) => {
    c.set('config', config);
    await next();
  });
  app.use(
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'cross-origin',
      referrerPolicy: 'no-referrer',
    }),
  );

  // Liveness. The one fact it adds is whether this service talks to a local Realtime stand-in (practice mode), so the
  // panel can say "Practice" before the first connect; nothing else about the configuration is shown.
  const practice = isLoopbackUrl(config.openaiBaseUrl);
  const healthOrigins = new Set(config.allowedOrigins);
  app.get('/health', (c) => {
    // Readable by the extension's panel (allowed origins only) so it can show the badge; liveness for everyone else.
    const origin = c.req.header('origin');
    c.header('Vary', 'Origin', { append: true });
    if (origin && healthOrigins.has(origin)) c.header('Access-Control-Allow-Origin', origin);
    return c.json(practice ? { status: 'ok', practice: true } : { status: 'ok' });
  });
  app.get('/ready', async (c) => {
    try {
      await store.ping();
    } catch {
      return fail(c, 503, 'not_ready', `The ${store.kind} rate-limit store is not reachable.`);
    }
    keyStatus.refreshIfStale();
    if (keyStatus.state === 'refused') {
      return fail(
        c,
        503,
        'upstream_auth',
        'OpenAI refused the OPENAI_API_KEY of this service; its operator must replace it.',
      );
    }
    if (keyStatus.state === 'checking') return fail(c, 503, 'not_ready', 'Checking the OpenAI key.');
    return c.json({ status: 'ready', store: store.kind, upstream_key: keyStatus.state });
  });
  app.get(
    '/metrics',
    limitFailures(
      failureLimit,
      metricsGuard({ token: config.metricsToken, address, trustedProxyHeader: config.trustedProxyHeader }),
    ),
    (c) => c.text(metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );

  app.use('/api/*', originGuard({ allowedOrigins: config.allowedOrigins }));
  app.use('/api/*', bodyLimit(BODY_LIMIT_BYTES));
  app.use(
    '/api/*',
    limitFailures(
      failureLimit,
      authenticate({
        accessKeys: config.accessKeys,
        oidc: config.oidc ? { ...config.oidc, getKey: deps.oidcGetKey } : undefined,
      }),
    ),
  );
  app.use(
    '/api/*',
    rateLimit({ store, perPrincipal: config.rateLimitPerMinute, global: config.globalRateLimitPerMinute }),
  );
  app.route('/api/token', tokenRoute({ client, keyStatus }));

  app.notFound((c) => fail(c, 404, 'not_found', 'No such endpoint.'));
  app.onError((err, c) => {
    (c.get('log') ?? log).error('unhandled error', { error: err instanceof Error ? err.name : typeof err });
    return fail(c, 500, 'internal_error', 'The token service failed unexpectedly.');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
