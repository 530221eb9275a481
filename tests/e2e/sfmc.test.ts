// SFMC awareness on the practice pages: context without personal data, pointing across the app iframe, hold key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import { ROOT } from '../../scripts/processes';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';
import { appFrame, openPractice } from '../support/practice';
import { PRACTICE_PAGES } from '../../scripts/sfmc-server';

let stack: Stack;
let b: Browser;
let sfmc: Page;

useExtension({}, async (env) => {
  ({ stack, b } = env);
  sfmc = await openPractice(b);
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready');
});

/** Personal data and secrets visible on a practice page: table cells, definition values, emails, long numbers. */
function personalData(file: string): string[] {
  const html =
    fs.readFileSync(path.join(ROOT, 'tests/fixtures/sfmc', file), 'utf8') +
    fs.readFileSync(path.join(ROOT, 'tests/fixtures/sfmc/shell.html'), 'utf8');
  const found = new Set<string>(['Jane Marketer', '7281934']);
  for (const m of html.matchAll(/<t[d]>([^<]{4,})<\/td>/g)) found.add(m[1]!.trim());
  for (const m of html.matchAll(/<dd[^>]*>([^<]{6,})<\/dd>/g)) found.add(m[1]!.trim());
  for (const m of html.matchAll(/[\w.+-]+@[\w-]+\.[\w.]+/g)) found.add(m[0]);
  for (const m of html.matchAll(/\b\d{6,}\b/g)) found.add(m[0]);
  // Cells that are UI words (e.g. an API scope named "Email") are structure, not personal data.
  const ui = new Set(['Email', 'Read', 'Write', 'Active', 'Text', 'Date']);
  return [...found].filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) && !ui.has(s));
}

/** Page-context items: user-role messages behind the data marker (never system items). */
const contextItems = (r: Received) =>
  r.calls
    .flatMap((c) => c.clientEvents)
    .filter((e) => e.type === 'conversation.item.create' && JSON.stringify(e.item).includes('[SFMC page context'))
    .map((e) => {
      assert.equal(
        (e.item as { role?: string }).role,
        'user',
        'page context is a user-role data item, not a system item',
      );
      return JSON.stringify(e.item);
    });

for (const page of PRACTICE_PAGES) {
  test(`${page.app}: the context that reaches the instructor names the app and leaks nothing personal`, async () => {
    await sfmc.goto(page.url);
    await sfmc.bringToFront();
    const s = await waitForEngine(
      b,
      (x) => (x.contextSent ?? '').includes(`"app":"${page.app}"`),
      `context for ${page.app}`,
      15_000,
    );
    const sent = s.contextSent!;
    const received = contextItems(await stack.control<Received>('received')).find((t) =>
      t.includes(JSON.stringify(sent).slice(1, -1)),
    );
    assert.ok(received, 'the stand-in received exactly the text shown as "What the instructor sees"');
    const leaks = personalData(page.file).filter((pii) => received.includes(pii));
    assert.deepEqual(leaks, [], `no personal data in the context for ${page.app}`);
    await b.panel.click('[data-testid="tab-seen"]');
    assert.equal((await b.panel.textContent('[data-testid="context-sent"]'))?.trim(), sent.trim());
    await b.panel.click('[data-testid="tab-conversation"]');
  });
}

test('hold F9 on the SFMC page: the instructor points at "Journey Settings" inside the Journey Builder iframe', async () => {
  await sfmc.goto(PRACTICE_PAGES[0]!.url);
  await sfmc.bringToFront();
  await waitForEngine(b, (x) => (x.contextSent ?? '').includes('"app":"Journey Builder"'), 'Journey Builder context');
  await stack.control('script', {
    replies: [
      {
        text: '',
        toolCalls: [
          {
            name: 'highlight_element',
            arguments: { label: 'Journey Settings', role: 'button', note: 'Re-entry lives here' },
          },
        ],
      },
      { text: 'Open Journey Settings, highlighted on your screen.' },
    ],
  });
  await sfmc.click('h1, body', { position: { x: 5, y: 5 } }).catch(() => undefined);
  await sfmc.keyboard.down('F9');
  await waitForEngine(b, (x) => x.status === 'listening', 'listening from the hold key');
  await sfmc.waitForTimeout(1200);
  await sfmc.keyboard.up('F9');
  await waitForEngine(
    b,
    (x) => x.transcript.at(-1)?.text === 'Open Journey Settings, highlighted on your screen.',
    'the reply after pointing',
    30_000,
  );

  const call = (await stack.control<Received>('received')).calls.at(-1)!;
  const output = call.clientEvents.find(
    (e) => e.type === 'conversation.item.create' && (e.item as { type?: string }).type === 'function_call_output',
  );
  const result = JSON.parse((output!.item as { output: string }).output);
  assert.equal(result.found, true, `highlight result: ${JSON.stringify(result)}`);
  const jb = appFrame(sfmc, 'https://jbinteractions.');
  assert.ok(jb, 'the Journey Builder app frame is loaded');
  const outlined = await jb.evaluate(() => {
    const host = document.querySelector('[data-sfmc-voice-highlight]');
    return host
      ? { label: host.getAttribute('data-sfmc-voice-highlight'), note: host.shadowRoot?.textContent ?? '' }
      : null;
  });
  assert.ok(outlined, 'an outline is drawn in the frame that owns the button');
  assert.match(outlined.note, /Re-entry lives here/);
  await sfmc.keyboard.press('Escape');
  const top = await sfmc.evaluate(() => document.querySelector('[data-sfmc-voice-highlight]'));
  assert.equal(top, null, 'nothing is drawn in the shell frame');
});

test('pointing at a label that is not on the screen reports the closest candidates', async () => {
  await stack.control('script', {
    replies: [
      { text: '', toolCalls: [{ name: 'highlight_element', arguments: { label: 'Journey Publishing Wizard' } }] },
      { text: 'Done.' },
    ],
  });
  await b.panel.fill('[data-testid="text-input"]', 'where are the settings?');
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await sfmc.bringToFront();
  await waitForEngine(b, (x) => x.transcript.at(-1)?.text === 'Done.', 'the reply', 30_000);
  const events = (await stack.control<Received>('received')).calls.at(-1)!.clientEvents;
  const output = events
    .filter(
      (e) => e.type === 'conversation.item.create' && (e.item as { type?: string }).type === 'function_call_output',
    )
    .at(-1)!;
  const result = JSON.parse((output.item as { output: string }).output);
  assert.equal(result.found, false, JSON.stringify(result));
  assert.ok(
    Array.isArray(result.candidates) && result.candidates.length > 0,
    `closest candidates offered: ${JSON.stringify(result)}`,
  );
});
