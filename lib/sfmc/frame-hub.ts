/**
 * Service-worker side of page context and pointing. Frame contexts are kept per tab and frame (sender.tab.id +
 * sender.frameId), mirrored to `storage.session` so a service-worker restart keeps them, merged per tab, and reported
 * through `onContextChanged` when the merged text changes and page-context sharing is on. `highlight` probes every known
 * frame of the tab, draws in the best match only, and otherwise returns the closest names from all frames.
 */
import { browser, type Browser } from 'wxt/browser';
import { MessageFailure, sendToContent } from '@/lib/messaging/protocol';
import { loadSettings } from '@/lib/settings';
import type { FrameContext, HighlightRequest, HighlightResult, PageContext } from './types';
import { mergeContext } from './merge';

export const SESSION_KEY = 'sfmcFrames';

export interface FrameHubOptions {
  onContextChanged(tabId: number, ctx: PageContext): void;
  /** Whether page context may be shared with the model; default: `settings.sharePageContext`. */
  isSharing?: () => boolean | Promise<boolean>;
}

export interface FrameHub {
  /** Handler for BackgroundProtocol 'sfmc/frame-context'. */
  onFrameContext(ctx: FrameContext, sender: Browser.runtime.MessageSender): Promise<void>;
  /** Merged context of a tab (the active tab when omitted); null when unknown or sharing is off. */
  getContext(tabId?: number): Promise<PageContext | null>;
  highlight(req: HighlightRequest, tabId?: number): Promise<HighlightResult>;
  clearHighlight(tabId?: number): Promise<void>;
  /** Ask every frame of a tab to re-send its context (e.g. after the side panel opened, or nothing is known). */
  refresh(tabId?: number): Promise<void>;
  dispose(): void;
}

type Stored = Record<string, Record<string, FrameContext>>;

const pathOf = (url: string) => url.replace(/[?#].*$/, '');

export function createFrameHub(opts: FrameHubOptions): FrameHub {
  const tabs = new Map<number, Map<number, FrameContext>>();
  const lastText = new Map<number, string>();
  const isSharing = opts.isSharing ?? (async () => (await loadSettings()).sharePageContext);

  const ready = (async () => {
    try {
      const got = (await browser.storage.session.get(SESSION_KEY)) as Record<string, Stored | undefined>;
      for (const [tab, frames] of Object.entries(got[SESSION_KEY] ?? {})) {
        const m = tabs.get(Number(tab)) ?? new Map<number, FrameContext>();
        for (const [frame, ctx] of Object.entries(frames)) if (!m.has(Number(frame))) m.set(Number(frame), ctx);
        tabs.set(Number(tab), m);
      }
    } catch {
      // storage.session unavailable: memory only, frames re-report via 'sfmc/collect'.
    }
  })();

  let writing: Promise<void> = Promise.resolve();
  const persist = () => {
    const snapshot: Stored = {};
    for (const [tab, frames] of tabs) snapshot[tab] = Object.fromEntries(frames);
    writing = writing.then(() => browser.storage.session.set({ [SESSION_KEY]: snapshot }).catch(() => undefined));
    return writing;
  };

  const activeTabId = async (): Promise<number | undefined> => {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id;
  };

  /** Frame ids of a tab, app frames first (they own most elements), top frame last. */
  const frameIds = (tabId: number): number[] =>
    [...(tabs.get(tabId) ?? new Map<number, FrameContext>()).entries()]
      .sort(([a, fa], [b, fb]) => Number(fa.isTop) - Number(fb.isTop) || a - b)
      .map(([id]) => id);

  async function refresh(tabId?: number): Promise<void> {
    const id = await resolveTab(tabId);
    if (id === undefined) return;
    await sendToContent(id, 'sfmc/collect', undefined).catch(() => undefined);
  }

  const merged = (tabId: number): PageContext | null => {
    const frames = tabs.get(tabId);
    if (!frames || frames.size === 0) return null;
    return mergeContext(frameIds(tabId).map((id) => frames.get(id)!));
  };

  const emit = async (tabId: number) => {
    const ctx = merged(tabId);
    if (!ctx || ctx.text === lastText.get(tabId)) return;
    if (!(await isSharing())) return;
    lastText.set(tabId, ctx.text);
    opts.onContextChanged(tabId, ctx);
  };

  const forgetTab = (tabId: number) => {
    tabs.delete(tabId);
    lastText.delete(tabId);
    void persist();
  };
  const onRemoved = (tabId: number) => forgetTab(tabId);
  browser.tabs.onRemoved.addListener(onRemoved);

  const resolveTab = async (tabId?: number) => {
    await ready;
    return tabId ?? (await activeTabId());
  };

  return {
    async onFrameContext(ctx, sender) {
      await ready;
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const frameId = sender.frameId ?? 0;
      let frames = tabs.get(tabId);
      if (!frames) tabs.set(tabId, (frames = new Map()));
      if (ctx.unloaded) {
        frames.delete(frameId);
      } else {
        const prevTop = frames.get(0);
        // The top frame loaded a different page: its old child frames are gone (new ones report themselves).
        if (frameId === 0 && prevTop && pathOf(prevTop.url) !== pathOf(ctx.url)) {
          for (const id of [...frames.keys()]) if (id !== 0) frames.delete(id);
        }
        frames.set(frameId, ctx);
      }
      await persist();
      await emit(tabId);
    },

    async getContext(tabId) {
      const id = await resolveTab(tabId);
      if (id === undefined) return null;
      if (!(await isSharing())) return null;
      // Nothing known of this tab (session storage lost, or the frames loaded before this worker): ask its frames
      // to report again; their contexts then arrive through onFrameContext and onContextChanged.
      if (!tabs.get(id)?.size) void refresh(id);
      return merged(id);
    },

    async highlight(req, tabId) {
      const id = await resolveTab(tabId);
      if (id === undefined) return { found: false, reason: 'No active tab', candidates: [] };
      const ids = frameIds(id);
      if (ids.length === 0) {
        // Nothing known (fresh install, storage lost): let every frame try; the first answer wins.
        try {
          return await sendToContent(id, 'sfmc/highlight', { ...req, probe: false });
        } catch {
          return { found: false, reason: 'The SFMC page is not connected yet: reload the page', candidates: [] };
        }
      }
      const probes = await Promise.all(
        ids.map(async (frameId) => {
          try {
            return { frameId, result: await sendToContent(id, 'sfmc/highlight', { ...req, probe: true }, frameId) };
          } catch (error) {
            if (!(error instanceof MessageFailure)) tabs.get(id)?.delete(frameId); // frame gone (not: its handler failed)
            return { frameId, result: null };
          }
        }),
      );
      let best: { frameId: number; score: number } | null = null;
      const candidates: string[] = [];
      for (const { frameId, result } of probes) {
        if (!result || typeof result !== 'object') continue; // no listener, or its handler failed
        if (result.found === true) {
          const score = result.score ?? 50;
          if (!best || score > best.score) best = { frameId, score };
        } else
          for (const c of result.candidates ?? [])
            if (typeof c === 'string' && !candidates.includes(c)) candidates.push(c);
      }
      await Promise.all(
        ids
          .filter((f) => f !== best?.frameId)
          .map((f) => sendToContent(id, 'sfmc/clear-highlight', undefined, f).catch(() => undefined)),
      );
      if (!best)
        return {
          found: false,
          reason: `No visible element named "${req.label}" on this page`,
          candidates: candidates.slice(0, 5),
        };
      return sendToContent(id, 'sfmc/highlight', { ...req, probe: false }, best.frameId);
    },

    async clearHighlight(tabId) {
      const id = await resolveTab(tabId);
      if (id === undefined) return;
      const ids = frameIds(id);
      if (ids.length === 0) await sendToContent(id, 'sfmc/clear-highlight', undefined).catch(() => undefined);
      await Promise.all(ids.map((f) => sendToContent(id, 'sfmc/clear-highlight', undefined, f).catch(() => undefined)));
    },

    refresh,

    dispose() {
      browser.tabs.onRemoved.removeListener(onRemoved);
    },
  };
}
