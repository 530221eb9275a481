import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageContext } from '@/lib/sfmc/types';
import type { Settings } from '@/lib/settings';
import {
  CONTENT_SCRIPT_MESSAGES,
  listen,
  MessageFailure,
  senderKind,
  sendTo,
  type BackgroundProtocol,
  type CommandReply,
  type OffscreenProtocol,
} from './protocol';

const ID = 'test-extension-id';
const page = { id: ID, url: `chrome-extension://${ID}/sidepanel.html` };
const offscreen = { id: ID, url: `chrome-extension://${ID}/offscreen.html` };
const contentScript = { id: ID, url: 'https://mc.s11.exacttarget.com/cloud/', tab: { id: 7 }, frameId: 0 };
const otherExtension = { id: 'someone-else', url: `chrome-extension://someone-else/page.html` };

/** Deliver one message as Chrome would and return what the receiver answered (undefined = ignored). */
async function deliver(to: string, type: string, sender: object, data?: unknown): Promise<unknown> {
  let reply: unknown;
  const answered = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger({ to, type, data }, sender as never, (r?: unknown) => ((reply = r), resolve()))
      .then((results) => {
        if (!results.some((r) => (r as unknown) === true)) resolve();
      });
  });
  await answered;
  return reply;
}

describe('who may send what', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.id = ID;
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('classifies senders', () => {
    expect(senderKind(page, ID)).toBe('extension');
    expect(senderKind(offscreen, ID)).toBe('extension');
    expect(senderKind(contentScript as never, ID)).toBe('content');
    expect(senderKind(otherExtension, ID)).toBe('foreign');
    expect(senderKind({ id: ID, tab: { id: 1 } } as never, ID)).toBe('content');
  });

  it('a content script gets only its own few messages: never settings, the transcript or engine commands', async () => {
    const calls: string[] = [];
    const handlers = Object.fromEntries(
      (
        [
          'settings/get',
          'transcript/load',
          'transcript/save',
          'engine/command',
          'sfmc/highlight',
          'sfmc/get-context',
          ...CONTENT_SCRIPT_MESSAGES,
        ] as const
      ).map((t) => [t, () => (calls.push(t), { ok: true, t })]),
    );
    const stop = listen<BackgroundProtocol>('background', handlers, { fromContentScripts: CONTENT_SCRIPT_MESSAGES });
    for (const t of [
      'settings/get',
      'transcript/load',
      'transcript/save',
      'engine/command',
      'sfmc/highlight',
      'sfmc/get-context',
    ]) {
      expect(await deliver('background', t, contentScript), t).toBeUndefined();
    }
    expect(calls).toEqual([]);
    for (const t of CONTENT_SCRIPT_MESSAGES)
      expect(await deliver('background', t, contentScript)).toEqual({ value: { ok: true, t } });
    expect(await deliver('background', 'settings/get', page)).toEqual({ value: { ok: true, t: 'settings/get' } });
    expect(await deliver('background', 'settings/get', otherExtension)).toBeUndefined();
    stop();
  });

  it('the offscreen engine takes commands only from extension pages', async () => {
    const command = vi.fn(async (): Promise<CommandReply> => ({ ok: true }));
    const stop = listen<OffscreenProtocol>('offscreen', { 'engine/command': command });
    expect(await deliver('offscreen', 'engine/command', contentScript, { type: 'connect' })).toBeUndefined();
    expect(command).not.toHaveBeenCalled();
    expect(
      await deliver(
        'offscreen',
        'engine/command',
        { id: ID, url: `chrome-extension://${ID}/background.js` },
        { type: 'connect' },
      ),
    ).toEqual({ value: { ok: true } });
    stop();
  });
});

describe('replies tell the truth', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    fakeBrowser.runtime.id = ID;
    // Chrome's sendMessage, as sent from the side panel: through the listeners, with the panel as the sender.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: {
      to: string;
      type: string;
      data?: unknown;
    }) => deliver(message.to, message.type, page, message.data)) as never);
  });

  it('sendTo returns what the handler returned', async () => {
    const stop = listen<OffscreenProtocol>('offscreen', {
      'engine/command': () => ({ ok: false, error: 'Connect first.' }),
    });
    expect(await sendTo('offscreen', 'engine/command', { type: 'interrupt' })).toEqual({
      ok: false,
      error: 'Connect first.',
    });
    stop();
  });

  it('a handler that throws rejects the sender with a MessageFailure, never a reply-shaped value', async () => {
    const stop = listen<BackgroundProtocol>('background', {
      'sfmc/get-context': () => {
        throw new Error('No SFMC tab is active.');
      },
    });
    const failure = await sendTo('background', 'sfmc/get-context').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MessageFailure);
    expect(failure).toMatchObject({ type: 'sfmc/get-context', message: 'No SFMC tab is active.' });
    stop();
  });

  it('a message nobody handles resolves undefined (the caller can retry while a document starts)', async () => {
    const stop = listen<BackgroundProtocol>('background', {});
    expect(await sendTo('background', 'settings/get')).toBeUndefined();
    stop();
  });

  it('types each reply from the protocol map', () => {
    expectTypeOf(sendTo<'offscreen', 'engine/command'>).returns.resolves.toEqualTypeOf<CommandReply>();
    expectTypeOf(sendTo<'background', 'sfmc/get-context'>).returns.resolves.toEqualTypeOf<PageContext | null>();
    expectTypeOf(sendTo<'background', 'settings/get'>).returns.resolves.toEqualTypeOf<Settings>();
    expectTypeOf(sendTo<'background', 'settings/get'>).parameters.toEqualTypeOf<['background', 'settings/get']>();
    expectTypeOf<CommandReply>().toEqualTypeOf<{ ok: true } | { ok: false; error: string }>();
  });
});
