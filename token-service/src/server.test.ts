/**
 * Integration: the real Node entry (`token-service/src/server.ts`) as a child process, against a stub upstream on a
 * random port. Every stdout/stderr line of the child goes through the secret audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, type AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { ACCESS_KEY, API_KEY, assertNoSecretLeak, EXT_ORIGIN, recordLog, recordResponse } from './testing/harness';
import { createStubUpstream } from './testing/stub-upstream';

const stub = createStubUpstream(API_KEY);
let upstream: ServerType;
let upstreamUrl: string;

interface Child {
  proc: ChildProcess;
  lines: string[];
  exit: Promise<number | null>;
  waitFor(re: RegExp): Promise<string>;
}

function start(env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'token-service/src/server.ts'], {
    cwd: new URL('../..', import.meta.url).pathname,
    env: { PATH: process.env.PATH ?? '', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { re: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (buf: Buffer) => {
    for (const line of buf.toString('utf8').split('\n').filter(Boolean)) {
      lines.push(line);
      recordLog(line);
      for (const w of waiters.filter((x) => x.re.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  const exit = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    lines,
    exit,
    waitFor: (re) => {
      const hit = lines.find((l) => re.test(l));
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        waiters.push({ re, resolve });
        void exit.then((code) => reject(new Error(`child exited (${code}) before ${re}: ${lines.join('\n')}`)));
      });
    },
  };
}

const goodEnv = () => ({
  OPENAI_API_KEY: API_KEY,
  OPENAI_BASE_URL: `${upstreamUrl}/v1`,
  TOKEN_SERVICE_ACCESS_KEYS: ACCESS_KEY,
  ALLOWED_ORIGINS: EXT_ORIGIN,
  LOG_LEVEL: 'debug',
});

beforeAll(async () => {
  upstreamUrl = await new Promise((resolve) => {
    upstream = serve({ fetch: stub.app.fetch, port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) =>
      resolve(`http://127.0.0.1:${i.port}`),
    );
  });
});

afterAll(async () => {
  await new Promise((r) => upstream.close(r));
  assertNoSecretLeak();
});

function rawHttp(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1', () => sock.end(request));
    let out = '';
    sock.on('data', (d) => (out += d.toString('latin1')));
    sock.on('close', () => resolve(out));
    sock.on('error', () => resolve(out));
  });
}

describe('server process', () => {
  let child: Child;
  let base: string;
  let port: number;

  beforeAll(async () => {
    child = start(goodEnv());
    const line = await child.waitFor(/"msg":"listening"/);
    port = (JSON.parse(line) as { port: number }).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
  });

  it('mints a key end to end, with the access log line carrying the request id', async () => {
    const r = await recordResponse(
      await fetch(`${base}/api/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ACCESS_KEY}`, 'content-type': 'application/json', origin: EXT_ORIGIN },
        body: JSON.stringify({ voice: 'verse', language: 'es', mode: 'hands-free' }),
      }),
    );
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({
      voice: 'verse',
      language: 'es',
      model: 'gpt-realtime',
      realtime_url: `${upstreamUrl}/v1/realtime/calls`,
    });
    expect((r.json() as { value: string }).value).toMatch(/^ek_/);
    expect(stub.authorizations.at(-1)).toBe(`Bearer ${API_KEY}`);
    const id = r.headers.get('x-request-id') ?? 'none';
    await child.waitFor(new RegExp(`"requestId":"${id}".*"status":200`));
  });

  it('listens on loopback by default, checks the key at start-up and reports it in /ready', async () => {
    expect(JSON.parse(child.lines.find((l) => l.includes('"msg":"listening"')) ?? '{}')).toMatchObject({
      host: '127.0.0.1',
      metrics: 'loopback-only',
    });
    await child.waitFor(/"msg":"OpenAI accepted OPENAI_API_KEY"/);
    expect(stub.modelChecks).toBeGreaterThanOrEqual(1);
    expect((await recordResponse(await fetch(`${base}/ready`))).json()).toEqual({
      status: 'ready',
      store: 'memory',
      upstream_key: 'accepted',
    });
  });

  it('answers 502 to a huge upstream body, quickly, and keeps serving', async () => {
    stub.behaviour = 'huge_body';
    const pulledBefore = stub.bytesPulled;
    const started = Date.now();
    const r = await recordResponse(
      await fetch(`${base}/api/token`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ACCESS_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify({ voice: 'marin', language: 'en', mode: 'push-to-talk' }),
      }),
    );
    stub.behaviour = 'ok';
    expect(r.status).toBe(502);
    expect(Date.now() - started).toBeLessThan(5_000);
    // Over a real socket the sender runs ahead of the reader by its buffers, but nowhere near the endless body.
    expect(stub.bytesPulled - pulledBefore).toBeLessThan(8 * 1024 * 1024);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('serves health, readiness, metrics and CORS preflight', async () => {
    expect((await recordResponse(await fetch(`${base}/health`))).json()).toEqual({ status: 'ok', practice: true }); // its stub upstream runs on loopback
    expect((await recordResponse(await fetch(`${base}/ready`))).status).toBe(200);
    expect((await recordResponse(await fetch(`${base}/metrics`))).text).toContain(
      'token_service_tokens_minted_total 1',
    );
    const pre = await recordResponse(
      await fetch(`${base}/api/token`, {
        method: 'OPTIONS',
        headers: { origin: EXT_ORIGIN, 'access-control-request-method': 'POST' },
      }),
    );
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(EXT_ORIGIN);
  });

  it('answers raw hostile HTTP with 4xx and keeps serving', async () => {
    const bogusLength = await rawHttp(port, 'POST /api/token HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}');
    expect(bogusLength).toMatch(/^HTTP\/1\.1 4\d\d/);
    const hugeHeader = await rawHttp(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    expect(hugeHeader).toMatch(/^HTTP\/1\.1 4\d\d/);
    const lying = await rawHttp(
      port,
      `POST /api/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${ACCESS_KEY}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${(4096).toString(16)}\r\n${'x'.repeat(4096)}\r\n0\r\n\r\n`,
    );
    expect(lying).toMatch(/^HTTP\/1\.1 413/);
    expect(lying).toContain('body_too_large');
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('finishes in-flight requests on SIGTERM, then exits 0', async () => {
    let release!: () => void;
    stub.gate = new Promise((r) => (release = r));
    const before = stub.received.length;
    const pending = fetch(`${base}/api/token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCESS_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ voice: 'marin', language: 'en', mode: 'push-to-talk' }),
    });
    while (stub.received.length === before) await new Promise((r) => setTimeout(r, 10));
    child.proc.kill('SIGTERM');
    await child.waitFor(/"msg":"shutting down"/);
    stub.gate = undefined;
    release();
    const r = await recordResponse(await pending);
    expect(r.status).toBe(200);
    expect(await child.exit).toBe(0);
    expect(child.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
  });
});

describe('start-up checks', () => {
  it('a refused OpenAI key: a clear warning, /ready 503 upstream_auth, /health still 200', async () => {
    const child = start({ ...goodEnv(), OPENAI_API_KEY: 'sk-garbage-key-0000000000000000' });
    try {
      const line = await child.waitFor(/"msg":"OpenAI refused OPENAI_API_KEY/);
      expect(JSON.parse(line)).toMatchObject({ level: 'warn', upstreamStatus: 401 });
      const port = (JSON.parse(await child.waitFor(/"msg":"listening"/)) as { port: number }).port;
      const ready = await recordResponse(await fetch(`http://127.0.0.1:${port}/ready`));
      expect(ready.status).toBe(503);
      expect(ready.json()).toMatchObject({ error: { code: 'upstream_auth' } });
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it('an upstream without GET /models: "could not check", and the service is ready', async () => {
    stub.models = 'missing';
    const child = start(goodEnv());
    try {
      expect(JSON.parse(await child.waitFor(/Could not check OPENAI_API_KEY/))).toMatchObject({
        level: 'warn',
        upstreamStatus: 404,
      });
      const port = (JSON.parse(await child.waitFor(/"msg":"listening"/)) as { port: number }).port;
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).status).toBe(200);
    } finally {
      stub.models = 'ok';
      child.proc.kill('SIGKILL');
    }
  });

  it('warns when ALLOWED_ORIGINS is empty', async () => {
    const child = start({ ...goodEnv(), ALLOWED_ORIGINS: '' });
    try {
      expect(JSON.parse(await child.waitFor(/ALLOWED_ORIGINS is empty/))).toMatchObject({ level: 'warn' });
    } finally {
      child.proc.kill('SIGKILL');
    }
  });
});

describe('start-up validation', () => {
  it('exits 1 with a clear message naming each bad variable, without echoing values', async () => {
    const child = start({
      OPENAI_API_KEY: `${API_KEY} trailing`,
      TOKEN_TTL_SECONDS: '5',
      ALLOWED_ORIGINS: 'chrome-extension://nope',
    });
    expect(await child.exit).toBe(1);
    const out = child.lines.join('\n');
    expect(out).toContain('Invalid token-service environment');
    expect(out).toContain('OPENAI_API_KEY must not contain whitespace');
    expect(out).toContain('TOKEN_TTL_SECONDS must be at least 10');
    expect(out).toContain('TOKEN_SERVICE_ACCESS_KEYS is required');
    expect(out).toContain('ALLOWED_ORIGINS (entry 1)');
    expect(out).not.toContain(API_KEY);
  });
});
