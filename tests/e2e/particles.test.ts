// The particle field draws, reacts to the instructor's voice, and adapts its count to the frame rate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForEngine, type Browser } from '../support/browser';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';
import type { ParticlePixels } from '../../lib/particles/test-hook';

let stack: Stack;
let b: Browser;

useExtension({ panelQuery: 'particles=48000' }, async (env) => {
  ({ stack, b } = env);
  await b.panel.waitForFunction(() => (globalThis.__particles?.frames() ?? 0) > 2, null, { timeout: 30_000 });
});

const pixels = () => b.panel.evaluate(() => globalThis.__particles!.pixels()) as Promise<ParticlePixels | null>;

test('the canvas draws particles and the picture changes while the reply plays', async () => {
  assert.equal(
    await b.panel.evaluate(() => globalThis.__particles!.fallback()),
    false,
    'WebGL is available (SwiftShader)',
  );
  const idle = await pixels();
  assert.ok(idle && idle.lit > 100, `particles are drawn (${idle?.lit} lit pixels)`);

  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready', 30_000);
  await stack.control('script', {
    replies: [{ text: 'The field moves with my voice while I explain data extensions and sendable relationships.' }],
  });
  await b.panel.fill('[data-testid="text-input"]', 'What is a sendable data extension?');
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await waitForEngine(b, (s) => s.status === 'speaking', 'speaking', 30_000);
  let assistant = 0;
  for (let i = 0; i < 40 && assistant < 0.01; i++) {
    assistant = await b.panel.evaluate(() => globalThis.__particles!.levels().assistant);
    await b.panel.waitForTimeout(100);
  }
  assert.ok(assistant > 0.01, `the field's state follows the assistant's voice (${assistant})`);
  const speaking = await pixels();
  assert.ok(speaking && speaking.lit > 100);
  assert.notEqual(speaking!.sum, idle!.sum, 'the picture differs while the instructor speaks');
  assert.equal(await b.panel.evaluate(() => globalThis.__particles!.mode()), 'speaking');

  // Audio→screen latency of the feature frames, as the status bar shows it (reported, not a timed assertion).
  const latency = await b.panel.getAttribute('[data-testid="status-latency"]', 'title');
  assert.match(latency ?? '', /p95 [\d.]+ ?m?s \((\d+) frames\)/);
  assert.ok(Number(/\((\d+) frames\)/.exec(latency!)![1]) > 10, 'feature frames reached the panel');
  console.log(`audio→screen latency in the real extension: ${latency}`);
});

test('the particle count steps down under slow frames and back up when fast', async () => {
  // Real SwiftShader frames may already have stepped it down: start from the top so both directions are observable.
  const { step, max } = await b.panel.evaluate(() => ({
    step: globalThis.__particles!.step(),
    max: globalThis.__particles!.max(),
  }));
  assert.ok(step > 0 && max === 48_000);
  for (let i = 0; i < 8; i++)
    await b.panel.evaluate(() => globalThis.__particles!.injectFrameTimes(Array(120).fill(1000 / 60)));
  assert.equal(await b.panel.evaluate(() => globalThis.__particles!.count()), max, 'at the top after fast frames');
  await b.panel.evaluate(() => globalThis.__particles!.injectFrameTimes(Array(50).fill(40)));
  const down = await b.panel.evaluate(() => globalThis.__particles!.count());
  assert.equal(down, max - step, 'one step down after 2 s at 25 fps');
  await b.panel.waitForFunction(
    (n) => document.querySelector('canvas')?.getAttribute('data-particle-count') === String(n),
    down,
  );
  await b.panel.evaluate(() => globalThis.__particles!.injectFrameTimes(Array(120).fill(1000 / 60)));
  assert.equal(await b.panel.evaluate(() => globalThis.__particles!.count()), max, 'back up after 2 s at 60 fps');
});
