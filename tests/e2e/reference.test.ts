// The instructor looks facts up and every code card is checked: lookup_sfmc_reference and show_snippet round trips
// against the stand-in, practice mode answering from the pack, and "Check my code" in the panel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';

let stack: Stack;
let b: Browser;

useExtension({}, async (env) => {
  ({ stack, b } = env);
});

const lastCall = async () => (await stack.control<Received>('received')).calls.at(-1)!;
const outputs = async () =>
  (await lastCall()).clientEvents
    .filter(
      (e) => e.type === 'conversation.item.create' && (e.item as { type?: string })?.type === 'function_call_output',
    )
    .map((e) => JSON.parse((e.item as { output: string }).output) as Record<string, unknown>);

async function type(text: string): Promise<void> {
  await b.panel.fill('[data-testid="text-input"]', text);
  await b.panel.press('[data-testid="text-input"]', 'Enter');
}

test('typing a question while disconnected connects, then sends it (practice mode answers from the pack)', async () => {
  assert.equal((await b.snapshot())?.status ?? 'idle', 'idle');
  await type('what is a sendable data extension?');
  const s = await waitForEngine(
    b,
    (x) => x.status === 'ready' && x.transcript.at(-1)?.role === 'assistant' && x.transcript.at(-1)?.status === 'done',
    'the typed question answered',
    30_000,
  );
  assert.ok(s.transcript.some((e) => e.role === 'user' && e.text === 'what is a sendable data extension?'));
  assert.match(s.transcript.at(-1)!.text, /sendable/i);
});

test('lookup_sfmc_reference: the entries reach the model and the panel shows what was looked up, linked to sources', async () => {
  await stack.control('script', {
    replies: [
      { text: '', toolCalls: [{ name: 'lookup_sfmc_reference', arguments: { query: 'LookupRows' } }] },
      { text: 'LookupRows returns a rowset.' },
    ],
  });
  await type('how does LookupRows work?');
  await waitForEngine(
    b,
    (s) => s.transcript.at(-1)?.text === 'LookupRows returns a rowset.',
    'the answer after the lookup',
    30_000,
  );
  const out = (await outputs()).at(-1)!;
  const results = out.results as { id: string; title: string; text: string; source: string }[];
  assert.equal(results[0]?.title, 'LookupRows', JSON.stringify(out).slice(0, 300));
  assert.match(results[0]!.text, /LookupRows\(/);
  assert.match(results[0]!.source, /^https:\/\/developer\.salesforce\.com\//);
  const line = await b.panel.waitForSelector('[data-testid="looked-up"]');
  assert.match((await line.textContent()) ?? '', /Looked up:\s*LookupRows/);
  assert.equal(await line.$eval('a', (a) => a.getAttribute('href')), results[0]!.source);
});

test('show_snippet: a broken card shows its problem and tells the model; the corrected card follows as Checked ✓', async () => {
  const broken = '%%[\nSET @rows = LookupRow("Members", "Status", "Active")\n]%%';
  const fixed = '%%[\nSET @rows = LookupRows("Members", "Status", "Active")\nSET @n = RowCount(@rows)\n]%%';
  await stack.control('script', {
    replies: [
      {
        text: '',
        toolCalls: [
          { name: 'show_snippet', arguments: { language: 'ampscript', title: 'Active members', code: broken } },
        ],
      },
      {
        text: '',
        toolCalls: [
          { name: 'show_snippet', arguments: { language: 'ampscript', title: 'Active members', code: fixed } },
        ],
      },
      { text: 'Here is the corrected version.' },
    ],
  });
  await type('show me how to get the active members');
  await waitForEngine(
    b,
    (s) => s.transcript.at(-1)?.text === 'Here is the corrected version.',
    'the reply after the correction',
    30_000,
  );
  const [first, second] = (await outputs()).slice(-2);
  assert.equal(first!.ok, false);
  assert.match(String(first!.check), /line 2: .*LookupRow.*LookupRows/);
  assert.equal(second!.ok, true);
  // The corrected card is on top, Checked ✓; the broken one is folded under it with its problem marked.
  const entry = b.panel
    .locator('[data-testid="entry"]', { has: b.panel.locator('[data-testid="earlier-version"]') })
    .last();
  assert.equal((await entry.locator('[data-testid="check-badge"]').first().textContent())?.trim(), 'Checked ✓');
  await entry.locator('[data-testid="earlier-version"] summary').click();
  const earlier = entry.locator('[data-testid="earlier-version"] [data-testid="snippet"]');
  assert.equal(await earlier.getAttribute('data-check'), 'error');
  assert.match(
    (await earlier.locator('[data-testid="check-problems"]').textContent()) ?? '',
    /Line 2:\d+ — .*LookupRow/,
  );
  assert.equal(await earlier.locator('.gutter li.error').getAttribute('data-line'), '2');
});

test('practice mode answers from the reference: "how long can a query activity run?" → 30 minutes', async () => {
  await type('how long can a query activity run?');
  const s = await waitForEngine(
    b,
    (x) =>
      x.status === 'ready' &&
      x.transcript.at(-1)?.role === 'assistant' &&
      /30[- ]minute/i.test(x.transcript.at(-1)!.text),
    'a practice answer naming 30 minutes',
    30_000,
  );
  assert.match(s.transcript.at(-1)!.text, /30[- ]minute/i);
});

test('Check my code: checked in the panel, sent only when the user asks', async () => {
  const eventsBefore = (await lastCall()).clientEvents.length;
  await b.panel.click('[data-testid="tab-check"]');
  await b.panel.fill('[data-testid="check-code"]', 'SELECT SubscriberKey\nFROM _Opens\nORDER BY EventDate');
  await b.panel.click('[data-testid="check-run"]');
  const summary = await b.panel.waitForSelector('[data-testid="check-summary"]');
  assert.match((await summary.textContent()) ?? '', /^checked: \d+ error/);
  assert.match((await b.panel.textContent('[data-testid="check-problems"]')) ?? '', /_Open/);
  const sentMeanwhile = (await lastCall()).clientEvents
    .slice(eventsBefore)
    .filter((e) => JSON.stringify(e).includes('_Opens'));
  assert.deepEqual(sentMeanwhile, [], 'checking sends nothing');
  await stack.control('script', { replies: [{ text: 'Use _Open and add TOP.' }] });
  await b.panel.click('[data-testid="check-ask"]');
  await waitForEngine(b, (x) => x.transcript.at(-1)?.text === 'Use _Open and add TOP.', 'the explanation', 30_000);
  const asked = (await lastCall()).clientEvents.find(
    (e) => e.type === 'conversation.item.create' && JSON.stringify(e).includes('FROM _Opens'),
  );
  assert.ok(
    asked && JSON.stringify(asked).includes('Checker result'),
    'the code went with the checker result, once asked',
  );
});
