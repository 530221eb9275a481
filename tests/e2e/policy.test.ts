// Admin policy end to end: a policy file in Chromium's managed-policy directory for the pinned extension id reaches
// chrome.storage.managed; the panel shows and locks the values, the engine uses them (push-to-talk forced, pointing
// refused), and a changed file applies while the panel is open. The file is removed afterwards, also on failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import { ACCESS_KEY, startStack, type Stack } from '../support/stack';
import { PINNED_EXTENSION_ID } from '../../lib/extension-id';
import { policyFile } from '../support/policy-file';

const policy = policyFile('sfmc-voice-e2e-policy');

let stack: Stack;
let b: Browser;

function basePolicy(): Record<string, unknown> {
  return {
    tokenServiceUrl: stack.tokens.url,
    accessKey: ACCESS_KEY,
    voice: 'cedar',
    voiceLocked: true,
    language: 'de',
    handsFreeAllowed: false,
    pointingAllowed: false,
    sessionCapMinutes: 30,
    sessionCapMinutesLocked: true,
    sharePageContext: true,
    sharePageContextLocked: true,
    notAPolicyKey: 'dropped',
  };
}

before(async () => {
  stack = await startStack();
  policy.write(basePolicy());
  // The user had chosen hands-free and another voice before the policy arrived.
  b = await launch(stack, { settings: { mode: 'hands-free', voice: 'ash', language: 'fr' } });
});

after(async () => {
  policy.remove();
  await b?.close();
  await stack?.stop();
});

const managed = () => b.sw.evaluate(() => chrome.storage.managed.get());
const disabled = (sel: string) => b.panel.$eval(sel, (el) => (el as HTMLInputElement).disabled);
const value = (sel: string) => b.panel.$eval(sel, (el) => (el as HTMLInputElement).value);

test('Chromium loads the policy file into chrome.storage.managed (and chrome://policy lists it)', async () => {
  const m = await managed();
  assert.equal(m.voice, 'cedar', `managed storage: ${JSON.stringify(m)}`);
  assert.equal(m.handsFreeAllowed, false);
  assert.equal(m.notAPolicyKey, undefined, 'keys outside the schema are dropped by Chromium');
  const page = await b.ctx.newPage();
  await page.goto('chrome://policy');
  // The policy tables are web components: read the text through their shadow roots.
  // (a string: tsx would wrap a named inner function in a helper the page does not have)
  const deepText = () =>
    page.evaluate<string>(`(() => {
      const walk = (root) => [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? walk(el.shadowRoot) : '') + (el.children.length === 0 ? ' ' + el.textContent : '')).join('');
      return walk(document);
    })()`);
  let text = '';
  for (let i = 0; i < 50 && !text.includes('voiceLocked'); i++) {
    text = await deepText();
    await page.waitForTimeout(200);
  }
  await page.close();
  assert.match(text, new RegExp(PINNED_EXTENSION_ID), `chrome://policy names the extension: ${text.slice(0, 400)}`);
  assert.match(text, /voiceLocked/, 'and lists its policy keys');
});

test('the panel shows the policy values and locks them: "Set by your organization"', async () => {
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.waitForSelector('[data-testid="settings"]');
  assert.equal(await value('[data-testid="setting-voice"]'), 'cedar', "locked voice wins over the user's");
  assert.equal(await disabled('[data-testid="setting-voice"]'), true);
  assert.equal(await value('[data-testid="setting-url"]'), stack.tokens.url);
  assert.equal(await disabled('[data-testid="setting-url"]'), true);
  assert.equal(await disabled('[data-testid="setting-key"]'), true);
  assert.equal(await value('[data-testid="setting-minutes-cap"]'), '30');
  assert.equal(await disabled('[data-testid="setting-minutes-cap"]'), true);
  // Unlocked language is only a default: the user's own choice (fr) stays and can be changed.
  assert.equal(await value('[data-testid="setting-language"]'), 'fr');
  assert.equal(await disabled('[data-testid="setting-language"]'), false);
  assert.equal(await value('[data-testid="setting-mode"]'), 'push-to-talk', 'hands-free not allowed: push-to-talk');
  assert.equal(await b.panel.$('[data-testid="setting-mode"] option[value="hands-free"]'), null);
  const notes = await b.panel.$$eval('[data-testid="settings"] .locked', (els) =>
    els.map((e) => e.textContent?.trim()),
  );
  assert.ok(
    notes.length >= 5 && notes.every((n) => n === 'Set by your organization'),
    `locked notes: ${JSON.stringify(notes)}`,
  );
  assert.ok(await b.panel.$('[data-testid="pointing-off"]'));
  // "What it sees": sharing set by the policy, the box shows it and cannot change it.
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.click('[data-testid="tab-seen"]');
  assert.equal(await disabled('[data-testid="share-context"]'), true);
  assert.equal(await b.panel.$eval('[data-testid="share-context"]', (el) => (el as HTMLInputElement).checked), true);
  assert.equal((await b.panel.textContent('[data-testid="share-context-locked"]'))?.trim(), 'Set by your organization');
  await b.panel.click('[data-testid="tab-conversation"]');
  await b.panel.click('[data-testid="toggle-settings"]'); // the next test starts by closing the settings
});

test('the engine uses the effective settings: push-to-talk, and pointing refused with a clear tool output', async () => {
  await b.panel.click('[data-testid="toggle-settings"]');
  await stack.control('script', {
    replies: [
      { text: '', toolCalls: [{ name: 'highlight_element', arguments: { label: 'Journey Settings' } }] },
      { text: 'Described in words.' },
    ],
  });
  await b.panel.fill('[data-testid="text-input"]', 'where are the journey settings?');
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  const s = await waitForEngine(
    b,
    (x) => x.transcript.at(-1)?.text === 'Described in words.',
    'the reply after the refused tool',
    30_000,
  );
  assert.equal(s.talkMode, 'push-to-talk', "the user's hands-free choice is overridden by the policy");
  const events = (await stack.control<Received>('received')).calls.at(-1)!.clientEvents;
  const output = events
    .filter(
      (e) => e.type === 'conversation.item.create' && (e.item as { type?: string }).type === 'function_call_output',
    )
    .at(-1)!;
  const result = JSON.parse((output.item as { output: string }).output) as { refused?: boolean; note?: string };
  assert.equal(result.refused, true, JSON.stringify(result));
  assert.match(result.note ?? '', /organization has turned off pointing/);
  await b.panel.click('[data-testid="disconnect"]').catch(() => undefined);
});

test('a changed policy file applies live (storage.onChanged, area managed)', async () => {
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.waitForSelector('[data-testid="settings"]');
  policy.write({ ...basePolicy(), voiceLocked: false, handsFreeAllowed: true });
  // Chromium watches the policy directory and reloads after the file settles (a few seconds).
  await b.panel.waitForFunction(
    () => !(document.querySelector('[data-testid="setting-voice"]') as HTMLSelectElement | null)?.disabled,
    undefined,
    { timeout: 60_000 },
  );
  assert.equal((await managed()).voiceLocked, false);
  assert.equal(await value('[data-testid="setting-voice"]'), 'ash', "unlocked: the user's own voice is back");
  assert.ok(await b.panel.$('[data-testid="setting-mode"] option[value="hands-free"]'), 'hands-free offered again');
});
