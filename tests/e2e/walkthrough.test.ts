// Guided walkthroughs on the practice pages against the stand-in: the model starts one with start_walkthrough, the
// user clicks each control in the Journey Builder iframe as a person would, the panel's progress and the outline
// move on, and the model hears one short item per step. Also: reopening the panel, a missing target, a step that
// needs another app, and "Explain this error".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';
import { appFrame, openPractice } from '../support/practice';
import { PRACTICE_PAGES } from '../../scripts/sfmc-server';

let stack: Stack;
let b: Browser;
let sfmc: Page;

const JB = PRACTICE_PAGES.find((p) => p.app === 'Journey Builder')!;
const AS = PRACTICE_PAGES.find((p) => p.app === 'Automation Studio')!;

useExtension({}, async (env) => {
  ({ stack, b } = env);
  sfmc = await openPractice(b, 'Journey Builder');
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready');
  await waitForEngine(b, (x) => (x.contextSent ?? '').includes('"app":"Journey Builder"'), 'Journey Builder context');
});

/** Walkthrough items the stand-in received, over every call (a reconnect starts a new one). */
const userItems = async () =>
  (await stack.control<Received>('received')).calls
    .flatMap((c) => c.clientEvents)
    .filter((e) => e.type === 'conversation.item.create' && JSON.stringify(e.item).includes('[SFMC walkthrough'));
const progress = () => b.panel.textContent('[data-testid="walkthrough-progress"]');
const outlinedIn = (frame: Frame) =>
  frame.evaluate(() => document.querySelector('[data-sfmc-voice-highlight]')?.getAttribute('data-label') ?? null);

async function start(
  steps: { instruction: string; label: string; role?: string }[],
  title: string,
  followUps: string[],
): Promise<void> {
  await stack.control('script', {
    replies: [
      { text: '', toolCalls: [{ name: 'start_walkthrough', arguments: { title, steps } }] },
      { text: 'Let us begin.' },
      ...followUps.map((text) => ({ text })),
    ],
  });
  await b.panel.fill('[data-testid="text-input"]', `walk me through: ${title}`);
  // The SFMC tab is the active one when the tool runs, as with the real side panel (which is not a tab).
  await sfmc.bringToFront();
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await b.panel.waitForSelector(`[data-testid="walkthrough"][data-status="active"]`);
}

test('a 3-step walkthrough in Journey Builder: each real click advances the panel, moves the outline and tells the model once', async () => {
  await start(
    [
      { instruction: 'Open Journey Settings.', label: 'Journey Settings', role: 'button' },
      { instruction: 'Choose re-entry only after exiting.', label: 'Re-entry only after exiting', role: 'radio' },
      { instruction: 'Press Done to keep the settings.', label: 'Done', role: 'button' },
    ],
    'Make this journey re-entry safe',
    ['Good, now pick the re-entry mode.', 'Now press Done.', 'All set: contacts re-enter only after exiting.'],
  );
  const jb = appFrame(sfmc, 'https://jbinteractions.');
  assert.equal((await progress())?.trim(), 'Step 1 of 3');
  await jb.waitForFunction(
    () => document.querySelector('[data-sfmc-voice-highlight]')?.getAttribute('data-label') === 'Journey Settings',
  );
  const before = (await userItems()).length;

  await jb.click('button:has-text("Journey Settings")');
  await b.panel.waitForFunction(
    () => document.querySelector('[data-testid="walkthrough-progress"]')?.textContent?.trim() === 'Step 2 of 3',
  );
  await jb.waitForFunction(() =>
    /Re-entry only after exiting/.test(
      document.querySelector('[data-sfmc-voice-highlight]')?.getAttribute('data-label') ?? '',
    ),
  );
  await waitForEngine(
    b,
    (s) => s.transcript.some((e) => e.text === 'Good, now pick the re-entry mode.'),
    'the reply to step 1',
    30_000,
  );

  // A panel opened afresh mid-way (as after closing it) shows the same step.
  const reopened = await b.ctx.newPage();
  await reopened.goto(`chrome-extension://${b.id}/sidepanel.html?particles=200`);
  await reopened.waitForSelector('[data-testid="walkthrough"][data-status="active"]');
  assert.equal((await reopened.textContent('[data-testid="walkthrough-progress"]'))?.trim(), 'Step 2 of 3');
  await reopened.close();
  // A service-worker restart (Chrome stops idle workers) and a dropped connection lose nothing either.
  const cdp = await b.ctx.newCDPSession(b.panel);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await stack.control('faults', { dropDataChannel: true });
  await waitForEngine(
    b,
    (s) => s.status === 'ready' && s.transcript.some((e) => /Reconnected/.test(e.text)),
    'reconnected',
    30_000,
  );
  await sfmc.bringToFront();

  await jb.click('label[for="reentry-exit"]');
  await b.panel.waitForFunction(
    () => document.querySelector('[data-testid="walkthrough-progress"]')?.textContent?.trim() === 'Step 3 of 3',
  );
  assert.equal(
    await jb.isChecked('#reentry-exit'),
    true,
    'the click did what it does: read-only watching prevents nothing',
  );
  await waitForEngine(b, (s) => s.transcript.some((e) => e.text === 'Now press Done.'), 'the reply to step 2', 30_000);
  await jb.click('aside button:has-text("Done")');
  await b.panel.waitForSelector('[data-testid="walkthrough"][data-status="done"]');
  await waitForEngine(
    b,
    (s) => s.transcript.some((e) => e.text === 'All set: contacts re-enter only after exiting.'),
    'the reply to step 3',
    30_000,
  );

  const items = (await userItems()).slice(before).map((e) => JSON.stringify(e.item));
  assert.equal(items.length, 3, `one item per step: ${items.join('\n')}`);
  assert.match(items[0]!, /step 1 of 3 done/i);
  assert.match(items[2]!, /step 3 of 3 done/i);
  for (const e of (await userItems()).slice(before)) assert.equal((e.item as { role?: string }).role, 'user');
  assert.equal(await outlinedIn(jb), null, 'no outline once the walkthrough is done');
  const notes = (await b.snapshot())!.transcript.filter(
    (e) => e.role === 'notice' && /Walkthrough step \d of 3/.test(e.text),
  );
  assert.equal(notes.length, 3, 'the transcript records each step');
  await b.panel.click('[data-testid="walkthrough-dismiss"]');
  await b.panel.waitForSelector('[data-testid="walkthrough"]', { state: 'detached' });
});

test('a step whose control is not on this screen says so with candidates; after navigating to the right app it resumes', async () => {
  await start(
    [
      { instruction: 'Open Journey Settings.', label: 'Journey Settings', role: 'button' },
      {
        instruction: 'In Automation Studio, press Finish to save the query activity.',
        label: 'Finish',
        role: 'button',
      },
    ],
    'Check the query',
    ['Now switch to Automation Studio.', 'The query checks out.'],
  );
  const jb = appFrame(sfmc, 'https://jbinteractions.');
  await jb.click('button:has-text("Journey Settings")');
  const missing = await b.panel.waitForSelector('[data-testid="walkthrough-missing"]', { timeout: 15_000 });
  assert.match((await missing.textContent()) ?? '', /Can't find “Finish” on this screen/);
  assert.ok((await b.panel.$$('[data-testid="walkthrough-candidate"]')).length > 0, 'closest candidates are shown');
  await waitForEngine(
    b,
    (s) => s.transcript.some((e) => e.role === 'notice' && /Finish/.test(e.text) && /not|can't|cannot/i.test(e.text)),
    'the model told the target is missing',
    15_000,
  );

  await sfmc.goto(AS.url);
  await sfmc.bringToFront();
  await b.panel.waitForSelector('[data-testid="walkthrough-missing"]', { state: 'detached', timeout: 15_000 });
  const as = await (async () => {
    for (let i = 0; i < 50; i++) {
      const f = sfmc
        .frames()
        .find((x) => x.url().startsWith('https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/'));
      if (f) return f;
      await sfmc.waitForTimeout(100);
    }
    throw new Error('no Automation Studio frame');
  })();
  await as.click('button:has-text("Finish")');
  await b.panel.waitForSelector('[data-testid="walkthrough"][data-status="done"]');
  await b.panel.click('[data-testid="walkthrough-dismiss"]');
});

test('"Explain this error" asks the instructor about exactly the validation message on the screen', async () => {
  await sfmc.goto(JB.url);
  await sfmc.bringToFront();
  // The Journey Builder banner's error (the list follows the screen, so wait for this page's message).
  const button = b.panel
    .locator('[data-testid="page-error"]', { hasText: 'no send classification' })
    .locator('[data-testid="explain-error-button"]');
  await button.waitFor({ timeout: 15_000 });
  await stack.control('script', { replies: [{ text: 'Pick a send classification in the email activity.' }] });
  await button.click();
  await waitForEngine(
    b,
    (s) => s.transcript.at(-1)?.text === 'Pick a send classification in the email activity.',
    'the explanation',
    30_000,
  );
  const asked = (await stack.control<Received>('received')).calls
    .at(-1)!
    .clientEvents.filter(
      (e) => e.type === 'conversation.item.create' && JSON.stringify(e.item).includes('Explain this error'),
    )
    .at(-1);
  assert.ok(asked, 'a question was sent');
  assert.match(
    JSON.stringify(asked.item),
    /Validation found 1 error: the email activity .*Welcome Email.* has no send classification/,
  );
});
