// Organisation sign-in in Chromium: the policy names a local OIDC provider (oidc-provider on loopback); "Sign in with
// your organization" runs chrome.identity.launchWebAuthFlow, the test plays the user in the sign-in window, and the
// panel then connects with the ID token as the only credential (no access key anywhere). Sign out ends it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { launch, waitForEngine, type Browser } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { policyFile } from '../support/policy-file';
import { CLIENT_ID, startIdp, type TestIdp } from '../sso/oidc-provider';

const policy = policyFile('sfmc-voice-e2e-sso');
let idp: TestIdp;
let stack: Stack;
let b: Browser;

before(async () => {
  idp = await startIdp();
  stack = await startStack({ OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: CLIENT_ID });
  policy.write({ tokenServiceUrl: stack.tokens.url, oidcIssuer: idp.issuer, oidcClientId: CLIENT_ID });
  b = await launch(stack, { settings: { accessKey: '' } });
  // Chromium reads policy files asynchronously at startup: wait until the extension sees it, then show a fresh panel.
  for (let i = 0; i < 100 && !(await b.sw.evaluate(() => chrome.storage.managed.get())).oidcIssuer; i++)
    await new Promise((r) => setTimeout(r, 100));
  await b.panel.reload();
  await b.panel.waitForSelector('[data-testid="talk-button"]');
});

after(async () => {
  policy.remove();
  await b?.close();
  await stack?.stop();
  await idp?.stop();
});

/** The sign-in window Chromium opens for launchWebAuthFlow: log in and consent on the provider's own pages. */
async function playUser(win: Page, login: string): Promise<void> {
  await win.waitForSelector('input[name="login"]', { timeout: 15_000 });
  await win.fill('input[name="login"]', login);
  await win.fill('input[name="password"]', 'any');
  await win.click('button[type="submit"]');
  await win.waitForSelector('input[value="consent"]', { state: 'attached', timeout: 15_000 });
  await win.click('button[type="submit"]');
}

test('sign in through launchWebAuthFlow, connect with the ID token, sign out', async () => {
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.waitForSelector('[data-testid="sso-sign-in"]');
  const [win] = await Promise.all([
    b.ctx.waitForEvent('page', { timeout: 15_000 }),
    b.panel.click('[data-testid="sso-sign-in"]'),
  ]);
  assert.match(win.url(), new RegExp(`^${idp.issuer}/`), `the sign-in window shows the provider: ${win.url()}`);
  await playUser(win, 'ann');
  const user = await b.panel.waitForSelector('[data-testid="sso-user"]', { timeout: 15_000 });
  assert.equal((await user.textContent())?.trim(), 'Signed in as ann@example.com');
  const stored = await b.sw.evaluate(
    async () => (await chrome.storage.local.get('ssoSession')).ssoSession as { subject: string; refreshToken?: string },
  );
  assert.equal(stored.subject, 'ann');

  // No access key in settings or policy: connecting works only with the ID token.
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (x) => x.status === 'ready', 'ready with the ID token', 30_000);
  await b.panel.click('[data-testid="disconnect"]');
  await waitForEngine(b, (x) => x.status === 'idle', 'idle');

  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.click('[data-testid="sso-sign-out"]');
  await b.panel.waitForSelector('[data-testid="sso-sign-in"]');
  await b.panel.click('[data-testid="toggle-settings"]');
  await b.panel.click('[data-testid="connect"]');
  const s = await waitForEngine(b, (x) => x.status === 'error', 'refused without a credential', 30_000);
  assert.equal(s.error?.code, 'token_sign_in');
  assert.match((await b.panel.textContent('[data-testid="error"]')) ?? '', /Sign in with your organization/);
});
