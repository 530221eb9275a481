// The link with fakes of everything it uses (lib/voice/testing/fakes.ts): the microphone is off the critical path in
// push-to-talk, hands-free waits for it, a broken mic leaves text only; retries, reconnects and an aborted connect.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { EngineFailure, type EngineError } from '@/lib/realtime/failure';
import { createLink } from './link';
import type { EngineSignal } from './state-machine';
import { createFakeDeps, failure, until } from './testing/fakes';

function setup(mode: Settings['mode'], fakes = createFakeDeps()) {
  const link = createLink(fakes.deps);
  const signals: EngineSignal[] = [];
  const failed: EngineError[] = [];
  const micFailed: EngineError[] = [];
  const ready: boolean[] = [];
  const events: string[] = [];
  let micReady = 0;
  link.on('status', (s) => void signals.push(s));
  link.on('failed', (e) => void failed.push(e));
  link.on('mic-failed', (e) => void micFailed.push(e));
  link.on('mic-ready', () => void micReady++);
  link.on('ready', ({ resumed }) => void ready.push(resumed));
  link.on('event', (e) => void events.push(e.type));
  const settings = async () => ({ ...DEFAULT_SETTINGS, mode });
  return { link, fakes, signals, failed, micFailed, ready, events, settings, micReady: () => micReady };
}

describe('link: the microphone is off the critical path', () => {
  it('push-to-talk: ready while the mic is still opening; the mic attaches later', async () => {
    const t = setup('push-to-talk');
    t.fakes.manualMic();
    void t.link.connect(t.settings);
    await until(() => t.signals.includes('ready'), 'ready');
    expect(t.link.micState).toBe('opening');
    expect(t.link.kind).toBe('live');
    expect(t.fakes.micOpens).toBe(1); // opened as the session became ready, not beside the token fetch
    t.fakes.micReady();
    await until(() => t.link.micState === 'ready', 'mic ready');
    expect(t.micReady()).toBe(1);
    expect(t.fakes.graph.attachMic).toHaveBeenCalledOnce();
  });

  it('hands-free: ready only once the mic is on', async () => {
    const t = setup('hands-free');
    t.fakes.manualMic();
    void t.link.connect(t.settings);
    await until(() => t.link.kind === 'live', 'live');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.signals).not.toContain('ready');
    t.fakes.micReady();
    await until(() => t.signals.includes('ready'), 'ready');
  });

  it('a mic that fails for want of hardware leaves a text-only session', async () => {
    const t = setup('push-to-talk');
    t.fakes.manualMic();
    void t.link.connect(t.settings);
    await until(() => t.signals.includes('ready'), 'ready');
    t.fakes.micFails(new EngineFailure({ code: 'mic_missing', message: 'No microphone was found.' }, 'none'));
    await until(() => t.link.micState === 'failed', 'mic failed');
    expect(t.micFailed.map((e) => e.code)).toEqual(['mic_missing']);
    expect(t.link.kind).toBe('live');
    expect(t.signals).not.toContain('fail');
  });

  it('push-to-talk with a granted mic opens it only once the call is up', async () => {
    const t = setup('push-to-talk');
    t.fakes.manualMic();
    t.fakes.holdOpens();
    void t.link.connect(t.settings);
    await until(() => t.signals.includes('connect'), 'connect');
    expect(t.fakes.micOpens).toBe(0);
    t.fakes.releaseOpens();
    await until(() => t.signals.includes('ready'), 'ready');
    expect(t.fakes.micOpens).toBe(1);
  });

  it('a refused permission still fails the connect (the panel shows the permission step)', async () => {
    const t = setup('push-to-talk');
    t.fakes.setMicPermission('prompt'); // not granted yet: the mic opens at once, so the refusal comes before any call
    t.fakes.manualMic();
    t.fakes.holdOpens();
    void t.link.connect(t.settings);
    await until(() => t.fakes.micOpens === 1, 'mic opening');
    t.fakes.micFails(new EngineFailure({ code: 'mic_permission', message: 'needs permission' }, 'none'));
    await until(() => t.signals.includes('fail'), 'fail');
    expect(t.failed.map((e) => e.code)).toEqual(['mic_permission']);
    expect(t.link.kind).toBe('none');
    t.fakes.releaseOpens();
    await new Promise((r) => setTimeout(r, 10));
    expect(t.fakes.calls.every((c) => c.closed)).toBe(true);
  });
});

describe('link: connecting, retrying, reconnecting', () => {
  it('recognises session.created itself and forwards every event of the live transport', async () => {
    const t = setup('push-to-talk');
    void t.link.connect(t.settings);
    await until(() => t.ready.length === 1, 'ready');
    t.fakes.call.serve({ type: 'response.created', response: { id: 'r1' } });
    expect(t.events).toEqual(['session.created', 'response.created']);
    expect(t.link.model).toBe('gpt-realtime');
    expect(t.link.endpoint).toBe('http://127.0.0.1:9');
  });

  it('hands the transport the key while it is still being minted (the offer is made meanwhile)', async () => {
    const fakes = createFakeDeps();
    let release = () => {};
    const mint = fakes.deps.mintToken;
    fakes.deps.mintToken = (s, signal) => new Promise((resolve) => (release = () => resolve(mint(s, signal))));
    let opening = 0;
    const open = fakes.deps.openTransport;
    fakes.deps.openTransport = (...args) => (opening++, open(...args));
    const t = setup('push-to-talk', fakes);
    void t.link.connect(t.settings);
    await until(() => opening === 1, 'transport opening');
    expect(fakes.minted).toBe(0);
    release();
    await until(() => t.ready.length === 1, 'ready');
    expect(fakes.call.token.value).toBe('ek_1');
  });

  it('a used key (401 at the SDP step) gets a fresh key at once; a refusal is not retried', async () => {
    const t = setup('push-to-talk');
    t.fakes.failNextOpen(failure('sdp_unauthorized', 'fresh-key'));
    void t.link.connect(t.settings);
    await until(() => t.ready.length === 1, 'ready');
    expect(t.fakes.minted).toBe(2);

    const u = setup('push-to-talk');
    u.fakes.failNextMint(failure('token_unauthorized', 'none'));
    void u.link.connect(u.settings);
    await until(() => u.signals.includes('fail'), 'fail');
    expect(u.fakes.minted).toBe(1);
    expect(u.failed.map((e) => e.code)).toEqual(['token_unauthorized']);
  });

  it('a connect given up while it waits for session.created closes its transport', async () => {
    const t = setup('push-to-talk');
    t.fakes.noSessionCreated();
    const connecting = t.link.connect(t.settings);
    await until(() => t.fakes.calls.length === 1, 'open');
    await t.link.teardown(); // the user gives up while the call waits for the session
    await connecting;
    expect(t.fakes.calls[0]!.closed).toBe(true);
    expect(t.ready).toEqual([]);
  });

  it('an aborted connect closes the transport that was still opening', async () => {
    const t = setup('push-to-talk');
    t.fakes.holdOpens();
    const connecting = t.link.connect(t.settings);
    await until(() => t.signals.includes('connect'), 'connect');
    await t.link.teardown();
    t.fakes.releaseOpens();
    await connecting;
    expect(t.ready).toEqual([]);
    expect(t.fakes.calls.every((c) => c.closed)).toBe(true);
    expect(t.link.kind).toBe('none');
    expect(t.fakes.graph.close).toHaveBeenCalled();
  });

  it('a dropped transport reconnects with a fresh key, keeps the graph, and ignores the old one', async () => {
    const t = setup('push-to-talk');
    let reads = 0;
    void t.link.connect(async () => (reads++, { ...DEFAULT_SETTINGS }));
    await until(() => t.ready.length === 1, 'ready');
    const first = t.fakes.call;
    first.drop();
    await until(() => t.ready.length === 2, 'ready again');
    expect(t.ready).toEqual([false, true]);
    expect(t.signals).toContain('lost');
    expect(first.closed).toBe(true);
    expect(t.fakes.minted).toBe(2);
    expect(reads).toBe(2); // settings are read again for the new key (a refreshed sign-in)
    expect(t.fakes.graph.close).not.toHaveBeenCalled();
    const before = t.events.length;
    first.handlers.onEvent({ type: 'response.created' } as never); // a late event of the replaced transport
    expect(t.events.length).toBe(before);
  });

  it('the planned refresh waits while a turn is in progress', async () => {
    const fakes = createFakeDeps();
    let busy = true;
    const link = createLink(fakes.deps, { sessionRefreshMs: 20, busy: () => busy });
    const ready: boolean[] = [];
    link.on('ready', ({ resumed }) => void ready.push(resumed));
    void link.connect(async () => DEFAULT_SETTINGS);
    await until(() => ready.length === 1, 'ready');
    await new Promise((r) => setTimeout(r, 60));
    expect(fakes.calls.length).toBe(1);
    busy = false;
    await until(() => ready.length === 2, 'refreshed', 7_000); // re-checked every 5 s
    expect(fakes.calls[0]!.closed).toBe(true);
  }, 10_000);
});
