// A page cannot talk for the user: synthetic key events from SFMC's page (or anything injected into it) start
// nothing and send nothing, and the page cannot switch the content script off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';
import { appFrame, openPractice } from '../support/practice';

let stack: Stack;
let b: Browser;
let sfmc: Page;

useExtension({}, async (env) => {
  ({ stack, b } = env);
  sfmc = await openPractice(b);
});

const jbFrame = (): Frame => appFrame(sfmc, 'https://jbinteractions.');

/** What a hostile script on an SFMC host can do with key events, in the frame it runs in. */
async function syntheticPresses(frame: Frame | Page, times: number): Promise<void> {
  await frame.evaluate(async (n) => {
    const input = document.querySelector('input, button, a') as HTMLElement | null;
    for (let i = 0; i < n; i++) {
      input?.focus(); // focus tricks: the key "comes from" a field the user might be in
      window.focus();
      for (const target of [window, document, document.body, input].filter(Boolean) as EventTarget[]) {
        target.dispatchEvent(new KeyboardEvent('keydown', { code: 'F9', key: 'F9', bubbles: true, cancelable: true }));
      }
      await new Promise((r) => setTimeout(r, 80));
      for (const target of [window, document, document.body].filter(Boolean) as EventTarget[]) {
        target.dispatchEvent(new KeyboardEvent('keyup', { code: 'F9', key: 'F9', bubbles: true, cancelable: true }));
      }
    }
  }, times);
}

test('idle: page-dispatched F9 presses (top frame and app iframe, with focus tricks, repeated) mint no key and open no mic', async () => {
  await syntheticPresses(sfmc, 10);
  await syntheticPresses(jbFrame(), 10);
  await sfmc.waitForTimeout(1500);
  const received = await stack.control<Received>('received');
  assert.equal(received.keysMinted, 0, 'no key was minted');
  assert.equal(received.calls.length, 0, 'no call was set up');
  const s = await b.snapshot();
  assert.ok(!s || s.status === 'idle', `engine stays idle (was ${s?.status})`);
});

test('idle: even the real hold key does not connect by itself; the panel says how to start', async () => {
  await sfmc.bringToFront();
  await sfmc.keyboard.down('F9');
  await sfmc.waitForTimeout(600);
  await sfmc.keyboard.up('F9');
  const s = await waitForEngine(
    b,
    (x) => x.transcript.some((e) => e.role === 'notice' && /Connect from the side panel/.test(e.text)),
    'the hold-key hint',
  );
  assert.equal(s.status, 'idle');
  assert.equal((await stack.control<Received>('received')).keysMinted, 0);
});

test('connected: synthetic presses neither open the mic nor commit audio; the forged "script started" event does not disable the content script', async () => {
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready');
  const before = (await stack.control<Received>('received')).calls
    .at(-1)!
    .clientEvents.filter((e) => e.type === 'input_audio_buffer.commit').length;
  await syntheticPresses(sfmc, 5);
  await syntheticPresses(jbFrame(), 5);
  await sfmc.waitForTimeout(1000);
  const s = await b.snapshot();
  assert.equal(s?.status, 'ready', 'still ready, never listening');
  assert.equal(s?.micLive, false, 'the mic never went live');
  const after = (await stack.control<Received>('received')).calls
    .at(-1)!
    .clientEvents.filter((e) => e.type === 'input_audio_buffer.commit').length;
  assert.equal(after, before, 'no audio was committed');

  // The page forges WXT's "a newer content script started" event in both frames …
  for (const frame of [sfmc.mainFrame(), jbFrame()]) {
    await frame.evaluate((id) => {
      for (const name of [`${id}:sfmc:wxt:content-script-started`, `${id}:sfmc.content:wxt:content-script-started`]) {
        document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'sfmc', messageId: 'forged' } }));
        window.postMessage({ type: name, contentScriptName: 'sfmc', messageId: 'forged' }, '*');
      }
    }, b.id);
  }
  // … and the user's real hold key still works in the app frame afterwards.
  await jbFrame()
    .click('h1, body', { position: { x: 5, y: 5 } })
    .catch(() => undefined);
  await sfmc.keyboard.down('F9');
  await waitForEngine(b, (x) => x.status === 'listening', 'listening from the real hold key after the forged event');
  await sfmc.waitForTimeout(400);
  await sfmc.keyboard.up('F9');
});
