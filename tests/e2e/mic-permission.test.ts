// A new user without a microphone grant: a specific message, a way to grant it, and a re-check that connects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForEngine, type Browser } from '../support/browser';
import { useExtension } from '../support/use-extension';

let b: Browser;

useExtension({ fakeMicPrompt: false }, (env) => void ({ b } = env));

test('no grant yet: the panel explains, opens the permission page, and connects after the grant', async () => {
  await b.panel.click('[data-testid="connect"]');
  const s = await waitForEngine(b, (x) => x.status === 'error', 'the permission error');
  assert.equal(s.error?.code, 'mic_permission');
  const banner = await b.panel.waitForSelector('[data-testid="error"][data-code="mic_permission"]');
  assert.match((await banner.textContent()) ?? '', /Allow while visiting the site/);
  // A first-run step, not an error: amber "Needs microphone", never a red "Stopped".
  assert.equal((await b.panel.textContent('[data-testid="status"] .label'))?.trim(), 'Needs microphone');
  assert.ok(await b.panel.$('[data-testid="status"] .label.busy'));

  const [tab] = await Promise.all([b.ctx.waitForEvent('page'), b.panel.click('[data-testid="allow-mic"]')]);
  await tab.waitForLoadState();
  assert.equal(new URL(tab.url()).pathname, '/mic-permission.html');
  assert.match((await tab.textContent('body')) ?? '', /Allow while visiting the site/);
  await tab.close();

  await b.ctx.grantPermissions(['microphone']); // what the user's "Allow while visiting the site" does
  await b.panel.click('[data-testid="retry"]');
  await waitForEngine(b, (x) => x.status === 'ready', 'ready after the grant', 30_000);
  assert.equal((await b.snapshot())?.micPermission, 'granted');
});
