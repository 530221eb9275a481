/**
 * Launch Debian Chromium with the built extension (docs/testing-in-chromium.md#launch-flags): fake mic from a WAV, SFMC hosts mapped
 * to the practice server, loopback WebRTC allowed. The side panel UI is driven as a tab (the real panel is not a
 * Playwright page); the offscreen engine is read through chrome.extension.getViews().
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ROOT } from '../../scripts/processes';
import { BUILD_DIRS, testBuildProblem } from '../../scripts/build-variants';
import { ACCESS_KEY, type Stack } from './stack';
import type { EngineSnapshot } from '../../lib/voice/types';

/** The test build (`npm run build:test`): the product build in .output/chrome-mv3 has no test hooks. */
export const EXTENSION_DIR = path.join(ROOT, BUILD_DIRS.test);
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';

export interface Browser {
  ctx: BrowserContext;
  sw: Worker;
  id: string;
  userDataDir: string;
  /** The side panel page opened in a tab, configured for the stack. */
  panel: Page;
  snapshot(): Promise<EngineSnapshot | null>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  wav?: string;
  settings?: Record<string, unknown>;
  panelQuery?: string;
  /** false: no auto-accepted mic prompt, as for a new user (the offscreen document then cannot get the mic). */
  fakeMicPrompt?: boolean;
  /** More Chromium flags (e.g. `--lang=de`) and environment (e.g. `LANGUAGE`, which Chromium on Linux also reads). */
  args?: string[];
  env?: Record<string, string>;
}

export async function launch(stack: Stack, opts: LaunchOptions = {}): Promise<Browser> {
  const problem = testBuildProblem(EXTENSION_DIR);
  if (problem) throw new Error(problem);
  const wav = opts.wav ?? path.join(ROOT, 'tests/fixtures/audio/question.wav');
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sfmc-voice-e2e-'));
  const ctx = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions', '--mute-audio'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(opts.fakeMicPrompt === false ? [] : ['--use-fake-ui-for-media-stream']),
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}`,
      '--allow-loopback-in-peer-connection',
      `--host-resolver-rules=${stack.sfmc.hostResolverRules}`,
      '--ignore-certificate-errors',
      '--autoplay-policy=no-user-gesture-required',
      '--remote-debugging-port=0',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(opts.args ?? []),
    ],
    ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const id = new URL(sw.url()).host;
  const settings = { tokenServiceUrl: stack.tokens.url, accessKey: ACCESS_KEY, ...opts.settings };
  await sw.evaluate(async (s) => {
    const { settings: old } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(old ?? {}), ...s }, settings$: { v: 2 } });
  }, settings);
  const panel = await ctx.newPage();
  await panel.goto(`chrome-extension://${id}/sidepanel.html?${opts.panelQuery ?? 'particles=2000'}`);
  await panel.waitForSelector('[data-testid="talk-button"]');
  return {
    ctx,
    sw,
    id,
    userDataDir,
    panel,
    snapshot: async () => ((await engineHook(panel, 'snapshot')) ?? null) as EngineSnapshot | null,
    async close() {
      await ctx.close().catch(() => undefined);
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Poll the engine snapshot until `predicate` holds; the error names the last status seen. */
export async function waitForEngine(
  b: Browser,
  predicate: (s: EngineSnapshot) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<EngineSnapshot> {
  const deadline = Date.now() + timeoutMs;
  let last: EngineSnapshot | null = null;
  while (Date.now() < deadline) {
    last = await b.snapshot();
    if (last && predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `Timed out waiting for ${what}; last engine status: ${last?.status ?? 'no engine'}${last?.error ? ` (${last.error.code}: ${last.error.message})` : ''}`,
  );
}

/**
 * Call one of the offscreen engine's read-only test hooks (`globalThis.__engine` in entrypoints/offscreen/main.ts)
 * from an extension page; undefined when no engine runs.
 */
export async function engineHook(page: Page, name: 'snapshot' | 'levels' | 'gateOpenedAt'): Promise<unknown> {
  return page.evaluate((n) => {
    const view = chrome.extension.getViews().find((w) => w.location.pathname === '/offscreen.html') as
      (Window & { __engine?: Record<string, () => unknown> }) | undefined;
    return view?.__engine?.[n]?.();
  }, name);
}

export async function levelOf(
  b: Browser,
  source: 'mic' | 'assistant',
): Promise<{ rms: number; peak: number; frames: number } | null> {
  const levels = (await engineHook(b.panel, 'levels')) as
    Record<string, { rms: number; peak: number; frames: number }> | undefined;
  return levels?.[source] ?? null;
}

/** Record every status the panel shows from now on (transient ones too), via a MutationObserver in the page. */
export async function recordPanelStatuses(panel: Browser['panel']): Promise<() => Promise<string[]>> {
  await panel.evaluate(() => {
    const el = document.querySelector('[data-testid="status"]')!;
    const seen: string[] = [el.getAttribute('data-status') ?? ''];
    new MutationObserver(() => {
      const s = el.getAttribute('data-status') ?? '';
      if (seen.at(-1) !== s) seen.push(s);
    }).observe(el, { attributes: true, attributeFilter: ['data-status'] });
    (window as unknown as { __statuses: string[] }).__statuses = seen;
  });
  return () => panel.evaluate(() => (window as unknown as { __statuses: string[] }).__statuses);
}
