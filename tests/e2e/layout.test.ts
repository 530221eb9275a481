// The panel at side-panel widths (320–480 px, Chrome's default is 360): nothing that should be one line wraps, the
// scroll area keeps at least half the height, and there is exactly one scroll area — with the longest states shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { waitForEngine, type Browser } from '../support/browser';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';

let stack: Stack;
let b: Browser;
const SHOTS = fs.mkdtempSync(path.join(os.tmpdir(), 'sfmc-voice-layout-'));

useExtension({}, async (env) => {
  ({ stack, b } = env);
});

/**
 * Measurements taken in the panel page. Written as a string: tsx's name-keeping helper does not exist in the page.
 * `lines` is the element's height in lines of its own line height.
 */
const MEASURE = `(() => {
  const lines = function (sel) {
    const el = document.querySelector(sel);
    if (!el) return null;
    const cs = getComputedStyle(el);
    const lh = parseFloat(cs.lineHeight) || parseFloat(cs.fontSize) * 1.3;
    const pad = parseFloat(cs.paddingTop) + parseFloat(cs.paddingBottom) + parseFloat(cs.borderTopWidth) + parseFloat(cs.borderBottomWidth);
    return Math.round((el.getBoundingClientRect().height - pad) / lh);
  };
  const scrollers = [...document.querySelectorAll('*')].filter(function (el) {
    const oy = getComputedStyle(el).overflowY;
    return (oy === 'auto' || oy === 'scroll') && el.scrollHeight > el.clientHeight + 1;
  });
  const panel = document.querySelector('.panel').getBoundingClientRect();
  const view = document.querySelector('[data-testid="view"]').getBoundingClientRect();
  return {
    badge: lines('[data-testid="practice-badge"]'),
    title: lines('h1'),
    micPill: lines('[data-testid="mic-state"]'),
    statusLabel: lines('[data-testid="status"] .label'),
    talk: lines('[data-testid="talk-button"]'),
    viewShare: view.height / panel.height,
    scrollers: scrollers.map(function (el) { return el.getAttribute('data-testid') || el.className; }),
    pageScrolls: document.documentElement.scrollHeight > innerHeight + 1,
  };
})()`;

interface Measured {
  badge: number | null;
  title: number | null;
  micPill: number | null;
  statusLabel: number | null;
  talk: number | null;
  viewShare: number;
  scrollers: string[];
  pageScrolls: boolean;
}
const measure = () => b.panel.evaluate(MEASURE) as Promise<Measured>;

test('before connecting: the Practice badge is there, on one line, at 320, 360 and 480 px', async () => {
  for (const width of [320, 360, 480]) {
    await b.panel.setViewportSize({ width, height: 760 });
    await b.panel.waitForSelector('[data-testid="practice-badge"]', { timeout: 10_000 });
    const m = await measure();
    assert.equal(m.badge, 1, `badge on one line at ${width}px`);
    assert.equal(m.title, 1, `title on one line at ${width}px`);
    assert.ok(m.viewShare >= 0.5, `scroll area keeps half the height at ${width}px (${m.viewShare.toFixed(2)})`);
    assert.equal(m.pageScrolls, false, `the page itself does not scroll at ${width}px`);
  }
});

test('long states at 360 px: listening, speaking with Stop, a long transcript — one scroll area, nothing wraps', async () => {
  await b.panel.setViewportSize({ width: 360, height: 760 });
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready');
  // Listening: the talk button's longest label.
  await b.panel.keyboard.down('Space');
  await waitForEngine(b, (s) => s.status === 'listening', 'listening');
  const heldFrom = Date.now();
  const listening = await measure();
  await b.panel.screenshot({ path: path.join(SHOTS, 'listening-360.png') });
  // Hold well past the 150 ms minimum: a shorter hold is a dropped tap, which gets no reply to wait for below.
  await b.panel.waitForTimeout(Math.max(0, 500 - (Date.now() - heldFrom)));
  await b.panel.keyboard.up('Space');
  assert.equal(listening.talk, 1, '"Listening… release to send" on one line');
  // Let that spoken turn's (practice) reply finish before scripting the next replies.
  // (An answer may end in a code card or a notice after the assistant's words: the turn is answered once an assistant
  // entry follows the last user entry and nothing is still streaming.)
  await waitForEngine(
    b,
    (s) => {
      const lastUser = s.transcript.findLastIndex((e) => e.role === 'user');
      const after = s.transcript.slice(lastUser + 1);
      return (
        s.status === 'ready' &&
        after.some((e) => e.role === 'assistant') &&
        s.transcript.every((e) => e.status !== 'in_progress')
      );
    },
    'the spoken turn answered',
    30_000,
  );
  // Speaking, with the Stop button shown, after enough turns to overflow the transcript.
  const long =
    'This is a long answer about journeys and re-entry that keeps the instructor speaking for a while. '.repeat(6);
  await stack.control('script', {
    replies: Array.from({ length: 7 }, (_, i) => ({
      text: i === 6 ? long : `Short answer ${i} about data extensions and sendable fields.`,
    })),
  });
  for (let i = 0; i < 7; i++) {
    await b.panel.fill(
      '[data-testid="text-input"]',
      `Question ${i} about journeys, data extensions and query activities?`,
    );
    await b.panel.press('[data-testid="text-input"]', 'Enter');
    if (i < 6)
      await waitForEngine(
        b,
        (s) => s.status === 'ready' && s.transcript.at(-1)?.text.startsWith(`Short answer ${i}`) === true,
        `answer ${i}`,
        30_000,
      );
  }
  await waitForEngine(b, (s) => s.status === 'speaking', 'speaking', 30_000);
  await b.panel.waitForSelector('[data-testid="interrupt"]');
  const speaking = await measure();
  await b.panel.screenshot({ path: path.join(SHOTS, 'speaking-360.png') });
  assert.equal(speaking.micPill, 1, 'the mic pill stays on one line with Stop shown');
  assert.equal(speaking.statusLabel, 1, 'the status word stays on one line');
  assert.equal(speaking.badge, 1);
  assert.deepEqual(speaking.scrollers, ['view'], `exactly one scroll area: ${speaking.scrollers.join(', ')}`);
  assert.ok(speaking.viewShare >= 0.5, `scroll area keeps half the height (${speaking.viewShare.toFixed(2)})`);
  assert.equal(speaking.pageScrolls, false);
  // "What the instructor sees" and "Check code" use the same single scroll area.
  await b.panel.click('[data-testid="tab-seen"]');
  const seen = await measure();
  assert.ok(
    seen.scrollers.every((s) => s === 'view'),
    `one scroll area on the "seen" view: ${seen.scrollers.join(', ')}`,
  );
  await b.panel.click('[data-testid="tab-conversation"]');
  console.log(`# screenshots in ${SHOTS}`);
});
