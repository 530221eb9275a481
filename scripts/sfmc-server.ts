/**
 * Practice SFMC pages over HTTPS on loopback, reached by the real SFMC host names. Chromium maps the hosts with
 * `--host-resolver-rules` (the returned `hostResolverRules`) and accepts the self-signed certificate with
 * `--ignore-certificate-errors`. Routing is by Host header + path to static files in tests/fixtures/sfmc/.
 *
 *   tsx scripts/sfmc-server.ts [--port 8443]    # prints the practice URLs and the Chromium flags
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AddressInfo } from 'node:net';

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'tests', 'fixtures', 'sfmc');

export interface PracticePage {
  app: string;
  /** Shell URL (what a learner opens). */
  url: string;
  /** The app frame the shell loads for that route. */
  frameUrl: string;
  /** Fixture file behind `frameUrl`. */
  file: string;
}

const SHELL = 'https://mc.s10.exacttarget.com/cloud/';

/** Every practice page: the shell route and the app frame it loads (see shell.html's route table). */
export const PRACTICE_PAGES: PracticePage[] = [
  {
    app: 'Journey Builder',
    url: `${SHELL}#app/Journey%20Builder/%233f2a9c1e-8b7d-4e21-9a55-6c0d2b1f7e43/1`,
    frameUrl: 'https://jbinteractions.s10.marketingcloudapps.com/#/3f2a9c1e-8b7d-4e21-9a55-6c0d2b1f7e43/1',
    file: 'journey-builder.html',
  },
  {
    app: 'Content Builder',
    url: `${SHELL}#app/Content%20Builder/184733`,
    frameUrl: 'https://content-builder.s10.marketingcloudapps.com/#/content/184733/edit',
    file: 'content-builder.html',
  },
  {
    app: 'Automation Studio',
    url: `${SHELL}#app/Automation%20Studio/AutomationStudioFuel3/%23ActivityDetails/300/7c9e6679-7425-40de-944b-e07fc1f90ae7`,
    frameUrl:
      'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityDetails/300/7c9e6679-7425-40de-944b-e07fc1f90ae7',
    file: 'automation-studio.html',
  },
  {
    app: 'Contact Builder',
    url: `${SHELL}#app/Contact%20Builder/contactsmeta/admin.html%23admin/data-extension/6a1f0d2c-44b3-e911-a2ce-1402ec8f9a11/records`,
    frameUrl:
      'https://mc.s10.marketingcloudapps.com/contactsmeta/admin.html#admin/data-extension/6a1f0d2c-44b3-e911-a2ce-1402ec8f9a11/records',
    file: 'contact-builder.html',
  },
  {
    app: 'Email Studio',
    url: `${SHELL}#app/Email/Default.aspx?ks=ks%23Subscribers`,
    frameUrl: 'https://members.s10.exacttarget.com/Content/Email/Default.aspx?ks=ks#Subscribers',
    file: 'email-studio.html',
  },
  {
    app: 'Setup',
    url: `${SHELL}#app/Setup/InstalledPackages/8d2c41f0-5b7e-4a3c-9e61-2f0b7d9c3a58`,
    frameUrl: 'https://mc.s10.marketingcloudapps.com/setup/#installed-packages/8d2c41f0-5b7e-4a3c-9e61-2f0b7d9c3a58',
    file: 'setup.html',
  },
];

/** Host (any stack sN) + path → fixture file, or null (404). */
export function routeFixture(hostHeader: string, pathname: string): string | null {
  const host = hostHeader.replace(/:\d+$/, '').toLowerCase();
  const path = pathname.toLowerCase();
  if (/^mc(\.s\d+)?\.exacttarget\.com$/.test(host))
    return path === '/cloud' || path.startsWith('/cloud/') ? 'shell.html' : null;
  if (/^members\.s\d+\.exacttarget\.com$/.test(host))
    return path.startsWith('/content/email/') ? 'email-studio.html' : null;
  if (/^jbinteractions\.s\d+\.marketingcloudapps\.com$/.test(host))
    return path === '/' || path === '/index.html' ? 'journey-builder.html' : null;
  if (/^content-builder\.s\d+\.marketingcloudapps\.com$/.test(host))
    return path === '/' || path === '/index.html' ? 'content-builder.html' : null;
  if (/^mc\.s\d+\.marketingcloudapps\.com$/.test(host)) {
    if (path.startsWith('/automationstudiofuel3/')) return 'automation-studio.html';
    if (path === '/contactsmeta/admin.html') return 'contact-builder.html';
    if (path.startsWith('/setup/')) return 'setup.html';
  }
  return null;
}

export const CERT_HOSTS = [
  '*.exacttarget.com',
  '*.s10.exacttarget.com',
  '*.marketingcloudapps.com',
  '*.s10.marketingcloudapps.com',
];

/** Self-signed cert for the SFMC host names, made with the openssl CLI into a temp dir (removed right after). */
export function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sfmc-cert-'));
  try {
    const keyFile = join(dir, 'key.pem');
    const certFile = join(dir, 'cert.pem');
    const san = [...CERT_HOSTS.map((h) => `DNS:${h}`), 'DNS:localhost', 'IP:127.0.0.1'].join(',');
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '7',
          '-keyout',
          keyFile,
          '-out',
          certFile,
          '-subj',
          '/CN=mc.s10.exacttarget.com',
          '-addext',
          `subjectAltName=${san}`,
        ],
        { stdio: 'pipe' },
      );
    } catch (error) {
      const e = error as NodeJS.ErrnoException & { stderr?: Buffer };
      if (e.code === 'ENOENT')
        throw new Error(
          'sfmc-server: the `openssl` command is missing; install OpenSSL (e.g. apt-get install openssl) to serve the practice pages over HTTPS',
        );
      throw new Error(`sfmc-server: openssl failed to create the certificate: ${e.stderr?.toString() || e.message}`);
    }
    return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface SfmcServer {
  port: number;
  /** `--host-resolver-rules` value mapping the SFMC hosts to this server. */
  hostResolverRules: string;
  /** Chromium flags for practice mode: host rules + accept the self-signed certificate. */
  chromiumArgs: string[];
  pages: PracticePage[];
  close(): Promise<void>;
}

export async function startSfmcServer({
  port = 0,
  host = '127.0.0.1',
}: { port?: number; host?: string } = {}): Promise<SfmcServer> {
  const { key, cert } = makeCertificate();
  const server: Server = createServer({ key, cert }, (req, res) => {
    const url = new URL(req.url ?? '/', 'https://fixture.invalid');
    const file = routeFixture(req.headers.host ?? '', url.pathname);
    if (!file || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res
        .writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' })
        .end(file ? 'Read-only practice page' : 'Not a practice page');
      return;
    }
    const body = readFileSync(join(FIXTURE_DIR, file));
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  const hostResolverRules = `MAP *.exacttarget.com 127.0.0.1:${actual}, MAP *.marketingcloudapps.com 127.0.0.1:${actual}`;
  return {
    port: actual,
    hostResolverRules,
    chromiumArgs: [`--host-resolver-rules=${hostResolverRules}`, '--ignore-certificate-errors'],
    pages: PRACTICE_PAGES,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 8443;
  startSfmcServer({ port }).then(
    (s) => {
      const lines = [
        `SFMC practice pages on https://127.0.0.1:${s.port} (self-signed).`,
        'Start Chromium with:',
        `  chromium ${s.chromiumArgs.map((a) => `'${a}'`).join(' ')}`,
        'Then open:',
        ...s.pages.map((p) => `  ${p.app.padEnd(18)} ${p.url}`),
      ];
      writeFileSync(1, `${lines.join('\n')}\n`);
      const stop = () => void s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      writeFileSync(2, `${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
