// Hands-free: the stand-in's voice detection hears the fake mic's question, ends the turn and answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import { ROOT } from '../../scripts/processes';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';

// %noloop: the question is spoken once, then the mic is silent, so exactly one turn is detected.
let stack: Stack;
let b: Browser;

useExtension(
  { settings: { mode: 'hands-free' }, wav: `${path.join(ROOT, 'tests/fixtures/audio/question.wav')}%noloop` },
  async (env) => {
    ({ stack, b } = env);
  },
);

test('hands-free turn: server voice detection commits and answers without a key press', async () => {
  await stack.control('script', { replies: [{ text: 'Hands-free answer about re-entry.' }] });
  const seen = new Set<string>();
  await b.panel.click('[data-testid="connect"]');
  const deadline = Date.now() + 30_000;
  let s = await b.snapshot();
  while (
    Date.now() < deadline &&
    !s?.transcript.some((e) => e.role === 'assistant' && e.text.includes('Hands-free answer'))
  ) {
    if (s) seen.add(s.status);
    await b.panel.waitForTimeout(50);
    s = await b.snapshot();
  }
  assert.ok(
    s?.transcript.some((e) => e.role === 'assistant' && e.text.includes('Hands-free answer')),
    `answered; statuses seen: ${[...seen].join(', ')}`,
  );
  assert.ok(seen.has('listening'), `the engine showed listening while the user spoke: ${[...seen].join(', ')}`);
  assert.equal(s?.talkMode, 'hands-free');
  const call = (await stack.control<Received>('received')).calls.at(-1)!;
  const types = call.clientEvents.map((e) => e.type);
  assert.ok(
    !types.includes('input_audio_buffer.commit'),
    `the client never commits in hands-free mode: ${types.join(', ')}`,
  );
  assert.ok(!types.includes('response.create'), 'the server creates the response itself');
  await waitForEngine(b, (x) => x.status === 'ready', 'ready after the answer');
});

test('mute closes the microphone in hands-free mode and unmute opens it again', async () => {
  assert.equal((await b.snapshot())?.micLive, true, 'hands-free listens while connected');
  await b.panel.click('[data-testid="mute"]');
  await waitForEngine(b, (s) => s.muted && !s.micLive, 'muted');
  await b.panel.waitForSelector('[data-testid="mic-state"][data-live="false"]');
  await b.panel.click('[data-testid="mute"]');
  await waitForEngine(b, (s) => !s.muted && s.micLive, 'unmuted');
  await b.panel.waitForSelector('[data-testid="mic-state"][data-live="true"]');
});
