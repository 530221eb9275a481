/**
 * `npm run bench:token`: throughput and latency of POST /api/token at 50 keep-alive connections against a stub upstream,
 * side by side with a bare Hono route (and the stub itself) served by the same child process in the same run.
 *
 * The stub upstream (`--serve-stub`) and the apps (`--serve`) run in two child processes, so neither the load generator
 * nor the stub shares the service's event loop. The rate limit
 * is raised out of the way and LOG_LEVEL is `warn` (no per-request access line) so the numbers are the framework,
 * middleware, validation and SDK call. Final line: {"rps","p99_ms","bare_rps","overhead_ratio"} where
 * overhead_ratio = bare_rps / rps (how many times more requests the bare route serves).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const CONNECTIONS = 50;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 5_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 1_000);
const API_KEY = 'sk-bench-not-a-real-key-0000000000';
const ACCESS_KEY = 'bench-access-key-0123456789';
const BODY = JSON.stringify({ voice: 'marin', language: 'en', mode: 'push-to-talk' });

const listen = async (fetch: (r: Request) => Response | Promise<Response>) => {
  const { serve } = await import('@hono/node-server');
  return new Promise<number>((resolve) =>
    serve({ fetch, port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) => resolve(i.port)),
  );
};

/** Child 1: the stub upstream alone, so its CPU is not charged to the service. */
async function serveStub(): Promise<void> {
  const { createStubUpstream } = await import('../token-service/src/testing/stub-upstream');
  const stubPort = await listen(createStubUpstream(API_KEY, { record: false }).app.fetch);
  process.on('SIGTERM', () => process.exit(0));
  process.stdout.write(JSON.stringify({ stubPort }) + '\n');
}

/** Child 2: the token service and the bare route (measured one after the other). */
async function serveApps(stubPort: number): Promise<void> {
  const { Hono } = await import('hono');
  const { createApp } = await import('../token-service/src/app');
  const { parseEnv } = await import('../token-service/src/env');
  const config = parseEnv({
    OPENAI_API_KEY: API_KEY,
    OPENAI_BASE_URL: `http://127.0.0.1:${stubPort}/v1`,
    TOKEN_SERVICE_ACCESS_KEYS: ACCESS_KEY,
    RATE_LIMIT_PER_MINUTE: '1000000000',
    RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000000',
    LOG_LEVEL: 'warn',
  });
  const servicePort = await listen(createApp(config).fetch);
  const bare = new Hono();
  bare.post('/bare', async (c) => c.json({ ok: true, echo: await c.req.json() }));
  const barePort = await listen(bare.fetch);
  process.on('SIGTERM', () => process.exit(0));
  process.stdout.write(JSON.stringify({ servicePort, barePort }) + '\n');
}

function child<T>(args: string[]): Promise<{ ports: T; proc: ChildProcess }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    proc.stdout?.on('data', (d: Buffer) => {
      buf += d.toString();
      const line = buf.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ ports: JSON.parse(line) as T, proc });
    });
    proc.on('exit', (code) => reject(new Error(`bench server ${args.join(' ')} exited with ${code}`)));
  });
}

interface Result {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
}

function once(agent: Agent, port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(BODY) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(BODY);
  });
}

async function load(name: string, port: number, path: string, headers: Record<string, string>): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const run = async (ms: number, record: boolean) => {
    const latencies: number[] = [];
    let errors = 0;
    const end = performance.now() + ms;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < end) {
          const t0 = performance.now();
          const status = await once(agent, port, path, headers).catch(() => 0);
          if (record) {
            if (status === 200) latencies.push(performance.now() - t0);
            else errors++;
          }
        }
      }),
    );
    return { latencies, errors };
  };
  await run(WARMUP_MS, false);
  const t0 = performance.now();
  const { latencies, errors } = await run(DURATION_MS, true);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / elapsed),
    p50: r2(q(0.5)),
    p99: r2(q(0.99)),
    max: r2(latencies.at(-1) ?? NaN),
  };
}

async function main(): Promise<void> {
  const stub = await child<{ stubPort: number }>(['--serve-stub']);
  const apps = await child<{ servicePort: number; barePort: number }>(['--serve', String(stub.ports.stubPort)]);
  const ports = { ...stub.ports, ...apps.ports };
  try {
    const json = { 'content-type': 'application/json' };
    const results = [
      await load('bare Hono route', ports.barePort, '/bare', json),
      await load('POST /api/token', ports.servicePort, '/api/token', {
        ...json,
        authorization: `Bearer ${ACCESS_KEY}`,
      }),
      await load('stub upstream alone', ports.stubPort, '/v1/realtime/client_secrets', {
        ...json,
        authorization: `Bearer ${API_KEY}`,
      }),
    ];
    console.log(
      `\n${CONNECTIONS} connections, ${DURATION_MS / 1000}s each after ${WARMUP_MS / 1000}s warm-up, node ${process.version}\n`,
    );
    console.table(
      results.map((r) => ({
        target: r.name,
        requests: r.requests,
        errors: r.errors,
        'req/s': r.rps,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
        'max ms': r.max,
      })),
    );
    const [bare, service] = results as [Result, Result];
    if (service.errors > 0 || bare.errors > 0)
      console.warn(`non-200 answers: service ${service.errors}, bare ${bare.errors}`);
    console.log(
      JSON.stringify({
        rps: service.rps,
        p99_ms: service.p99,
        bare_rps: bare.rps,
        overhead_ratio: Math.round((bare.rps / service.rps) * 100) / 100,
      }),
    );
  } finally {
    apps.proc.kill('SIGTERM');
    stub.proc.kill('SIGTERM');
  }
}

const serveAt = process.argv.indexOf('--serve');
if (process.argv.includes('--serve-stub')) void serveStub();
else if (serveAt > 0) void serveApps(Number(process.argv[serveAt + 1]));
else
  void main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
