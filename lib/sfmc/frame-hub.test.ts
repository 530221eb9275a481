import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Browser } from 'wxt/browser';
import { createFrameHub, SESSION_KEY, type FrameHub } from './frame-hub';
import type { FrameContext, HighlightResult, PageContext } from './types';
import { contextData } from './merge';

const frame = (over: Partial<FrameContext> = {}): FrameContext => ({
  url: 'https://mc.s10.exacttarget.com/cloud/#app/Automation Studio/AutomationStudioFuel3/#ActivityDetails/300/[id]',
  isTop: true,
  app: 'Automation Studio',
  screen: 'SQL Query activity',
  title: 'Automation Studio | Marketing Cloud',
  headings: [],
  labels: [],
  buttons: ['Email Studio'],
  errors: [],
  dropped: ['account header'],
  ...over,
});
const appFrame = (over: Partial<FrameContext> = {}) =>
  frame({
    url: 'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityDetails/300/[id]',
    isTop: false,
    title: 'Automation Studio',
    labels: ['Target Data Extension'],
    buttons: ['Validate Syntax'],
    dropped: [],
    ...over,
  });
const sender = (tabId: number, frameId: number) =>
  ({ tab: { id: tabId } as Browser.tabs.Tab, frameId }) as Browser.runtime.MessageSender;

type Msg = { to: string; type: string; data?: { label?: string; probe?: boolean } };
type Reply = (msg: Msg, frameId: number | undefined) => unknown;

let changes: Array<[number, PageContext]>;
let sharing: boolean;
let router: FrameHub;
let sent: Array<{ tabId: number; msg: Msg; frameId?: number }>;

/** A frame whose handler threw (its frame is still there). */
class HandlerThrew {
  constructor(readonly message: string) {}
}

function stubContent(reply: Reply) {
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (
    tabId: number,
    msg: Msg,
    options?: { frameId?: number },
  ) => {
    sent.push({ tabId, msg, frameId: options?.frameId });
    const r = reply(msg, options?.frameId);
    if (r instanceof Error) throw r;
    // As the content script's listen() answers: its handler's value, or what it threw.
    if (r instanceof HandlerThrew) return { failed: r.message };
    return r === undefined ? undefined : { value: r };
  }) as never);
}

const make = () =>
  createFrameHub({ onContextChanged: (tabId, ctx) => changes.push([tabId, ctx]), isSharing: () => sharing });

beforeEach(() => {
  fakeBrowser.reset();
  changes = [];
  sent = [];
  sharing = true;
  router = make();
});
afterEach(() => {
  router.dispose();
  vi.restoreAllMocks();
});

describe('frame contexts', () => {
  it('merges frames per tab, prefers the app frame, and reports only changes', async () => {
    await router.onFrameContext(frame(), sender(7, 0));
    await router.onFrameContext(appFrame(), sender(7, 3));
    await router.onFrameContext(appFrame(), sender(7, 3)); // unchanged
    expect(changes).toHaveLength(2);
    const [tabId, ctx] = changes[1]!;
    expect(tabId).toBe(7);
    expect(ctx.frames).toHaveLength(2);
    const data = contextData(ctx.text)!;
    expect(data.screen).toBe('SQL Query activity');
    expect(data.location).toMatch(/^https:\/\/mc\.s10\.marketingcloudapps\.com\/AutomationStudioFuel3\//);
    expect(data.fields).toEqual(['Target Data Extension']);
    expect((await router.getContext(7))?.text).toBe(ctx.text);
    expect(await router.getContext(8)).toBeNull();
  });

  it('a tab it knows nothing of is asked to report again (sfmc/collect), and its reports then arrive', async () => {
    stubContent(() => null);
    expect(await router.getContext(5)).toBeNull();
    await vi.waitFor(() => expect(sent.map((s) => [s.tabId, s.msg.type])).toEqual([[5, 'sfmc/collect']]));
    sent = [];
    await router.onFrameContext(frame(), sender(5, 0));
    expect(await router.getContext(5)).not.toBeNull();
    expect(sent).toEqual([]); // known now: no second request
  });

  it('keeps tabs apart', async () => {
    await router.onFrameContext(frame(), sender(1, 0));
    await router.onFrameContext(frame({ app: 'Setup', screen: 'Installed packages' }), sender(2, 0));
    expect((await router.getContext(1))?.app).toBe('Automation Studio');
    expect((await router.getContext(2))?.app).toBe('Setup');
  });

  it('ignores messages without a tab', async () => {
    await router.onFrameContext(frame(), { frameId: 0 } as Browser.runtime.MessageSender);
    expect(changes).toEqual([]);
  });

  it('forgets a frame that unloaded', async () => {
    await router.onFrameContext(frame(), sender(7, 0));
    await router.onFrameContext(appFrame(), sender(7, 3));
    await router.onFrameContext(appFrame({ unloaded: true }), sender(7, 3));
    expect((await router.getContext(7))?.frames).toHaveLength(1);
  });

  it('drops child frames when the top frame loads another page', async () => {
    await router.onFrameContext(frame(), sender(7, 0));
    await router.onFrameContext(appFrame(), sender(7, 3));
    await router.onFrameContext(
      frame({ url: 'https://mc.s10.exacttarget.com/cloud/#app/Setup/InstalledPackages' }),
      sender(7, 0),
    );
    expect((await router.getContext(7))?.frames).toHaveLength(2); // same page (hash change): child kept
    await router.onFrameContext(frame({ url: 'https://mc.s11.exacttarget.com/cloud/' }), sender(7, 0));
    expect((await router.getContext(7))?.frames).toHaveLength(1);
  });

  it('forgets a closed tab', async () => {
    await router.onFrameContext(frame(), sender(7, 0));
    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 1, isWindowClosing: false });
    expect(await router.getContext(7)).toBeNull();
  });

  it('gates on page-context sharing', async () => {
    sharing = false;
    await router.onFrameContext(frame(), sender(7, 0));
    expect(changes).toEqual([]);
    expect(await router.getContext(7)).toBeNull();
    sharing = true;
    expect((await router.getContext(7))?.app).toBe('Automation Studio');
    await router.onFrameContext(frame({ errors: ['Now an error'] }), sender(7, 0));
    expect(changes).toHaveLength(1);
  });

  it('survives a service-worker restart through storage.session', async () => {
    await router.onFrameContext(frame(), sender(7, 0));
    await router.onFrameContext(appFrame(), sender(7, 3));
    const before = (await router.getContext(7))!.text;
    router.dispose();
    expect(
      Object.keys(((await fakeBrowser.storage.session.get(SESSION_KEY)) as Record<string, object>)[SESSION_KEY]!),
    ).toEqual(['7']);
    router = make();
    expect((await router.getContext(7))?.text).toBe(before);
  });

  it('uses the active tab of the last focused window when no tab is given', async () => {
    // fake-browser's lastFocusedWindow needs real window focus changes: stub the query and check its arguments.
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockImplementation((async () => [{ id: 42 } as Browser.tabs.Tab]) as never);
    await router.onFrameContext(frame(), sender(42, 0));
    expect((await router.getContext())?.app).toBe('Automation Studio');
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
  });
});

describe('highlight', () => {
  beforeEach(async () => {
    await router.onFrameContext(frame(), sender(7, 0));
    await router.onFrameContext(appFrame(), sender(7, 3));
    await router.onFrameContext(
      appFrame({ url: 'about:[embedded]', app: 'Unknown', screen: 'Embedded frame' }),
      sender(7, 9),
    );
  });

  it('probes every frame and draws only in the best match', async () => {
    stubContent((msg, frameId): HighlightResult | undefined => {
      if (msg.type === 'sfmc/clear-highlight') return undefined;
      if (frameId === 3) return { found: true, label: 'Validate Syntax', role: 'button', frame: 'app', score: 70 };
      if (frameId === 0) return { found: true, label: 'Validate', role: 'button', frame: 'shell', score: 100 };
      return { found: false, reason: 'no', candidates: [] };
    });
    const result = await router.highlight({ label: 'Validate', note: 'Check it' }, 7);
    expect(result).toMatchObject({ found: true, frame: 'shell' });
    const probes = sent.filter((s) => s.msg.type === 'sfmc/highlight' && s.msg.data?.probe);
    expect(probes.map((s) => s.frameId).sort()).toEqual([0, 3, 9]);
    const draws = sent.filter((s) => s.msg.type === 'sfmc/highlight' && !s.msg.data?.probe);
    expect(draws.map((s) => [s.frameId, s.msg.data?.label])).toEqual([[0, 'Validate']]);
    expect(
      sent
        .filter((s) => s.msg.type === 'sfmc/clear-highlight')
        .map((s) => s.frameId)
        .sort(),
    ).toEqual([3, 9]);
    expect(sent.every((s) => s.tabId === 7 && s.msg.to === 'content')).toBe(true);
  });

  it('returns the candidates of all frames when nothing matches, and forgets frames that are gone', async () => {
    stubContent((msg, frameId) => {
      if (msg.type === 'sfmc/clear-highlight') return undefined;
      if (frameId === 9) return new Error('Could not establish connection. Receiving end does not exist.');
      return {
        found: false,
        reason: 'no',
        candidates: frameId === 3 ? ['Validate Syntax', 'Next'] : ['Email Studio', 'Next'],
      };
    });
    const result = await router.highlight({ label: 'Publish' }, 7);
    expect(result).toEqual({
      found: false,
      reason: 'No visible element named "Publish" on this page',
      candidates: ['Validate Syntax', 'Next', 'Email Studio'],
    });
    expect(sent.some((s) => s.msg.type === 'sfmc/highlight' && !s.msg.data?.probe)).toBe(false);
    sent = [];
    await router.clearHighlight(7);
    expect(sent.map((s) => s.frameId).sort()).toEqual([0, 3]);
  });

  it('treats error replies and missing listeners as not found', async () => {
    stubContent((msg, frameId) => {
      if (msg.type === 'sfmc/clear-highlight') return undefined;
      if (frameId === 0) return new HandlerThrew('handler threw');
      if (frameId === 3) return undefined;
      return { found: true, label: 'Save', role: 'button', frame: 'preview', score: 60 };
    });
    expect(await router.highlight({ label: 'Save' }, 7)).toMatchObject({ found: true, frame: 'preview' });
  });

  it('falls back to all frames of an unknown tab', async () => {
    stubContent(() => ({ found: true, label: 'Save', role: 'button', frame: 'x', score: 100 }));
    expect(await router.highlight({ label: 'Save' }, 99)).toMatchObject({ found: true });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.frameId).toBeUndefined();
  });
});
