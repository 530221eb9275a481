/**
 * Cloudflare Workers entry (example; deploy with `wrangler deploy token-service/src/worker.ts`, set secrets with
 * `wrangler secret put OPENAI_API_KEY` etc.). The rate-limit store here is per isolate (MemoryStore): for a shared
 * limit on Workers, put a Workers Rate Limiting binding or a Durable Object store behind the RateLimitStore interface.
 */
import { createApp, type App } from './app';
import { parseEnv } from './env';

type WorkerEnv = Record<string, unknown>;
let app: App | undefined;

function stringEnv(env: WorkerEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === 'string') out[k] = v;
  return out;
}

export default {
  fetch(request: Request, env: WorkerEnv, ctx: unknown): Response | Promise<Response> {
    // Cloudflare sets CF-Connecting-IP itself (a client cannot forge it): the client address for the failure limit.
    app ??= createApp(parseEnv(stringEnv(env)), { socketAddress: (c) => c.req.header('cf-connecting-ip') });
    return app.fetch(request, env, ctx as never);
  },
};
