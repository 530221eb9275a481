// The connection does not wait for the microphone in push-to-talk; hands-free does; a broken mic leaves text only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { EngineFailure } from './failure';
import type { EngineSignal } from './state-machine';
import type { EngineError } from './types';

const mic = vi.hoisted(() => ({
  resolve: undefined as undefined | ((s: MediaStream) => void),
  reject: undefined as undefined | ((e: unknown) => void),
  opened: 0,
  permission: 'granted' as PermissionState,
}));

vi.mock('./audio-graph', () => ({
  createAudioGraph: async () => ({ sendTrack: {}, attachMic: vi.fn(), playRemote: vi.fn(), close: async () => undefined, gate: { open() {}, close() {}, isOpen: false, openedAt: 0 } }),
}));
vi.mock('./mic', () => ({
  openMic: () => new Promise<MediaStream>((resolve, reject) => Object.assign(mic, { resolve, reject, opened: mic.opened + 1 })),
  queryMicPermission: async () => mic.permission,
}));
vi.mock('./token', () => ({
  mintToken: async () => ({ value: 'ek_1', expires_at: 0, model: 'gpt-realtime-2', voice: 'marin', language: 'en', realtime_url: 'http://127.0.0.1:1/v1/realtime/calls' }),
}));
vi.mock('./call', () => ({
  openCall: async () => ({ call: { pc: {}, dc: {}, callId: 'rtc_1', send: () => true, close: vi.fn() }, timings: { sdpMs: 1, iceMs: 1 } }),
}));

const { createLink } = await import('./link');

function setup(mode: Settings['mode']) {
  const signals: EngineSignal[] = [];
  const failed: EngineError[] = [];
  const micFailed: EngineError[] = [];
  let micReady = 0;
  const link = createLink({
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, mode }),
    onMessage: () => undefined,
    signal: (s) => {
      signals.push(s);
      if (s === 'connect') queueMicrotask(() => setTimeout(() => link.sessionCreated(), 0));
    },
    onReady: () => undefined,
    onReset: () => undefined,
    onFail: (e) => failed.push(e),
    onMicGranted: () => undefined,
    onMicReady: () => micReady++,
    onMicFailed: (e) => micFailed.push(e),
    busy: () => false,
    changed: () => undefined,
  });
  return { link, signals, failed, micFailed, micReady: () => micReady };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(cond()).toBe(true);
};
const stream = { getTracks: () => [] } as unknown as MediaStream;

describe('link: the microphone is off the critical path', () => {
  beforeEach(() => Object.assign(mic, { resolve: undefined, reject: undefined, opened: 0, permission: 'granted' }));

  it('push-to-talk: ready while the mic is still opening; the mic attaches later', async () => {
    const t = setup('push-to-talk');
    void t.link.connect();
    await until(() => t.signals.includes('ready'));
    expect(t.link.micState).toBe('opening');
    expect(t.link.kind).toBe('live');
    expect(mic.opened).toBe(1); // opened as the session became ready, not beside the token fetch
    mic.resolve!(stream);
    await until(() => t.link.micState === 'ready');
    expect(t.micReady()).toBe(1);
  });

  it('hands-free: ready only once the mic is on', async () => {
    const t = setup('hands-free');
    void t.link.connect();
    await until(() => t.link.kind === 'live');
    await new Promise((r) => setTimeout(r, 20));
    expect(t.signals).not.toContain('ready');
    mic.resolve!(stream);
    await until(() => t.signals.includes('ready'));
  });

  it('a mic that fails for want of hardware leaves a text-only session', async () => {
    const t = setup('push-to-talk');
    void t.link.connect();
    await until(() => t.signals.includes('ready'));
    mic.reject!(new EngineFailure({ code: 'mic_missing', message: 'No microphone was found.' }, 'none'));
    await until(() => t.link.micState === 'failed');
    expect(t.micFailed.map((e) => e.code)).toEqual(['mic_missing']);
    expect(t.link.kind).toBe('live');
    expect(t.signals).not.toContain('fail');
  });

  it('push-to-talk with a granted mic opens it only once the call is up', async () => {
    const t = setup('push-to-talk');
    void t.link.connect();
    await until(() => t.signals.includes('connect'));
    expect(mic.opened).toBe(0);
    await until(() => t.signals.includes('ready'));
    expect(mic.opened).toBe(1);
  });

  it('a refused permission still fails the connect (the panel shows the permission step)', async () => {
    mic.permission = 'prompt'; // not granted yet: the mic opens at once, so the refusal comes before any call
    const t = setup('push-to-talk');
    void t.link.connect();
    await until(() => mic.reject !== undefined);
    mic.reject!(new EngineFailure({ code: 'mic_permission', message: 'needs permission' }, 'none'));
    await until(() => t.signals.includes('fail'));
    expect(t.failed.map((e) => e.code)).toEqual(['mic_permission']);
    expect(t.link.kind).toBe('none');
  });
});
