// Recovery: nothing the user said is lost when the network, the key or the service worker misbehaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { recordPanelStatuses, waitForEngine, type Browser } from '../support/browser';
import type { Received } from '../support/emulator-types';
import type { Stack } from '../support/stack';
import { useExtension } from '../support/use-extension';

let stack: Stack;
let b: Browser;

useExtension({}, async (env) => {
  ({ stack, b } = env);
});

const received = () => stack.control<Received>('received');

async function ask(text: string, reply: string): Promise<void> {
  await stack.control('script', { replies: [{ text: reply }] });
  await b.panel.fill('[data-testid="text-input"]', text);
  await b.panel.press('[data-testid="text-input"]', 'Enter');
  await waitForEngine(b, (s) => s.status === 'ready' && s.transcript.at(-1)?.text === reply, `the reply "${reply}"`);
}

test('an SDP 500 is retried with a fresh key and the session comes up', async () => {
  await stack.control('faults', { sdpStatus: 500 });
  const minted = (await received()).keysMinted;
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready after the retry', 30_000);
  const r = await received();
  assert.ok(r.keysMinted - minted >= 2, `a second key was minted (${r.keysMinted - minted})`);
  await ask('first question', 'First answer.');
});

test('a data-channel drop mid-session reconnects with a fresh key and keeps the transcript', async () => {
  const before = (await b.snapshot())!.transcript.map((e) => e.text);
  const calls = (await received()).calls.length;
  const statuses = await recordPanelStatuses(b.panel);
  await stack.control('faults', { dropDataChannel: true });
  const s = await waitForEngine(
    b,
    (x) => x.status === 'ready' && x.transcript.some((e) => e.text.startsWith('Reconnected')),
    'ready again',
    30_000,
  );
  assert.deepEqual(
    await statuses(),
    ['ready', 'reconnecting', 'ready'],
    'the panel showed "reconnecting" while it recovered',
  );
  assert.deepEqual(s.transcript.map((e) => e.text).slice(0, before.length), before, 'earlier turns kept in order');
  const r = await received();
  assert.ok(r.calls.length > calls, 'a new call was made');
  const recap = r.calls
    .at(-1)!
    .clientEvents.find((e) => e.type === 'conversation.item.create' && JSON.stringify(e).includes('First answer.'));
  assert.ok(recap, 'the new session got a recap of earlier turns');
  await ask('second question', 'Second answer.');
});

test('a used key is answered with a fresh key', async () => {
  const before = await received();
  await stack.control('faults', { useNextKey: true, closePeer: true }); // drop the call; its replacement's first key is "used"
  await waitForEngine(
    b,
    (s) => s.status === 'ready' && s.transcript.filter((e) => e.text.startsWith('Reconnected')).length >= 2,
    'ready with a fresh key',
    30_000,
  );
  const after = await received();
  assert.equal(after.keysMinted - before.keysMinted, 2, 'one key refused as used, one fresh key that connected');
  assert.equal(after.calls.length - before.calls.length, 1, 'only the fresh key started a call');
  await ask('third question', 'Third answer.');
});

test('a service-worker restart mid-session does not interrupt the session', async () => {
  const cdp = await b.ctx.newCDPSession(b.panel);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await ask('after the restart', 'Still here.');
  assert.equal((await b.snapshot())?.status, 'ready');
});

test('an in-session error event is shown to the user and the session carries on', async () => {
  await stack.control('faults', {
    sendError: {
      code: 'server_error',
      type: 'server_error',
      message: 'The server had an error while processing your request.',
    },
  });
  const s = await waitForEngine(b, (x) => x.error?.code === 'server_error', 'the error to surface');
  assert.equal(s.status, 'ready', 'a recoverable error does not end the session');
  await b.panel.waitForSelector('[data-testid="error"][data-code="server_error"]');
  assert.ok(s.transcript.at(-1)?.role === 'notice', 'the error is also noted in the transcript');
  await ask('after the error', 'Still answering.');
  assert.equal((await b.snapshot())?.error, undefined, 'the banner goes away with the next turn');
});

test('the 60-minute cap: session_expired reconnects with the conversation intact', async () => {
  const before = (await b.snapshot())!.transcript.filter((e) => e.role !== 'notice').map((e) => e.text);
  const calls = (await received()).calls.length;
  const statuses = await recordPanelStatuses(b.panel);
  await stack.control('faults', { sessionMaxMs: 1 }); // the running call hits its cap now
  await b.panel.waitForFunction(
    () => (window as unknown as { __statuses: string[] }).__statuses.includes('reconnecting'),
    null,
    { timeout: 10_000 },
  );
  await stack.control('faults', { sessionMaxMs: 3_600_000 });
  const s = await waitForEngine(b, (x) => x.status === 'ready', 'ready after the cap', 30_000);
  assert.deepEqual(
    s.transcript
      .filter((e) => e.role !== 'notice')
      .map((e) => e.text)
      .slice(0, before.length),
    before,
  );
  assert.ok((await received()).calls.length > calls);
  assert.ok((await statuses()).includes('reconnecting'));
  await ask('after the cap', 'Carrying on.');
});

test('idle auto-disconnect: a forgotten panel stops the session and says why', async () => {
  await b.panel.click('[data-testid="disconnect"]');
  await waitForEngine(b, (s) => s.status === 'idle', 'idle');
  await b.panel.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), idleDisconnectMinutes: 0.05 } }); // 3 s
  });
  await b.panel.click('[data-testid="connect"]');
  await waitForEngine(b, (s) => s.status === 'ready', 'ready');
  const s = await waitForEngine(b, (x) => x.status === 'idle', 'the idle disconnect', 15_000);
  assert.match(s.transcript.at(-1)?.text ?? '', /Disconnected after .* idle minutes/);
  await b.panel.waitForSelector('[data-testid="connect"]');
});

test('token service down: a specific error that says how to fix it', async () => {
  await stack.tokens.stop();
  await b.panel.click('[data-testid="connect"]');
  const s = await waitForEngine(b, (x) => x.status === 'error', 'the error', 20_000);
  assert.equal(s.error?.code, 'token_unreachable');
  const banner = await b.panel.waitForSelector('[data-testid="error"]');
  assert.match((await banner.textContent()) ?? '', new RegExp(stack.tokens.url.replace(/[.:/]/g, '.')));
  assert.ok(
    s.transcript.some((e) => e.text === 'Carrying on.'),
    'the transcript survives the failed connect',
  );
});
