// First end-to-end case: connect through the token service to the stand-in, hold to talk, hear the reply.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, levelOf, waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let b: Browser;

before(async () => {
  stack = await startStack();
  b = await launch(stack);
});
after(async () => {
  await b?.close();
  await stack?.stop();
});

test('push-to-talk turn: held audio reaches the stand-in, the reply plays and is transcribed', async () => {
  await b.panel.click('[data-testid="connect"]');
  const ready = await waitForEngine(b, (s) => s.status === 'ready', 'ready');
  assert.ok((ready.timings.totalMs ?? 0) > 0, 'connect phases are timed');

  const reply = 'Open Journey Settings and choose re-entry only after exiting.';
  await stack.control('script', { replies: [{ text: reply, userTranscript: 'How do I make this journey re-entry safe?' }] });

  await b.panel.keyboard.down('Space');
  await waitForEngine(b, (s) => s.status === 'listening' && s.micLive, 'listening with a live mic');
  await b.panel.waitForTimeout(2000);
  await b.panel.keyboard.up('Space');

  let assistantPeak = 0;
  await waitForEngine(b, (s) => s.status === 'speaking', 'the reply to start playing');
  for (let i = 0; i < 30 && assistantPeak === 0; i++) {
    assistantPeak = Math.max(assistantPeak, (await levelOf(b, 'assistant'))?.rms ?? 0);
    await b.panel.waitForTimeout(100);
  }
  assert.ok(assistantPeak > 0.005, `reply audio reaches the offscreen document with a level (rms ${assistantPeak})`);

  const done = await waitForEngine(b, (s) => s.status === 'ready' && s.transcript.some((e) => e.role === 'assistant' && e.status === 'done'), 'the reply to finish');
  assert.equal(done.transcript.find((e) => e.role === 'assistant')?.text, reply);

  const received = await stack.control<Received>('received');
  const call = received.calls.at(-1)!;
  const types = call.clientEvents.map((e) => e.type);
  const commitAt = types.indexOf('input_audio_buffer.commit');
  assert.ok(commitAt > types.indexOf('input_audio_buffer.clear'), `clear then commit: ${types.join(', ')}`);
  assert.equal(types[commitAt + 1], 'response.create');
  const commit = call.mic.commits.at(-1)!;
  assert.ok(commit.durationMs > 1700 && commit.durationMs < 2700, `held ~2 s, the stand-in buffered ${commit.durationMs} ms`);
  assert.ok(commit.rms > 0.01, `the committed audio is speech, not silence (rms ${commit.rms})`);

  await b.panel.waitForSelector(`[data-testid="entry"][data-role="assistant"]:has-text("${reply}")`);
  await b.panel.waitForSelector('[data-testid="entry"][data-role="user"]:has-text("re-entry safe")');
});
