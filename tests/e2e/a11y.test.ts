// Accessibility of the side panel against the stand-in: axe-core's standard rules in every state the panel reaches
// (idle and each view, settings, connecting, ready, speaking, a code card, a walkthrough card, an error) with no
// serious or critical violation; status and transcript announced politely; every control reachable by keyboard with a
// visible focus, arrow keys in the view tabs; prefers-reduced-motion stills the particle field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { waitForEngine, type Browser } from '../support/browser';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';
import { openPractice } from '../support/practice';
import type {} from '../../lib/particles/test-hook'; // globalThis.__particles

let stack: Stack;
let b: Browser;
let sfmc: Page;
/** States axe has passed, for the summary line. */
const checked: string[] = [];

useExtension({}, async (env) => {
  ({ stack, b } = env);
  // The side panel's width (Chrome allows 320–480 px).
  await b.panel.setViewportSize({ width: 360, height: 720 });
});

async function axe(state: string): Promise<void> {
  const result = await new AxeBuilder({ page: b.panel }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
  assert.deepEqual(report, [], `${state}: serious or critical axe violations`);
  assert.ok(result.passes.length > 10, `${state}: axe ran its rules (${result.passes.length} passed)`);
  checked.push(state);
}
const status = () => b.panel.getAttribute('[data-testid="status"]', 'data-status');
const waitForStatus = (s: string, timeout = 20_000) =>
  b.panel.waitForSelector(`[data-testid="status"][data-status="${s}"]`, { timeout });

test('idle: every view and the settings pass axe', async () => {
  await waitForStatus('idle');
  await axe('idle (conversation)');
  await b.panel.click('[data-testid="tab-seen"]');
  await axe('idle (what it sees)');
  await b.panel.click('[data-testid="tab-check"]');
  await b.panel.fill(
    '[data-testid="check-code"]',
    'SELECT TOP 10 SubscriberKey FROM _Sent WHERE EventDate > DATEADD(DAY, -7 GETDATE())',
  );
  await b.panel.click('[data-testid="check-run"]');
  await b.panel.waitForSelector('[data-testid="check-summary"]');
  await b.panel.waitForSelector('[data-testid="snippet"] code');
  await axe('Check code view with a checked card');
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.waitForSelector('[data-testid="settings"]');
  await b.panel.click('.prices summary').catch(() => undefined); // open the price table too, when there is one
  await axe('settings open');
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.click('[data-testid="tab-conversation"]');
});

test('status and new transcript entries are announced politely', async () => {
  const live = await b.panel.$eval('[data-testid="status"]', (el) => [
    el.getAttribute('role'),
    el.getAttribute('aria-live'),
  ]);
  assert.deepEqual(live, ['status', 'polite']);
  assert.equal(await b.panel.getAttribute('[data-testid="transcript"]', 'aria-live'), 'polite');
});

test('keyboard: arrow keys move between the view tabs; Tab reaches every control, each with a visible focus', async () => {
  await b.panel.focus('[data-testid="tab-conversation"]');
  const selected = () =>
    b.panel.evaluate(() => [
      document.activeElement?.id,
      document.querySelector('[role="tab"][aria-selected="true"]')?.id,
    ]);
  await b.panel.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['tab-seen', 'tab-seen']);
  await b.panel.keyboard.press('End');
  assert.deepEqual(await selected(), ['tab-check', 'tab-check']);
  await b.panel.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['tab-conversation', 'tab-conversation'], 'wraps to the first tab');
  await b.panel.keyboard.press('ArrowLeft');
  assert.deepEqual(await selected(), ['tab-check', 'tab-check'], 'wraps to the last tab');
  await b.panel.keyboard.press('Home');
  assert.deepEqual(await selected(), ['tab-conversation', 'tab-conversation']);
  // Only the selected tab is in the Tab order (roving tabindex).
  assert.deepEqual(await b.panel.$$eval('[role="tab"]', (tabs) => tabs.map((t) => t.getAttribute('tabindex'))), [
    '0',
    '-1',
    '-1',
  ]);

  for (const view of ['conversation', 'check', 'settings'] as const) {
    if (view === 'check') await b.panel.click('[data-testid="tab-check"]');
    if (view === 'settings') await b.panel.click('[data-testid="toggle-settings"]');
    await b.panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    // Every enabled, visible control (the unselected tabs are reached with the arrow keys instead).
    const controls = await b.panel.$$eval('button, input, select, textarea, summary, a[href]', (els) => {
      document.querySelectorAll('[data-kbd]').forEach((el) => el.removeAttribute('data-kbd'));
      return els
        .filter((el) => !el.closest('details:not([open])') || el.tagName === 'SUMMARY')
        .filter(
          (el) =>
            !(el as HTMLButtonElement).disabled &&
            (el as HTMLElement).offsetParent !== null &&
            el.getAttribute('tabindex') !== '-1',
        )
        .map((el, i) => (el.setAttribute('data-kbd', String(i)), String(i)));
    });
    const reached = new Set<string>();
    const noFocusRing: string[] = [];
    for (let i = 0; i < controls.length + 10; i++) {
      await b.panel.keyboard.press('Tab');
      const info = await b.panel.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        return {
          id: el.getAttribute('data-kbd'),
          ring,
          what: `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30)}`,
        };
      });
      if (info?.id) reached.add(info.id);
      if (info && !info.ring) noFocusRing.push(info.what);
    }
    const missed = await b.panel.$$eval(
      '[data-kbd]',
      (els, ids) =>
        els.filter((el) => ids.includes(el.getAttribute('data-kbd')!)).map((el) => el.outerHTML.slice(0, 120)),
      controls.filter((id) => !reached.has(id)),
    );
    assert.deepEqual(missed, [], `${view}: every control reached by Tab`);
    assert.deepEqual([...new Set(noFocusRing)], [], `${view}: a visible focus on every control`);
  }
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.click('[data-testid="tab-conversation"]');
  // The talk button works from the keyboard too: Space holds it (useHoldToTalk), Enter is not needed.
  assert.equal(await b.panel.getAttribute('[data-testid="talk-button"]', 'type'), 'button');
});

test('prefers-reduced-motion stills the particle field; it moves again when the preference goes', async () => {
  await b.panel.waitForFunction(() => (globalThis.__particles?.frames() ?? 0) > 2, null, { timeout: 30_000 });
  await b.panel.emulateMedia({ reducedMotion: 'reduce' });
  await b.panel.waitForFunction(() => globalThis.__particles?.running() === false);
  const frames = await b.panel.evaluate(() => globalThis.__particles!.frames());
  await b.panel.waitForTimeout(1000);
  assert.equal(
    await b.panel.evaluate(() => globalThis.__particles!.frames()),
    frames,
    'no frame drawn in a second with reduced motion',
  );
  const lit = await b.panel.evaluate(() => globalThis.__particles!.pixels()?.lit ?? 0);
  assert.ok(lit > 0, 'the still field is still drawn');
  await b.panel.emulateMedia({ reducedMotion: 'no-preference' });
  await b.panel.waitForFunction(
    (n) => globalThis.__particles!.running() && globalThis.__particles!.frames() > n + 3,
    frames,
  );
  // Start reduced, as a user with the setting would: the field never starts its loop.
  await b.panel.emulateMedia({ reducedMotion: 'reduce' });
  await b.panel.reload();
  await b.panel.waitForFunction(() => globalThis.__particles?.ready() === true, null, { timeout: 30_000 });
  await b.panel.waitForTimeout(500);
  assert.equal(await b.panel.evaluate(() => globalThis.__particles!.running()), false);
  const still = await b.panel.evaluate(() => globalThis.__particles!.frames());
  await b.panel.waitForTimeout(1000);
  assert.equal(await b.panel.evaluate(() => globalThis.__particles!.frames()), still, 'no loop from the start');
  await b.panel.emulateMedia({ reducedMotion: 'no-preference' });
});

test('connecting and ready pass axe; the status words change in the live region', async () => {
  await stack.control('faults', { sdpDelayMs: 4000 });
  await b.panel.click('[data-testid="connect"]');
  await waitForStatus('connecting');
  await axe('connecting');
  await stack.control('faults', { sdpDelayMs: 0 });
  await waitForStatus('ready', 30_000);
  assert.match((await b.panel.textContent('[data-testid="status"]')) ?? '', /Ready/);
  await axe('ready');
});

test('speaking, with a new transcript entry, passes axe', async () => {
  const long = 'Open Journey Settings, choose re-entry only after exiting, then save and validate the journey. '
    .repeat(3)
    .trim();
  await stack.control('script', { replies: [{ text: long }] });
  await b.panel.fill('[data-testid="text-input"]', 'How do I make this journey re-entry safe?');
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await waitForStatus('speaking', 30_000);
  await axe('speaking');
  await waitForStatus('ready', 60_000);
});

test('a code card from show_snippet passes axe', async () => {
  const code = '%%[ SET @first = AttributeValue("FirstName") ]%%\nHello %%=v(@first)=%%';
  await stack.control('script', {
    replies: [
      {
        text: '',
        toolCalls: [{ name: 'show_snippet', arguments: { language: 'ampscript', title: 'Personal greeting', code } }],
      },
      { text: 'There it is.' },
    ],
  });
  await b.panel.fill('[data-testid="text-input"]', 'Show me an AMPscript greeting');
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await b.panel.waitForSelector('[data-testid="snippet"][data-language="ampscript"] code.hljs');
  await waitForEngine(
    b,
    (s) => s.status === 'ready' && s.transcript.at(-1)?.text === 'There it is.',
    'the reply after the card',
  );
  await axe('snippet card');
});

test('a walkthrough card on the practice Journey Builder passes axe', async () => {
  sfmc = await openPractice(b, 'Journey Builder');
  await waitForEngine(b, (x) => (x.contextSent ?? '').includes('"app":"Journey Builder"'), 'Journey Builder context');
  const steps = [
    { instruction: 'Open Journey Settings.', label: 'Journey Settings', role: 'button' },
    { instruction: 'Press Done to keep the settings.', label: 'Done', role: 'button' },
  ];
  await stack.control('script', {
    replies: [
      { text: '', toolCalls: [{ name: 'start_walkthrough', arguments: { title: 'Re-entry', steps } }] },
      { text: 'Let us begin.' },
    ],
  });
  await b.panel.fill('[data-testid="text-input"]', 'walk me through re-entry');
  await sfmc.bringToFront();
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await b.panel.waitForSelector('[data-testid="walkthrough"][data-status="active"]');
  await axe('walkthrough card');
  await b.panel.click('[data-testid="walkthrough-stop"]');
  await b.panel.waitForSelector('[data-testid="walkthrough"][data-status="stopped"]');
  await axe('walkthrough card, stopped');
  await b.panel.click('[data-testid="walkthrough-dismiss"]');
});

test('an error (token service unreachable) passes axe', async () => {
  await b.panel.click('[data-testid="disconnect"]');
  await waitForStatus('idle');
  await b.sw.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), tokenServiceUrl: 'http://127.0.0.1:9' } });
  });
  await b.panel.click('[data-testid="connect"]');
  await b.panel.waitForSelector('[data-testid="error"]', { timeout: 30_000 });
  assert.equal(await status(), 'error');
  await axe('error');
  assert.ok(checked.length >= 11, `axe passed in ${checked.length} states: ${checked.join(', ')}`);
});
