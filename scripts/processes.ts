/** Start the stand-in and the token service as child processes on loopback (npm start, browser tests, benchmarks). */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** True when nothing listens on host:port (checked by listening there for a moment). */
export async function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', (e: NodeJS.ErrnoException) =>
      e.code === 'EADDRINUSE' || e.code === 'EACCES' ? resolve(false) : reject(e),
    );
    srv.listen(port, host, () => srv.close(() => resolve(true)));
  });
}

/**
 * The line each of our services prints once *it* listens on `port` (the token service's JSON `listening` log, the
 * stand-in's "listening on http://…:port"). Seeing it on the child's own output proves the health answer comes from
 * the process we started, not from an older one that holds the port.
 */
export function startedLine(port: number): RegExp {
  return new RegExp(`listening\\b.*\\D${port}(?!\\d)`);
}

/** Thrown when the service's port is taken; start.ts turns it into the port message with the fix. */
export class PortInUseError extends Error {
  constructor(
    readonly service: string,
    readonly port: number,
    output: string,
  ) {
    super(`${service}: port ${port} is already in use\n${output}`);
  }
}

export interface Service {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawn `tsx <entry>` with env; resolve once the child has printed its started line (startedLine) and `healthPath`
 * answers 200. Throws PortInUseError when the child dies on EADDRINUSE.
 */
export async function startService(
  name: string,
  entry: string,
  env: Record<string, string>,
  port: number,
  healthPath: string,
): Promise<Service> {
  const child = spawn(TSX, [path.join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = startedLine(port);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (/EADDRINUSE/.test(out)) throw new PortInUseError(name, port, out);
      throw new Error(
        `${name} exited early (${child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode}):\n${out}`,
      );
    }
    if (
      started.test(out) &&
      (await fetch(url + healthPath).then(
        (r) => r.ok,
        () => false,
      ))
    )
      break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${name} did not start on ${url} in 30 s (${started.test(out) ? `${healthPath} did not answer 200` : 'it never said it was listening'}):\n${out}`,
      );
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => (clearTimeout(kill), resolve()));
        child.kill('SIGTERM');
      }),
  };
}
