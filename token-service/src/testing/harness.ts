/**
 * Shared test kit. Every response body/header and every log line produced through it is kept in `auditTrail`, and
 * `assertNoSecretLeak()` (called from each suite's afterAll) greps the whole trail for the API key and access keys.
 */
import { expect } from 'vitest';
import type { Context } from 'hono';
import { createApp, type AppDeps } from '../app';
import { parseEnv, type Config } from '../env';
import { createLogger, makeRedactor } from '../log';
import { createStubUpstream, type StubUpstream } from './stub-upstream';

export const API_KEY = 'sk-test-SECRETxK9f8e7d6c5b4a3210zz';
export const ACCESS_KEY = 'access-key-for-tests-0001';
export const OTHER_ACCESS_KEY = 'access-key-for-tests-0002';
export const EXT_ORIGIN = 'chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk';
export const SECRETS = [API_KEY, ACCESS_KEY, OTHER_ACCESS_KEY];

export const auditTrail: { kind: 'response' | 'log'; text: string }[] = [];

export function testEnv(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: 'http://upstream.test/v1',
    TOKEN_SERVICE_ACCESS_KEYS: `${ACCESS_KEY},${OTHER_ACCESS_KEY}`,
    ALLOWED_ORIGINS: EXT_ORIGIN,
    LOG_LEVEL: 'debug',
    ...overrides,
  };
}

export async function recordResponse(
  res: Response,
): Promise<{ status: number; headers: Headers; text: string; json: () => unknown }> {
  const text = await res.text();
  auditTrail.push({ kind: 'response', text: `${res.status} ${JSON.stringify([...res.headers])} ${text}` });
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

export function recordLog(line: string): void {
  auditTrail.push({ kind: 'log', text: line });
}

export interface Harness {
  app: ReturnType<typeof createApp>;
  config: Config;
  stub: StubUpstream;
  logs: string[];
  request: (path: string, init?: RequestInit) => ReturnType<typeof recordResponse>;
  mint: (body?: unknown, headers?: Record<string, string>) => ReturnType<typeof recordResponse>;
}

export function makeHarness(opts: { env?: Record<string, string | undefined>; deps?: AppDeps } = {}): Harness {
  const config = parseEnv(testEnv(opts.env));
  const stub = createStubUpstream(API_KEY);
  const logs: string[] = [];
  const log = createLogger({
    secrets: [config.openaiApiKey, ...config.accessKeys],
    level: 'debug',
    sink: (line) => {
      logs.push(line);
      recordLog(line);
    },
  });
  // app.request() has no socket: the peer address comes from a test-only header, loopback by default.
  const socketAddress = (c: Context) => c.req.header('x-test-peer') ?? '127.0.0.1';
  const app = createApp(config, { log, upstreamFetch: stub.fetch, socketAddress, ...opts.deps });
  const request = async (path: string, init?: RequestInit) => recordResponse(await app.request(path, init));
  const mint = (
    body: unknown = { voice: 'marin', language: 'en', mode: 'push-to-talk' },
    headers: Record<string, string> = {},
  ) =>
    request('/api/token', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ACCESS_KEY}`,
        'content-type': 'application/json',
        origin: EXT_ORIGIN,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { app, config, stub, logs, request, mint };
}

/** Fails if any recorded response or log line holds the API key, or any log line holds an access key or an `ek_` value
 * (as a token of its own, like the log redactor: a caller's id such as `Xek_m…` is no key). */
export function assertNoSecretLeak(extra: { kind: 'response' | 'log'; text: string }[] = []): void {
  const trail = [...auditTrail, ...extra];
  expect(trail.length).toBeGreaterThan(0);
  const leaks = trail.filter(
    (e) =>
      e.text.includes(API_KEY) ||
      (e.kind === 'log' &&
        (e.text.includes(ACCESS_KEY) || e.text.includes(OTHER_ACCESS_KEY) || /\bek_[A-Za-z0-9]/.test(e.text))),
  );
  expect(leaks.map((l) => `${l.kind}: ${l.text.slice(0, 300)}`)).toEqual([]);
}

export { makeRedactor };
