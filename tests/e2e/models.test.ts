// gpt-realtime-2 in the real extension: preambles are their own muted entries, the answer is the answer, an
// interruption cuts only what was still being spoken, cost follows the session's model, caps and a closed panel end
// the session with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { engineHook, waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';
import type { EngineSnapshot } from '../../lib/voice/types';
import { DEFAULT_MODEL_PRICES } from '../../lib/conversation/prices';

let stack: Stack;
let b: Browser;

/** gpt-realtime-2 bills 2 $/1M in, 50 $/1M out whatever the kind; gpt-realtime's row is 0, so a wrong row shows. */
const ZERO = { audioInput: 0, audioOutput: 0, textInput: 0, textOutput: 0, cachedInput: 0 };
const V2 = { audioInput: 2, textInput: 2, cachedInput: 2, audioOutput: 50, textOutput: 50 };
const prices = { ...DEFAULT_MODEL_PRICES, 'gpt-realtime': ZERO, 'gpt-realtime-2': V2 };

useExtension(
  {
    stackEnv: { REALTIME_MODEL: 'gpt-realtime-2' },
    settings: { prices, costCapUsd: 0, minutesCap: 0, panelClosedDisconnectMinutes: 0.05 },
  },
  (env) => void ({ stack, b } = env),
);

async function ask(text: string): Promise<void> {
  await b.panel.fill('[data-testid="text-input"]', text);
  await b.panel.press('[data-testid="text-input"]', 'Enter');
}
const assistants = (s: EngineSnapshot) => s.transcript.filter((e) => e.role === 'assistant');

test('a gpt-realtime-2 answer: the preamble is a brief muted line, the answer is the answer, its cost on hover', async () => {
  await b.panel.click('[data-testid="connect"]');
  const ready = await waitForEngine(b, (s) => s.status === 'ready', 'ready', 30_000);
  assert.equal(ready.model, 'gpt-realtime-2');
  await stack.control('script', {
    replies: [{ text: 'Open Journey Settings and allow re-entry after exit.', preamble: 'Let me check that.' }],
  });
  await ask('How do I allow re-entry?');
  const done = await waitForEngine(
    b,
    (s) =>
      s.status === 'ready' &&
      assistants(s).some((e) => e.phase === 'final_answer' && e.status === 'done' && e.costUsd !== undefined),
    'the answer',
    30_000,
  );
  const [pre, answer] = assistants(done);
  assert.deepEqual([pre?.phase, pre?.text, pre?.status], ['commentary', 'Let me check that.', 'done']);
  assert.deepEqual(
    [answer?.phase, answer?.text],
    ['final_answer', 'Open Journey Settings and allow re-entry after exit.'],
  );
  assert.equal(pre?.responseId, answer?.responseId, 'one response holds both items');

  const preEl = b.panel.locator('[data-testid="entry"][data-phase="commentary"]');
  assert.equal(await preEl.locator('.who').count(), 0, 'no speaker label on the preamble');
  assert.ok(
    Number.parseFloat(await preEl.evaluate((el) => getComputedStyle(el).fontSize)) <
      Number.parseFloat(
        await b.panel
          .locator('[data-testid="entry"][data-phase="final_answer"]')
          .evaluate((el) => getComputedStyle(el).fontSize),
      ),
    'the preamble is smaller than the answer',
  );
  const title = await b.panel.locator('[data-testid="entry"][data-phase="final_answer"]').getAttribute('title');
  assert.match(title ?? '', /This turn cost about \$\d/);

  // Cost follows the session's model: gpt-realtime-2's row, not gpt-realtime's (which is 0 here).
  const u = done.usage;
  const expected = (u.inputTokens * 2 + u.outputTokens * 50) / 1e6;
  assert.ok(
    u.costUsd > 0 && Math.abs(u.costUsd - expected) < 1e-9,
    `cost ${u.costUsd} = ${expected} at gpt-realtime-2 prices`,
  );
  assert.ok(Math.abs((answer?.costUsd ?? 0) - u.costUsd) < 1e-9, 'the one turn carries the whole cost so far');
});

test('typing over the answer cuts the answer and keeps the preamble that was already spoken', async () => {
  const long =
    'Data views are system tables that keep sends, opens, clicks, bounces and unsubscribes for six months, and you query them in Automation Studio with a SQL activity that writes to a data extension.';
  await stack.control('script', {
    replies: [
      { text: long, preamble: 'One moment.' },
      { text: 'Sure.', preamble: null },
    ],
  });
  await ask('What are data views?');
  await waitForEngine(
    b,
    (s) => assistants(s).some((e) => e.phase === 'final_answer' && e.text.length > 10 && e.status === 'in_progress'),
    'the answer to be speaking',
    30_000,
  );
  await ask('Stop, something else.');
  const after = await waitForEngine(
    b,
    (s) => s.status === 'ready' && assistants(s).at(-1)?.text === 'Sure.',
    'the next answer',
    30_000,
  );
  const turn = assistants(after).filter((e) => e.text === 'One moment.' || e.text.startsWith('Data views'));
  assert.deepEqual(
    turn.map((e) => [e.phase, e.status]),
    [
      ['commentary', 'done'],
      ['final_answer', 'cut'],
    ],
  );
  const types = (await stack.control<Received>('received')).calls.at(-1)!.clientEvents.map((e) => e.type);
  assert.ok(types.includes('response.cancel'), 'the client cancelled the response it talked over');
});

test('a session that reaches its cost cap disconnects and says why', async () => {
  await b.panel.click('[data-testid="disconnect"]');
  await waitForEngine(b, (s) => s.status === 'idle', 'idle');
  await b.sw.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), costCapUsd: 0.000001 } });
  });
  await stack.control('script', { replies: [{ text: 'This answer costs more than the cap.' }] });
  await ask('Anything at all?'); // typing connects, then sends
  const ended = await waitForEngine(
    b,
    (s) => s.status === 'idle' && s.transcript.some((e) => e.role === 'notice' && e.text.includes('cost cap')),
    'the cap to end the session',
    30_000,
  );
  assert.match(ended.transcript.filter((e) => e.role === 'notice').at(-1)!.text, /reached its cost cap of \$0\.00/);
  await b.panel.waitForSelector('[data-testid="entry"][data-role="notice"]:has-text("cost cap")');
  await b.sw.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), costCapUsd: 0 } });
  });
});

test('closing the panel disconnects after the minutes set in "When the panel closes"', async () => {
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready', 30_000);
  const callId = (await stack.control<Received>('received')).calls.at(-1)!.id;
  await b.panel.waitForTimeout(4_000); // longer than the 3 s setting: an open panel keeps the session
  assert.equal(
    (await stack.control<Received>('received')).calls.find((c) => c.id === callId)?.closed,
    false,
    'an open panel keeps the session',
  );

  const closedAt = Date.now();
  await b.panel.close();
  let closed = false;
  while (!closed && Date.now() - closedAt < 20_000) {
    await new Promise((r) => setTimeout(r, 250));
    closed = (await stack.control<Received>('received')).calls.find((c) => c.id === callId)?.closed === true;
  }
  const took = Date.now() - closedAt;
  assert.ok(closed, 'the call was hung up after the panel closed');
  assert.ok(took >= 2_500, `not before the 3 s setting (${took} ms)`);
  console.log(`panel closed → call ended: ${took} ms (setting 3 s, checked every 2 s)`);

  const reopened = await b.ctx.newPage();
  await reopened.goto(`chrome-extension://${b.id}/sidepanel.html?particles=2000`);
  await reopened.waitForSelector('[data-testid="entry"][data-role="notice"]:has-text("after the side panel closed")');
  assert.equal(((await engineHook(reopened, 'snapshot')) as EngineSnapshot | undefined)?.status, 'idle');
});
