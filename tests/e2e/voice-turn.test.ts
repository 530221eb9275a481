// The everyday path against the stand-in: connect, push-to-talk, barge-in, tools, shortcuts, panel reopen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { levelOf, waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import { pressChord } from '../support/keys';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';

let stack: Stack;
let b: Browser;

useExtension({}, async (env) => {
  ({ stack, b } = env);
});

const lastCall = async () => (await stack.control<Received>('received')).calls.at(-1)!;

async function hold(ms: number): Promise<void> {
  await b.panel.keyboard.down('Space');
  await waitForEngine(b, (s) => s.status === 'listening' && s.micLive, 'listening with a live mic');
  await b.panel.waitForTimeout(ms);
  await b.panel.keyboard.up('Space');
}

test('the manifest shortcuts were all assigned by Chrome', async () => {
  const commands = await b.sw.evaluate(() => chrome.commands.getAll());
  for (const c of commands.filter((c) => c.name !== '_execute_action'))
    assert.notEqual(c.shortcut, '', `${c.name} has a shortcut`);
  assert.ok(commands.length <= 5);
});

test('Alt+Shift+Y opens the real side panel', async () => {
  const page = await b.ctx.newPage();
  await page.goto('about:blank');
  await pressChord(b.ctx, page, 'Alt+Shift+Y');
  let panels = 0;
  for (let i = 0; i < 40 && panels === 0; i++) {
    panels = await b.sw.evaluate(
      async () =>
        (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length,
    );
    await page.waitForTimeout(100);
  }
  assert.equal(panels, 1, 'a SIDE_PANEL context exists after the shortcut');
  // Close it again: its full-size particle field would load SwiftShader for the rest of the file.
  await b.sw.evaluate(async () => {
    const win = await chrome.windows.getLastFocused();
    await (chrome.sidePanel as unknown as { close(o: { windowId: number }): Promise<void> }).close({
      windowId: win.id!,
    });
  });
  await page.close();
});

test('push-to-talk turn: held audio reaches the stand-in, the reply plays and is transcribed', async () => {
  await b.panel.click('[data-testid="connect"]');
  const ready = await waitForEngine(b, (s) => s.status === 'ready', 'ready');
  for (const phase of ['tokenMs', 'sdpMs', 'iceMs', 'readyMs'] as const)
    assert.ok((ready.timings[phase] ?? -1) >= 0, `${phase} timed`);
  await b.panel.waitForSelector('[data-testid="practice-badge"]'); // the stand-in runs on loopback

  const reply = 'Open Journey Settings and choose re-entry only after exiting.';
  await stack.control('script', {
    replies: [{ text: reply, userTranscript: 'How do I make this journey re-entry safe?' }],
  });
  await hold(2000);

  let assistantRms = 0;
  await waitForEngine(b, (s) => s.status === 'speaking', 'the reply to start playing');
  for (let i = 0; i < 30 && assistantRms < 0.005; i++) {
    assistantRms = Math.max(assistantRms, (await levelOf(b, 'assistant'))?.rms ?? 0);
    await b.panel.waitForTimeout(100);
  }
  assert.ok(assistantRms > 0.005, `reply audio reaches the offscreen document with a level (rms ${assistantRms})`);
  console.log(
    `audio→screen latency (2k particles): ${await b.panel.getAttribute('[data-testid="status-latency"]', 'title')}`,
  );

  const done = await waitForEngine(
    b,
    (s) => s.status === 'ready' && s.transcript.some((e) => e.role === 'assistant' && e.status === 'done'),
    'the reply to finish',
  );
  assert.equal(done.transcript.filter((e) => e.role === 'assistant').at(-1)?.text, reply);
  assert.ok(done.usage.outputTokens > 0, 'usage accumulated from response.done');

  const call = await lastCall();
  const types = call.clientEvents.map((e) => e.type);
  const commitAt = types.lastIndexOf('input_audio_buffer.commit');
  assert.ok(commitAt > types.lastIndexOf('input_audio_buffer.clear'), `clear then commit: ${types.join(', ')}`);
  assert.equal(types[commitAt + 1], 'response.create');
  const commit = call.mic.commits.at(-1)!;
  assert.ok(
    commit.durationMs > 1700 && commit.durationMs < 2700,
    `held 2 s, the stand-in buffered ${commit.durationMs} ms`,
  );
  assert.ok(commit.rms > 0.01, `the committed audio is speech, not silence (rms ${commit.rms})`);

  await b.panel.waitForSelector(`[data-testid="entry"][data-role="assistant"]:has-text("${reply}")`);
  await b.panel.waitForSelector('[data-testid="entry"][data-role="user"]:has-text("re-entry safe")');
});

test('a tap shorter than 150 ms sends nothing', async () => {
  const before = (await lastCall()).clientEvents.length;
  await b.panel.keyboard.down('Space');
  await b.panel.waitForTimeout(40);
  await b.panel.keyboard.up('Space');
  await b.panel.waitForTimeout(600);
  const after = (await lastCall()).clientEvents.slice(before).map((e) => e.type);
  assert.ok(!after.includes('input_audio_buffer.commit'), `no commit after a tap: ${after.join(', ')}`);
  assert.equal((await b.snapshot())?.status, 'ready');
});

test('barge-in: pressing while the reply plays stops playback and clears the server buffer', async () => {
  const long =
    'Here is the long answer. First, open the journey. Then open Journey Settings. Then pick the re-entry option that fits. Finally save and validate the journey before you activate it.';
  await stack.control('script', { replies: [{ text: long }, { text: 'Sure, go ahead.' }] });
  await hold(800);
  await waitForEngine(b, (s) => s.status === 'speaking', 'the long reply to play');
  await b.panel.waitForTimeout(800);
  const before = (await lastCall()).clientEvents.length;
  await b.panel.keyboard.down('Space');
  await waitForEngine(b, (s) => s.status === 'listening', 'listening after barge-in', 5_000);
  await b.panel.waitForTimeout(700);
  const rmsAfter = (await levelOf(b, 'assistant'))?.rms ?? 1;
  await b.panel.keyboard.up('Space');
  const sent = (await lastCall()).clientEvents.slice(before).map((e) => e.type);
  assert.ok(sent.includes('output_audio_buffer.clear'), `output_audio_buffer.clear sent: ${sent.join(', ')}`);
  assert.ok(sent.indexOf('output_audio_buffer.clear') < sent.indexOf('input_audio_buffer.clear'));
  assert.ok(rmsAfter < 0.01, `assistant audio stopped after the barge-in (rms ${rmsAfter})`);
  const s = await waitForEngine(
    b,
    (x) => x.transcript.some((e) => e.role === 'assistant' && e.status === 'cut'),
    'the cut reply to be marked',
  );
  assert.ok(
    s.transcript.find((e) => e.status === 'cut')!.text.length < long.length,
    'the cut reply keeps only what was said',
  );
  await waitForEngine(
    b,
    (x) => x.status === 'ready' && x.transcript.at(-1)?.text === 'Sure, go ahead.',
    'the follow-up reply',
  );
});

test('tool round trip: show_snippet renders a copyable card and the output goes back before the next response', async () => {
  const code = '%%[ SET @first = AttributeValue("FirstName") ]%%\nHello %%=v(@first)=%%';
  await stack.control('script', {
    replies: [
      {
        text: '',
        toolCalls: [{ name: 'show_snippet', arguments: { language: 'ampscript', title: 'Personal greeting', code } }],
      },
      { text: 'The card shows the greeting.' },
    ],
  });
  await b.panel.fill('[data-testid="text-input"]', 'Show me an AMPscript greeting');
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  const card = await b.panel.waitForSelector('[data-testid="snippet"][data-language="ampscript"]');
  assert.ok((await card.textContent())?.includes('AttributeValue("FirstName")'));
  await waitForEngine(
    b,
    (s) => s.status === 'ready' && s.transcript.at(-1)?.text === 'The card shows the greeting.',
    'the reply after the tool',
  );
  const events = (await lastCall()).clientEvents;
  const out = events.findIndex(
    (e) => e.type === 'conversation.item.create' && (e.item as { type?: string })?.type === 'function_call_output',
  );
  assert.ok(out >= 0, 'function_call_output sent');
  assert.equal(events[out + 1]?.type, 'response.create');
  assert.ok(JSON.parse((events[out]!.item as { output: string }).output).shown);
});

test('toggle-talk shortcut: press to talk, press again to send', async () => {
  await stack.control('script', { replies: [{ text: 'Toggled turn answered.' }] });
  await pressChord(b.ctx, b.panel, 'Alt+Shift+K');
  await waitForEngine(b, (s) => s.status === 'listening', 'listening after the shortcut');
  await b.panel.waitForTimeout(1200);
  await pressChord(b.ctx, b.panel, 'Alt+Shift+K');
  await waitForEngine(
    b,
    (s) => s.transcript.at(-1)?.text === 'Toggled turn answered.',
    'the toggled turn to be answered',
  );
  const commit = (await lastCall()).mic.commits.at(-1)!;
  assert.ok(commit.durationMs > 900, `toggled turn buffered ${commit.durationMs} ms`);
});

test('closing and reopening the panel keeps the transcript', async () => {
  const before = (await b.snapshot())!.transcript.length;
  await b.panel.close();
  b.panel = await b.ctx.newPage();
  await b.panel.goto(`chrome-extension://${b.id}/sidepanel.html?particles=2000`);
  await b.panel.waitForFunction((n) => document.querySelectorAll('[data-testid="entry"]').length >= n, before);
  assert.ok(before >= 6);
  await b.panel.waitForSelector('[data-testid="status"][data-status="ready"]');
});

test('the transcript is persisted in extension storage (survives an offscreen or browser restart)', async () => {
  const stored = await b.panel.evaluate(async () => {
    const { transcript } = (await chrome.storage.local.get('transcript')) as {
      transcript: { role: string; snippet?: unknown }[];
    };
    return {
      count: transcript.length,
      snippets: transcript.filter((e) => e.snippet).length,
      roles: [...new Set(transcript.map((e) => e.role))],
    };
  });
  assert.ok(stored.count >= 6, `stored ${stored.count} entries`);
  assert.equal(stored.snippets, 1);
  assert.ok(stored.roles.includes('user') && stored.roles.includes('assistant'));
});
