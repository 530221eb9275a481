/**
 * Shared by bench/particles.ts and bench/particles/smoke.ts: build the pages of bench/particles/ with Vite (Vue SFCs,
 * `@` alias, test hooks on, readable names, three in its own chunk) into a temp dir, serve them cross-origin isolated
 * (COOP/COEP → 5 µs performance.now()), and launch headless Chromium on SwiftShader.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import vue from '@vitejs/plugin-vue';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const PAGES = join(ROOT, 'bench/particles');

export async function buildPages(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-particles-'));
  await build({
    root: PAGES,
    configFile: false,
    logLevel: 'warn',
    plugins: [vue()],
    resolve: { alias: { '@': ROOT } },
    define: { 'import.meta.env.WXT_TEST_HOOKS': JSON.stringify('1') },
    build: {
      outDir,
      emptyOutDir: true,
      // Readable names, so the heap profile can find `benchFrame`.
      minify: false,
      target: 'es2022',
      rolldownOptions: {
        input: { bench: join(PAGES, 'index.html'), canvas: join(PAGES, 'canvas.html') },
        // three and lib/particles in their own chunks, so the heap profile can tell their allocations apart by URL.
        output: {
          codeSplitting: {
            groups: [
              { name: 'three', test: /node_modules[\\/]three[\\/]/, priority: 2 },
              { name: 'particles', test: /lib[\\/]particles[\\/]/, priority: 1 },
            ],
          },
        },
      },
    },
  });
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    let file = join(dir, path);
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const body = readFileSync(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-embedder-policy': 'require-corp',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/` });
    }),
  );
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
    ],
  });
}
