/**
 * Smoke check of the real ParticleCanvas in headless Chromium (SwiftShader), through the `globalThis.__particles`
 * test hook, exactly as the e2e suite will use it: `npx tsx bench/particles/smoke.ts`.
 * Not a test suite (the e2e harness owns those); it exits non-zero on the first failed check.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { FEATURE_CHANNEL } from '../../worklets/protocol';
import type {} from '../../lib/particles/test-hook'; // declares globalThis.__particles
import { buildPages, launch, serve } from './harness';

const dir = await buildPages();
const { server, url } = await serve(dir);
const browser = await launch();
const step = (name: string): void => console.log(`✓ ${name}`);
try {
  const page = await browser.newPage({ viewport: { width: 360, height: 400 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.error('[page]', e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}]`, m.text().slice(0, 200));
  });
  await page.goto(`${url}canvas.html?n=4000&min=1000&mode=idle`);
  await page.waitForFunction(() => globalThis.__particles?.ready() === true);
  // Freeze the adaptive controller (SwiftShader's real frame times would step the count down on their own).
  await page.evaluate(() => __particles!.injectFrameTimes([]));
  await page.waitForFunction(() => __particles!.frames() > 5);
  const hook = await page.evaluate(() => ({
    fallback: __particles!.fallback(),
    count: __particles!.count(),
    min: __particles!.min(),
    max: __particles!.max(),
    step: __particles!.step(),
    attr: document.querySelector('canvas')?.getAttribute('data-particle-count'),
  }));
  console.log(hook);
  assert.equal(hook.fallback, false);
  assert.equal(hook.count, 4000);
  assert.equal(hook.attr, '4000');
  step('renders with WebGL, count in data-particle-count');

  const before = await page.evaluate(() => __particles!.pixels());
  assert.ok(before && before.lit > 100, `lit pixels: ${JSON.stringify(before)}`);
  step(`canvas draws (${before.lit} lit pixels of ${before.width}×${before.height})`);

  // Reply audio: loud assistant frames on the feature channel while speaking.
  await page.evaluate(() => __particles && window.__setMode('speaking'));
  await page.evaluate(async (channel) => {
    const bc = new BroadcastChannel(channel);
    for (let i = 0; i < 40; i++) {
      bc.postMessage({
        source: 'assistant',
        rms: 0.3,
        peak: 0.7,
        pitchHz: 220,
        clarity: 0.9,
        onset: i % 10 === 0 ? 1 : 0,
        voice: true,
        audioTime: i / 60,
        wallTime: performance.timeOrigin + performance.now(),
      });
      await new Promise((r) => setTimeout(r, 16));
    }
    bc.close();
  }, FEATURE_CHANNEL);
  const levels = await page.evaluate(() => __particles!.levels());
  const after = await page.evaluate(() => __particles!.pixels());
  console.log(levels, after);
  assert.ok(levels.assistant > 0.5, 'assistant level rises');
  assert.ok(after && after.sum !== before.sum, 'pixels change');
  step('reply audio moves the level and the picture');

  // Adaptive count through the hook: slow frames step down, fast frames step back up.
  const down = await page.evaluate(() => {
    __particles!.injectFrameTimes(Array(50).fill(40)); // 2 s at 25 fps
    return __particles!.count();
  });
  assert.equal(down, 4000 - hook.step);
  await page.waitForFunction(
    (n) => document.querySelector('canvas')?.getAttribute('data-particle-count') === String(n),
    down,
  );
  const up = await page.evaluate(() => {
    __particles!.injectFrameTimes(Array(120).fill(1000 / 60)); // 2 s at 60 fps
    return __particles!.count();
  });
  assert.equal(up, 4000);
  step(`adaptive count ${hook.count} → ${down} → ${up} via injectFrameTimes`);

  // Context loss and restore.
  assert.equal(await page.evaluate(() => __particles!.loseContext()), true);
  await page.waitForFunction(() => !__particles!.running());
  await page.evaluate(() => __particles!.restoreContext());
  await page.waitForFunction(() => __particles!.running());
  const f0 = await page.evaluate(() => __particles!.frames());
  await page.waitForFunction((f) => __particles!.frames() > f + 3, f0);
  const restored = await page.evaluate(() => __particles!.pixels());
  assert.ok(restored && restored.lit > 100, 'draws after restore');
  step('survives WebGL context loss and restore');

  // Hidden panel: the loop stops.
  // (String form: tsx would wrap an arrow getter in a `__name` helper that does not exist in the page.)
  const setVisibility = (v: string): string =>
    `Object.defineProperty(document, 'visibilityState', { configurable: true, value: '${v}' });` +
    `document.dispatchEvent(new Event('visibilitychange'));`;
  await page.evaluate(setVisibility('hidden'));
  await page.waitForFunction(() => !__particles!.running());
  const f1 = await page.evaluate(() => __particles!.frames());
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => __particles!.frames()), f1);
  await page.evaluate(setVisibility('visible'));
  await page.waitForFunction((f) => __particles!.frames() > f, f1);
  step('pauses while hidden, resumes when visible');

  // prefers-reduced-motion → calm mode.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.waitForFunction(() => __particles!.levels().motion < 0.3);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.waitForFunction(() => __particles!.levels().motion > 0.9);
  step('honours prefers-reduced-motion');

  if (process.env.SMOKE_SCREENSHOT) await page.screenshot({ path: process.env.SMOKE_SCREENSHOT });
  const stats = await page.evaluate(() => window.__stats.slice(-3));
  console.log('stats events', stats);
  assert.ok(stats.length > 0 && stats.at(-1)!.count === 4000, 'stats event carries the count');

  await page.evaluate(() => window.__unmount());
  assert.equal(await page.evaluate(() => globalThis.__particles === undefined), true);
  step('unmount disposes and removes the hook');
  console.log('OK');
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
