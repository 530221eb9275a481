import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:https';
import type { X509Certificate } from 'node:crypto';
import type { TLSSocket } from 'node:tls';
import { routeFixture, startSfmcServer, PRACTICE_PAGES, type SfmcServer } from '@/scripts/sfmc-server';

let server: SfmcServer;
beforeAll(async () => {
  server = await startSfmcServer({ port: 0 });
});
afterAll(() => server.close());

/** GET https://<host><path> against the loopback server, with SNI + Host of the real SFMC name. */
function get(
  host: string,
  path: string,
  method = 'GET',
): Promise<{ status: number; body: string; cert: X509Certificate | null }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        servername: host,
        headers: { host },
        path,
        method,
        rejectUnauthorized: false,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        const cert = (res.socket as TLSSocket).getPeerX509Certificate() ?? null;
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cert }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('startSfmcServer', () => {
  it('serves the shell by Host header over TLS with a cert for the SFMC names', async () => {
    const res = await get('mc.s10.exacttarget.com', '/cloud/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('class="mc-canvas-region"');
    expect(res.cert?.subjectAltName).toContain('DNS:*.exacttarget.com');
    expect(res.cert?.subjectAltName).toContain('DNS:*.s10.marketingcloudapps.com');
    expect(res.cert?.subjectAltName).toContain('DNS:*.marketingcloudapps.com');
  });

  it.each(PRACTICE_PAGES.map((p) => [p.app, p] as const))('%s app frame is served', async (_app, p) => {
    const u = new URL(p.frameUrl);
    const res = await get(u.hostname, u.pathname + u.search);
    expect(res.status).toBe(200);
    expect(res.body).toContain('<!-- Practice fixture');
  });

  it('404s other hosts and paths, refuses writes', async () => {
    expect((await get('evil.example.com', '/cloud/')).status).toBe(404);
    expect((await get('mc.s10.exacttarget.com', '/cloud/fuelapi/data')).status).toBe(200); // shell catches /cloud/*
    expect((await get('members.s10.exacttarget.com', '/')).status).toBe(404);
    expect((await get('mc.s10.exacttarget.com', '/cloud/', 'POST')).status).toBe(405);
  });

  it('returns Chromium host-resolver rules for its port', () => {
    expect(server.hostResolverRules).toBe(
      `MAP *.exacttarget.com 127.0.0.1:${server.port}, MAP *.marketingcloudapps.com 127.0.0.1:${server.port}`,
    );
    expect(server.chromiumArgs).toEqual([
      `--host-resolver-rules=${server.hostResolverRules}`,
      '--ignore-certificate-errors',
    ]);
  });
});

describe('routeFixture', () => {
  it('routes any stack and strips the port', () => {
    expect(routeFixture('mc.s7.exacttarget.com:443', '/cloud/')).toBe('shell.html');
    expect(routeFixture('mc.exacttarget.com', '/cloud')).toBe('shell.html');
    expect(routeFixture('jbinteractions.s50.marketingcloudapps.com', '/')).toBe('journey-builder.html');
    expect(routeFixture('mc.s10.marketingcloudapps.com', '/AutomationStudioFuel3/')).toBe('automation-studio.html');
    expect(routeFixture('mc.s10.marketingcloudapps.com', '/other')).toBeNull();
  });
});
