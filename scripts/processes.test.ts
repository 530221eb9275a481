import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PortInUseError, freePort, isPortFree, startService, startedLine } from './processes';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** Something else on a port that answers every health check with 200, like a leftover from an earlier run. */
async function impostor(): Promise<number> {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
  );
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('ports', () => {
  it('isPortFree tells a free port from a taken one', async () => {
    expect(await isPortFree(await freePort())).toBe(true);
    expect(await isPortFree(await impostor())).toBe(false);
  });
  it('the started line matches what the token service and the stand-in print, for their own port only', () => {
    const token =
      '{"time":"2026-12-03T08:00:00.000Z","level":"info","msg":"listening","service":"token-service","port":8787,"store":"memory"}';
    expect(startedLine(8787).test(token)).toBe(true);
    expect(startedLine(878).test(token)).toBe(false);
    expect(startedLine(8788).test('Realtime stand-in listening on http://127.0.0.1:8788\n')).toBe(true);
    expect(startedLine(8788).test('Realtime stand-in listening on http://127.0.0.1:18788\n')).toBe(false);
    expect(startedLine(8788).test('GET http://127.0.0.1:8788/health')).toBe(false);
  });
});

describe('startService', () => {
  // Regression: npm start reported the services started while its own copies died on "address already in use",
  // because the health check reached the old processes.
  it('does not take an old process answering /health on the port for the one it started', async () => {
    const port = await impostor();
    const started = startService(
      'Realtime stand-in',
      'emulator/main.ts',
      { EMULATOR_PORT: String(port) },
      port,
      '/__emulator/health',
    );
    await expect(started).rejects.toBeInstanceOf(PortInUseError);
    await expect(started).rejects.toMatchObject({ port, service: 'Realtime stand-in' });
  });
});
