// The service worker's delivery of engine commands: one at a time and in order (a quick key-down/key-up must not
// arrive up-before-down while the offscreen document is still starting), a refusal is not retried, a document that
// is still loading is retried, and one failed delivery does not block the next.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';
import type { DeliveredCommand, EngineCommand } from '@/lib/voice/types';

const offscreen = vi.hoisted(() => ({ ensure: vi.fn(async () => undefined) }));
const messaging = vi.hoisted(() => ({ sendTo: vi.fn() }));
vi.mock('./offscreen', () => ({ ensureOffscreen: offscreen.ensure, hasOffscreen: async () => true }));
vi.mock('@/lib/messaging/protocol', async (original) => ({ ...(await original<object>()), sendTo: messaging.sendTo }));

const { toEngine } = await import('./router');
const { MessageFailure } = await import('@/lib/messaging/protocol');

const delivered = () => messaging.sendTo.mock.calls.map((c) => (c[2] as EngineCommand).type);

beforeEach(() => {
  messaging.sendTo.mockReset();
  offscreen.ensure.mockReset();
  offscreen.ensure.mockImplementation(async () => undefined);
});

describe('toEngine', () => {
  it('delivers in order even when the first command waits for the offscreen document to start', async () => {
    offscreen.ensure.mockImplementationOnce(() => new Promise((r) => setTimeout(r, 50)));
    messaging.sendTo.mockResolvedValue({ ok: true });
    const down = toEngine({ type: 'talk-start', via: 'hold-key' });
    const up = toEngine({ type: 'talk-end', via: 'hold-key' });
    await Promise.all([down, up]);
    expect(delivered()).toEqual(['talk-start', 'talk-end']);
  });

  it('answers a refusal of the engine without running the command again', async () => {
    messaging.sendTo.mockRejectedValue(new MessageFailure('engine/command', 'Microphone is muted'));
    expect(await toEngine({ type: 'talk-start', via: 'panel' })).toEqual({ ok: false, error: 'Microphone is muted' });
    expect(messaging.sendTo).toHaveBeenCalledTimes(1);
  });

  it('retries while the document has no listener yet, then returns its answer', async () => {
    messaging.sendTo.mockResolvedValueOnce(undefined).mockResolvedValueOnce(undefined).mockResolvedValue({ ok: true });
    expect(await toEngine({ type: 'connect' })).toEqual({ ok: true });
    expect(messaging.sendTo).toHaveBeenCalledTimes(3);
  });

  it('a delivery that failed does not hold up the next command', async () => {
    offscreen.ensure.mockRejectedValueOnce(new Error('offscreen document could not be created'));
    messaging.sendTo.mockResolvedValue({ ok: true });
    await expect(toEngine({ type: 'connect' })).rejects.toThrow('could not be created');
    expect(await toEngine({ type: 'disconnect' })).toEqual({ ok: true });
    expect(delivered()).toEqual(['disconnect']);
  });
});

describe('toEngine: a connect carries the effective settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads them beside ensuring the document, with the policy applied; other commands go as they came', async () => {
    messaging.sendTo.mockResolvedValue({ ok: true });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, voice: 'ash', accessKey: 'k1' });
    await fakeBrowser.storage.managed.set({ voice: 'cedar', voiceLocked: true });
    // Whatever a sender puts in the command, the worker's own read is what the engine gets.
    await toEngine({
      type: 'connect',
      settings: { ...DEFAULT_SETTINGS, tokenServiceUrl: 'https://evil.test' },
    } as never);
    await toEngine({ type: 'talk-start', via: 'panel' });
    const [connect, talk] = messaging.sendTo.mock.calls.map((c) => c[2] as DeliveredCommand);
    expect(connect).toMatchObject({ type: 'connect', settings: { voice: 'cedar', accessKey: 'k1' } });
    expect(connect?.type === 'connect' && connect.settings?.tokenServiceUrl).toBe(DEFAULT_SETTINGS.tokenServiceUrl);
    expect(talk).toEqual({ type: 'talk-start', via: 'panel' });
  });
});
