/**
 * Node entry: validate the environment, build the app, serve on HOST:PORT, check the OpenAI key, shut down gracefully
 * on SIGTERM/SIGINT.
 */
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createApp, secretsOf } from './app';
import { EnvError, parseEnv } from './env';
import { createLogger } from './log';
import { MemoryStore } from './rate-limit/memory-store';
import { RedisStore } from './rate-limit/redis-store';
import { checkUpstreamKey, UpstreamKeyStatus } from './upstream/key-check';
import { configWarnings, keyCheckNote } from './startup';

/** The TCP peer; undefined if the request did not come through the Node server (there is no socket then). */
function socketAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}

function main() {
  let config;
  try {
    config = parseEnv(process.env);
  } catch (e) {
    if (e instanceof EnvError) {
      process.stderr.write(`${e.message}\nSee token-service/README.md for every variable.\n`);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger({ secrets: secretsOf(config), level: config.logLevel });
  const store = config.redisUrl ? new RedisStore(config.redisUrl) : new MemoryStore();
  const keyStatus = new UpstreamKeyStatus(() =>
    checkUpstreamKey({
      baseURL: config.openaiBaseUrl,
      apiKey: config.openaiApiKey,
      timeoutMs: config.upstreamTimeoutMs,
    }),
  );
  const app = createApp(config, { log, store, keyStatus, socketAddress });
  for (const note of configWarnings(config)) log[note.level](note.msg, note.fields);
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    log.info('listening', {
      host: config.host,
      port: info.port,
      store: store.kind,
      model: config.realtimeModel,
      upstream: config.openaiBaseUrl,
      auth: config.oidc ? 'access-keys+oidc' : 'access-keys',
      metrics: config.metricsToken ? 'token' : 'loopback-only',
    });
    void keyStatus.run().then((result) => {
      if (!result) return;
      const note = keyCheckNote(result, config.openaiBaseUrl);
      log[note.level](note.msg, note.fields);
    });
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    const force = setTimeout(() => {
      log.error('forced exit after 10 s');
      process.exit(1);
    }, 10_000);
    force.unref();
    server.close(async () => {
      await store.close();
      log.info('stopped');
      process.exit(0);
    });
    // Keep-alive sockets would hold close() open: drop each one as soon as its in-flight response is done.
    const closeIdle = () => (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    closeIdle();
    setInterval(closeIdle, 50).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main();
