/**
 * `npm start`: the whole product on this machine. Without OPENAI_API_KEY it runs in practice mode: the local Realtime
 * stand-in plays the model and the token service mints keys from it. With OPENAI_API_KEY the same command talks to
 * the real API (the wire is the same; only OPENAI_BASE_URL differs). Then it builds the extension, serves the
 * practice SFMC pages and opens Chromium with the extension loaded (or explains how to load it by hand).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PINNED_EXTENSION_ORIGIN } from '../lib/extension-id';
import { PRACTICE_PAGES, startSfmcServer } from './sfmc-server';
import { startService, ROOT, type Service } from './processes';

const TOKEN_PORT = Number(process.env.PORT || 8787);
const EMULATOR_PORT = Number(process.env.EMULATOR_PORT || 8788);
const SFMC_PORT = Number(process.env.SFMC_PORT || 8443);
const ACCESS_KEY = process.env.TOKEN_SERVICE_ACCESS_KEYS?.split(',')[0]?.trim() || 'practice-access-key';
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const practice = !process.env.OPENAI_API_KEY;
const services: Service[] = [];

async function main(): Promise<void> {
  console.log(practice ? '▶ Practice mode (no OPENAI_API_KEY): the local Realtime stand-in answers.' : '▶ Using the real OpenAI Realtime API.');
  let baseUrl = process.env.OPENAI_BASE_URL;
  if (practice) {
    const emulator = await startService('Realtime stand-in', 'emulator/main.ts', { EMULATOR_PORT: String(EMULATOR_PORT) }, EMULATOR_PORT, '/__emulator/health');
    services.push(emulator);
    baseUrl = `${emulator.url}/v1`;
    console.log(`  Realtime stand-in  ${emulator.url}`);
  }
  const tokens = await startService(
    'token service',
    'token-service/src/server.ts',
    {
      PORT: String(TOKEN_PORT),
      HOST: '127.0.0.1',
      OPENAI_API_KEY: process.env.OPENAI_API_KEY || 'sk-practice-mode-local-stand-in',
      ...(baseUrl ? { OPENAI_BASE_URL: baseUrl } : {}),
      TOKEN_SERVICE_ACCESS_KEYS: process.env.TOKEN_SERVICE_ACCESS_KEYS || ACCESS_KEY,
      ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS || PINNED_EXTENSION_ORIGIN,
    },
    TOKEN_PORT,
    '/health',
  );
  services.push(tokens);
  console.log(`  Token service      ${tokens.url}`);

  console.log('  Building the extension…');
  const build = spawnSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, WXT_TOKEN_SERVICE_URL: tokens.url, WXT_TOKEN_SERVICE_ACCESS_KEY: ACCESS_KEY },
  });
  if (build.status !== 0) throw new Error('wxt build failed');
  const extensionDir = path.join(ROOT, '.output/chrome-mv3');

  const sfmc = await startSfmcServer({ port: SFMC_PORT });
  const startUrl = PRACTICE_PAGES[0]!.url; // Journey Builder: the practice journey
  console.log(`  Practice SFMC      ${startUrl} (served from 127.0.0.1:${sfmc.port})`);

  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!display || !fs.existsSync(CHROME)) {
    console.log(`
No ${display ? `Chromium at ${CHROME}` : 'display'}: load the extension by hand.
  1. Open chrome://extensions, turn on Developer mode, "Load unpacked" → ${extensionDir}
  2. Start Chromium with: --host-resolver-rules="${sfmc.hostResolverRules}" --ignore-certificate-errors
     to see the practice SFMC pages at ${startUrl}
  3. Click the toolbar icon (or Alt+Shift+Y) to open the side panel; hold F9 on SFMC pages to talk.
Services keep running until Ctrl+C.`);
  } else {
    const profile = path.join(ROOT, '.wxt/practice-profile');
    const chrome = spawn(
      CHROME,
      [
        `--user-data-dir=${profile}`,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${sfmc.hostResolverRules}`,
        '--ignore-certificate-errors',
        '--allow-loopback-in-peer-connection',
        '--no-first-run',
        startUrl,
      ],
      { stdio: 'ignore' },
    );
    chrome.on('exit', () => void shutdown(0));
    console.log('  Chromium opened. Click the toolbar icon (or Alt+Shift+Y) for the side panel; hold F9 on the page to talk. Ctrl+C stops everything.');
  }
  const stop = () => void shutdown(0).then(() => sfmc.close());
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function shutdown(code: number): Promise<never> {
  await Promise.allSettled(services.map((s) => s.stop()));
  process.exit(code);
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
