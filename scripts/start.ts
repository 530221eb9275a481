/**
 * `npm start`: the whole product on this machine. Without OPENAI_API_KEY it runs in practice mode: the local Realtime
 * stand-in plays the model and the token service mints keys from it. With OPENAI_API_KEY the same command talks to
 * OPENAI_BASE_URL (the real API by default; the wire is the same). Then it builds the extension (the product build:
 * practice mode needs no test hook — the panel's Practice mode badge comes from the engine's snapshot), serves the
 * practice SFMC pages and opens Chromium with the extension loaded (or explains how to load it by hand).
 *
 *   npm start                      practice mode, or the real API with OPENAI_API_KEY=sk-…
 *   FAKE_MIC=1 npm start           (or npm start -- --fake-mic) a WAV plays as the microphone: for machines without one
 *
 * The decisions (arguments, messages) live in start-plan.ts with their unit tests; this file runs them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PINNED_EXTENSION_ORIGIN } from '../lib/extension-id';
import { BUILD_DIRS } from './build-variants';
import { runChromium } from './chromium-process';
import { PortInUseError, ROOT, isPortFree, startService, type Service } from './processes';
import { PRACTICE_PAGES, startSfmcServer } from './sfmc-server';
import {
  chromiumArgs,
  handLoadingSteps,
  needsStandIn,
  parseStartOptions,
  portInUseMessage,
  realtimeTarget,
  type PortUse,
} from './start-plan';

const PORTS = {
  tokens: { name: 'token service', port: Number(process.env.PORT || 8787), envVar: 'PORT' },
  standIn: { name: 'Realtime stand-in', port: Number(process.env.EMULATOR_PORT || 8788), envVar: 'EMULATOR_PORT' },
  sfmc: { name: 'practice SFMC pages', port: Number(process.env.SFMC_PORT || 8443), envVar: 'SFMC_PORT' },
} satisfies Record<string, PortUse>;
const ACCESS_KEY = process.env.TOKEN_SERVICE_ACCESS_KEYS?.split(',')[0]?.trim() || 'practice-access-key';
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FAKE_MIC_WAV = path.join(ROOT, 'tests/fixtures/audio/question.wav');
const isRoot = process.getuid?.() === 0;

/** Cleanup steps run once on the way out, last started first. */
const cleanups: (() => Promise<void>)[] = [];
let stopping = false;

class StartError extends Error {}

async function ensurePortFree(use: PortUse, host = '127.0.0.1'): Promise<void> {
  if (!(await isPortFree(use.port, host))) throw new StartError(portInUseMessage(use));
}

async function start(use: PortUse, entry: string, env: Record<string, string>, healthPath: string): Promise<Service> {
  await ensurePortFree(use);
  try {
    const service = await startService(use.name, entry, env, use.port, healthPath);
    cleanups.push(() => service.stop());
    return service;
  } catch (error) {
    // taken between our check and its listen(): same message
    if (error instanceof PortInUseError) throw new StartError(portInUseMessage(use));
    throw error;
  }
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseStartOptions(process.argv.slice(2), process.env);
  } catch (error) {
    throw new StartError((error as Error).message);
  }
  // Every port up front, before minutes of building: each is checked again right before its service starts.
  const ports = needsStandIn(process.env) ? [PORTS.standIn, PORTS.tokens, PORTS.sfmc] : [PORTS.tokens, PORTS.sfmc];
  const busy: string[] = [];
  for (const use of ports) if (!(await isPortFree(use.port))) busy.push(portInUseMessage(use));
  if (busy.length) throw new StartError(busy.join('\n'));

  let standInUrl: string | undefined;
  if (needsStandIn(process.env)) {
    console.log('▶ No OPENAI_API_KEY: practice mode.');
    if (process.env.OPENAI_BASE_URL)
      console.log(`  OPENAI_BASE_URL (${process.env.OPENAI_BASE_URL}) is not used without OPENAI_API_KEY.`);
    const standIn = await start(
      PORTS.standIn,
      'emulator/main.ts',
      { EMULATOR_PORT: String(PORTS.standIn.port) },
      '/__emulator/health',
    );
    standInUrl = standIn.url;
    console.log(`  Realtime stand-in  ${standIn.url}`);
  }
  const target = realtimeTarget(process.env, standInUrl);
  console.log(`▶ ${target.headline}.`);

  const tokens = await start(
    PORTS.tokens,
    'token-service/src/server.ts',
    {
      PORT: String(PORTS.tokens.port),
      HOST: '127.0.0.1',
      OPENAI_API_KEY: process.env.OPENAI_API_KEY?.trim() || 'sk-practice-mode-local-stand-in',
      OPENAI_BASE_URL: target.baseUrl,
      TOKEN_SERVICE_ACCESS_KEYS: process.env.TOKEN_SERVICE_ACCESS_KEYS || ACCESS_KEY,
      ALLOWED_ORIGINS: process.env.ALLOWED_ORIGINS || PINNED_EXTENSION_ORIGIN,
      // startService waits for the service's own "listening" line, logged at info: warn/error would hide it
      LOG_LEVEL: process.env.LOG_LEVEL === 'debug' ? 'debug' : 'info',
    },
    '/health',
  );
  console.log(`  Token service      ${tokens.url}`);

  console.log('  Building the extension (product build)…');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WXT_TOKEN_SERVICE_URL: tokens.url,
    WXT_TOKEN_SERVICE_ACCESS_KEY: ACCESS_KEY,
  };
  delete env.WXT_TEST_HOOKS; // the product build, into BUILD_DIRS.product: never the folder the browser tests load
  delete env.STORE_BUILD;
  const build = spawnSync(path.join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit', env });
  if (build.status !== 0) throw new StartError('wxt build failed (its output is above).');
  const extensionDir = path.join(ROOT, BUILD_DIRS.product);

  await ensurePortFree(PORTS.sfmc);
  const sfmc = await startSfmcServer({ port: PORTS.sfmc.port }).catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'EADDRINUSE' ? new StartError(portInUseMessage(PORTS.sfmc)) : error;
  });
  cleanups.push(() => sfmc.close());
  const startUrl = PRACTICE_PAGES[0]!.url; // Journey Builder: the practice journey
  console.log(`  Practice SFMC      ${startUrl} (served from 127.0.0.1:${sfmc.port})`);

  if (isRoot)
    console.warn('⚠ Running as root: Chromium refuses to start as root with its sandbox, so it gets --no-sandbox.');
  if (options.fakeMic)
    console.log(
      `  Fake microphone    ${path.relative(ROOT, FAKE_MIC_WAV)} plays as the microphone (FAKE_MIC=1 / --fake-mic).`,
    );
  const plan = {
    extensionDir,
    profileDir: path.join(ROOT, '.wxt/practice-profile'),
    hostResolverRules: sfmc.hostResolverRules,
    startUrl,
    root: isRoot,
    ...(options.fakeMic ? { fakeMicWav: FAKE_MIC_WAV } : {}),
  };

  const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  if (!display || !fs.existsSync(CHROME)) {
    console.log(
      `\n${handLoadingSteps(plan, display ? `No Chromium at ${CHROME} (set CHROME_PATH)` : 'No display (DISPLAY is not set)')}`,
    );
    return;
  }
  launchChromium(chromiumArgs(plan));
}

function launchChromium(args: string[]): void {
  const chrome = runChromium(CHROME, args, {
    root: isRoot,
    onExit: (report) => void shutdown(report.exitCode, report.message),
  });
  cleanups.push(async () => chrome.stop());
  console.log(
    '  Chromium opened. Click the toolbar icon (or Alt+Shift+Y) for the side panel; hold F9 on the page to talk. Ctrl+C stops everything.',
  );
}

async function shutdown(code: number, message?: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (message) (code === 0 ? console.log : console.error)(message);
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  process.exit(code);
}

process.on('SIGINT', () => void shutdown(0, 'Stopping the services.'));
process.on('SIGTERM', () => void shutdown(0));

main().catch((error: unknown) => {
  const message =
    error instanceof StartError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  void shutdown(1, `npm start failed: ${message}`);
});
