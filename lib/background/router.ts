/**
 * The service worker is a router: commands and content-script events go to the offscreen engine, SFMC tool calls go
 * to the frames of the active tab, and storage is read and written for the offscreen document (which has no
 * chrome.storage). It keeps no session state of its own, so a restart loses nothing.
 */
import {
  CONTENT_SCRIPT_MESSAGES,
  listen,
  MessageFailure,
  sendTo,
  sendToContent,
  type BackgroundProtocol,
  type CommandReply,
} from '@/lib/messaging/protocol';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, transcriptItem, walkthroughItem } from '@/lib/settings';
import { createWalkthroughController, type FrameCommands } from '@/lib/walkthrough/controller';
import { createFrameHub } from '@/lib/sfmc/frame-hub';
import type { EngineCommand } from '@/lib/voice/types';
import type { PageContext } from '@/lib/sfmc/types';
import { ensureOffscreen, hasOffscreen } from './offscreen';
import { loadEffectiveSettings, loadPolicy } from '@/lib/policy/managed';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Deliver an engine command, creating the offscreen document first if needed. Commands are delivered one at a time,
 * in order: a quick key-down/key-up must not arrive up-before-down while the document is still starting.
 */
export function toEngine(cmd: EngineCommand): Promise<CommandReply> {
  const delivery = queue.then(() => deliver(cmd));
  queue = delivery.catch(() => undefined);
  return delivery;
}

async function deliver(cmd: EngineCommand): Promise<CommandReply> {
  // A connect carries the effective settings, read while the document is ensured: the engine would otherwise ask
  // for them right back, a round trip on the critical path of every connect.
  const [delivered] = await Promise.all([
    cmd.type === 'connect' ? loadEffectiveSettings().then((settings) => ({ type: 'connect' as const, settings })) : cmd,
    ensureOffscreen(),
  ]);
  // The document may still be loading its module: retry briefly until its listener answers.
  for (let i = 0; ; i++) {
    try {
      const reply = await sendTo('offscreen', 'engine/command', delivered);
      if (reply !== undefined) return reply;
    } catch (error) {
      // The engine answered, with a failure: say so (a retry would run the command twice).
      if (error instanceof MessageFailure) return { ok: false, error: error.message };
      if (i >= 20) throw error;
    }
    if (i >= 20) return { ok: false, error: 'The voice engine did not answer.' };
    await new Promise((r) => setTimeout(r, 100));
  }
}

const logError = (error: unknown) => console.warn('[router] engine command failed', error);

export function startRouter(): void {
  // The policy is read as the worker starts: a read Chromium leaves unanswered after launch runs out its time here,
  // not on the user's first connect.
  void loadPolicy();
  const toEngineContext = async (ctx: PageContext | null) => {
    if (ctx && (await hasOffscreen())) await sendTo('offscreen', 'engine/page-context', ctx).catch(() => undefined);
  };
  const sfmc = createFrameHub({ onContextChanged: (_tabId, ctx) => void toEngineContext(ctx) });
  // Switching to another SFMC tab changes what the instructor should see.
  browser.tabs.onActivated.addListener(({ tabId }) => void sfmc.getContext(tabId).then(toEngineContext));

  // Content scripts share their process with SFMC's page: they get no view of extension storage (settings hold the
  // access key) — the hold key, the one setting they need, comes by message.
  void browser.storage.local
    .setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })
    .catch((e: unknown) => console.warn('[router] storage access level', e));
  const holdKeyTabs = new Set<number>();
  settingsItem.watch((s) => {
    const key = s?.holdKey || DEFAULT_SETTINGS.holdKey;
    for (const tabId of holdKeyTabs)
      void sendToContent(tabId, 'sfmc/hold-key', { key }).catch(() => holdKeyTabs.delete(tabId));
  });

  const walk = createWalkthroughController({
    load: () => walkthroughItem.getValue(),
    save: (v) => walkthroughItem.setValue(v),
    toFrames: <K extends keyof FrameCommands>(tab: number, type: K, data: FrameCommands[K], frameId?: number) =>
      sendToContent(tab, type, data as never, frameId).then(
        () => undefined,
        () => undefined,
      ),
    tellModel: (text) =>
      void hasOffscreen()
        .then((up) => (up ? sendTo('offscreen', 'engine/walkthrough-item', { text }) : undefined))
        .catch(() => undefined),
  });
  browser.tabs.onRemoved.addListener((tabId) => void walk.onTabRemoved(tabId));
  const activeTab = async () => (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;

  listen<BackgroundProtocol>(
    'background',
    {
      'offscreen/ensure': async () => (await ensureOffscreen(), { ok: true as const }),
      'walkthrough/start': async (plan) => {
        const tab = await activeTab();
        return tab === undefined
          ? { started: false as const, error: 'No SFMC tab is active: the user has to open SFMC first.' }
          : walk.start(plan, tab);
      },
      'walkthrough/command': async ({ action }) => walk.command(action, await activeTab()),
      'walkthrough/frame-event': (e, sender) =>
        sender.tab?.id === undefined ? undefined : walk.onFrameEvent(e, sender.tab.id, sender.frameId ?? 0),
      'walkthrough/get-watch': (_, sender) => (sender.tab?.id === undefined ? null : walk.watchFor(sender.tab.id)),
      'talk/hold-key': async (_, sender) => {
        if (sender.tab?.id !== undefined) holdKeyTabs.add(sender.tab.id);
        return { key: (await loadSettings()).holdKey || DEFAULT_SETTINGS.holdKey };
      },
      'engine/command': (cmd) => toEngine(cmd),
      'talk/hold': ({ down }) =>
        void toEngine({ type: down ? 'talk-start' : 'talk-end', via: 'hold-key' }).catch(logError),
      'sfmc/frame-context': (ctx, sender) => {
        if (ctx.unloaded && sender.tab?.id !== undefined) void walk.onFrameGone(sender.tab.id, sender.frameId ?? 0);
        return sfmc.onFrameContext(ctx, sender);
      },
      'sfmc/highlight': (req) => sfmc.highlight(req),
      'sfmc/clear-highlight': () => sfmc.clearHighlight(),
      'sfmc/get-context': () => sfmc.getContext(),
      // Effective settings: the admin policy over the user's (lib/policy), with the signed-in user's ID token.
      'settings/get': () => loadEffectiveSettings(),
      'transcript/save': (entries) => transcriptItem.setValue(entries),
      'transcript/load': () => transcriptItem.getValue(),
    },
    { fromContentScripts: CONTENT_SCRIPT_MESSAGES },
  );

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-panel') {
      // Must stay synchronous: any await before open() loses the user gesture.
      if (tab?.windowId !== undefined) void browser.sidePanel.open({ windowId: tab.windowId });
      return;
    }
    if (command === 'toggle-talk') void toEngine({ type: 'talk-toggle', via: 'command' }).catch(logError);
    if (command === 'stop-speaking') void toEngine({ type: 'interrupt' }).catch(logError);
  });
}
