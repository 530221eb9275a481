/**
 * One typed message map per boundary. `chrome.runtime.sendMessage` reaches every extension page (not content
 * scripts), so each message names its receiver in `to`, and each receiver ignores the rest.
 *
 * - BackgroundProtocol: handled by the service worker (from side panel, offscreen, content scripts).
 * - OffscreenProtocol: handled by the offscreen document (the voice engine).
 * - ContentProtocol: handled by the SFMC content script in a frame (sent with `tabs.sendMessage`).
 * High-rate data (audio features) and engine snapshots go over BroadcastChannel instead (see channels.ts).
 */
import type { DeliveredCommand, EngineCommand, EngineSnapshot } from '@/lib/voice/types';
import type { FrameContext, HighlightRequest, HighlightResult, PageContext } from '@/lib/sfmc/types';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { Settings } from '@/lib/settings';
import type { FrameStepEvent, OutlineRequest, WatchRequest } from '@/lib/walkthrough/frame';
import type { PanelAction } from '@/lib/walkthrough/controller';
import type { Walkthrough, WalkthroughPlan } from '@/lib/walkthrough/state';
import { browser, type Browser } from 'wxt/browser';

type Handler<Req, Res> = (data: Req) => Res;

/** The engine's answer to a command: done, or refused with a sentence the user can read. */
export type CommandReply = { ok: true } | { ok: false; error: string };

/**
 * What travels back over `sendResponse`: the handler's value, or the message of the error it threw. `sendTo` and
 * `sendToContent` unwrap it, so a handler's failure reaches the caller as a thrown MessageFailure, never as a value
 * that looks like a reply.
 */
type Envelope = { value?: unknown } | { failed: string };

/** A receiver's handler threw (as opposed to: nobody answered, which rejects or resolves undefined as before). */
export class MessageFailure extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageFailure';
  }
}

function unwrap(type: string, reply: unknown): unknown {
  if (!reply || typeof reply !== 'object') return undefined; // no receiver answered
  if ('failed' in reply) throw new MessageFailure(type, String((reply as { failed: unknown }).failed));
  return (reply as { value?: unknown }).value;
}

export interface BackgroundProtocol {
  /** Create the offscreen document if it is missing; resolves when it listens. */
  'offscreen/ensure': Handler<void, { ok: true }>;
  /** Forward an engine command (ensures the offscreen document first). */
  'engine/command': Handler<EngineCommand, CommandReply>;
  /** Content script: the hold-to-talk key went down / up in an SFMC frame. */
  'talk/hold': Handler<{ down: boolean }, void>;
  /** Content script: this frame's redacted structure changed. */
  'sfmc/frame-context': Handler<FrameContext, void>;
  /** Content script: the hold-to-talk key (frames learn nothing else of the settings). */
  'talk/hold-key': Handler<void, { key: string }>;
  /** Offscreen: run an SFMC tool in the active tab's frames. */
  'sfmc/highlight': Handler<HighlightRequest, HighlightResult>;
  'sfmc/clear-highlight': Handler<void, void>;
  'sfmc/get-context': Handler<void, PageContext | null>;
  /** Offscreen: the current settings (offscreen documents cannot use chrome.storage). */
  'settings/get': Handler<void, Settings>;
  /** Offscreen: persist / load the transcript (wxt/storage lives in the SW for offscreen's sake). */
  'transcript/save': Handler<TranscriptEntry[], void>;
  'transcript/load': Handler<void, TranscriptEntry[]>;
  /** Offscreen: the start_walkthrough tool (arguments already checked); runs in the active SFMC tab. */
  'walkthrough/start': Handler<
    WalkthroughPlan,
    { started: true; id: string; steps: number; summary: string } | { started: false; error: string }
  >;
  /** Panel: Back / Skip / Stop / Resume / Close. */
  'walkthrough/command': Handler<{ action: PanelAction }, Walkthrough | null>;
  /** Content script: found / missing / done for the step it watches (checked by the controller). */
  'walkthrough/frame-event': Handler<FrameStepEvent, void>;
  /** Content script: a frame that (re)loaded asks which step to watch. */
  'walkthrough/get-watch': Handler<void, WatchRequest | null>;
}

export interface OffscreenProtocol {
  'engine/command': Handler<DeliveredCommand, CommandReply>;
  'engine/snapshot': Handler<void, EngineSnapshot>;
  /** The service worker relays page-context changes of the active SFMC tab. */
  'engine/page-context': Handler<PageContext, void>;
  /** The walkthrough controller: one short progress item for the model (and a line in the transcript). */
  'engine/walkthrough-item': Handler<{ text: string }, void>;
}

export interface ContentProtocol {
  'sfmc/highlight': Handler<HighlightRequest, HighlightResult>;
  'sfmc/clear-highlight': Handler<void, void>;
  /** The hold-to-talk key changed in settings. */
  'sfmc/hold-key': Handler<{ key: string }, void>;
  /** Walkthrough: watch this step in this frame (null: stop watching). */
  'walkthrough/watch': Handler<WatchRequest | null, void>;
  /** Walkthrough: draw or remove the current step's outline in this frame. */
  'walkthrough/outline': Handler<OutlineRequest, void>;
  /** Ask the frame to re-send its context (e.g. after the side panel opened). */
  'sfmc/collect': Handler<void, FrameContext | null>;
}

export type Receiver = 'background' | 'offscreen';
type ProtocolOf<R extends Receiver> = R extends 'background' ? BackgroundProtocol : OffscreenProtocol;

type DataOf<P, K extends keyof P> = P[K] extends (data: infer Q) => unknown ? Q : never;
type ResultOf<P, K extends keyof P> = P[K] extends (data: never) => infer S ? Awaited<S> : never;

/**
 * Send a message to the service worker or the offscreen document and await its typed reply: undefined when no
 * receiver answered; a MessageFailure when the receiver's handler threw.
 */
export async function sendTo<R extends Receiver, K extends keyof ProtocolOf<R> & string>(
  to: R,
  type: K,
  ...data: DataOf<ProtocolOf<R>, K> extends void ? [] : [DataOf<ProtocolOf<R>, K>]
): Promise<ResultOf<ProtocolOf<R>, K>> {
  return unwrap(type, await browser.runtime.sendMessage({ to, type, data: data[0] })) as ResultOf<ProtocolOf<R>, K>;
}

/** Send a message to the content script of one frame (or all frames when frameId is omitted). */
export async function sendToContent<K extends keyof ContentProtocol & string>(
  tabId: number,
  type: K,
  data: DataOf<ContentProtocol, K>,
  frameId?: number,
): Promise<ResultOf<ContentProtocol, K>> {
  const options = frameId === undefined ? undefined : { frameId };
  return unwrap(type, await browser.tabs.sendMessage(tabId, { to: 'content', type, data }, options)) as ResultOf<
    ContentProtocol,
    K
  >;
}

export type Handlers<P> = {
  [K in keyof P]?: (
    data: DataOf<P, K>,
    sender: Browser.runtime.MessageSender,
  ) => ResultOf<P, K> | Promise<ResultOf<P, K>>;
};

/** Messages a content script (i.e. code running in an SFMC page's frame) may send to the service worker. */
export const CONTENT_SCRIPT_MESSAGES = [
  'talk/hold',
  'talk/hold-key',
  'sfmc/frame-context',
  'sfmc/clear-highlight',
  'walkthrough/frame-event',
  'walkthrough/get-watch',
] as const;

/** Who sent a message: one of our extension pages (side panel, offscreen, SW, our tabs), a content script, or neither. */
export function senderKind(
  sender: Browser.runtime.MessageSender,
  extensionId = browser.runtime.id,
): 'extension' | 'content' | 'foreign' {
  if (!sender || sender.id !== extensionId) return 'foreign';
  const origin = `chrome-extension://${extensionId}/`;
  if (typeof sender.url === 'string') return sender.url.startsWith(origin) ? 'extension' : 'content';
  // No URL: an extension context without a document (never a frame of a web page, which always has one).
  return sender.tab || sender.frameId !== undefined ? 'content' : 'extension';
}

/**
 * Listen for one receiver's messages. Only our own extension pages may send anything; content scripts — which run
 * beside hostile page code — may send only the messages named in `fromContentScripts` (for the service worker:
 * CONTENT_SCRIPT_MESSAGES). Everything else is ignored unanswered. Handlers may be async; replies go through
 * `sendResponse` (returning `true` keeps the channel open), which also works with the fake browser in unit tests, in
 * an Envelope that `sendTo`/`sendToContent` unwrap.
 * Returns the unsubscribe function.
 */
export function listen<P>(
  to: Receiver | 'content',
  handlers: Handlers<P>,
  opts: { fromContentScripts?: readonly string[] } = {},
): () => void {
  const allowed = new Set(opts.fromContentScripts ?? []);
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: (r?: unknown) => void) => {
    if (!message || typeof message !== 'object') return false;
    const m = message as { to?: string; type?: string; data?: unknown };
    if (m.to !== to || typeof m.type !== 'string') return false;
    const handler = (
      handlers as Record<string, ((d: unknown, s: Browser.runtime.MessageSender) => unknown) | undefined>
    )[m.type];
    if (!handler) return false;
    const kind = senderKind(sender);
    // A content script receives only what our extension sends it (tabs.sendMessage from the service worker).
    if (to === 'content' ? kind === 'foreign' : kind === 'foreign' || (kind === 'content' && !allowed.has(m.type))) {
      console.warn(
        `[messaging] refused ${m.type} from ${kind === 'content' ? 'a content script' : 'an unknown sender'}`,
      );
      return false;
    }
    Promise.resolve()
      .then(() => handler(m.data, sender))
      .then(
        (value) => sendResponse({ value } satisfies Envelope),
        (error: unknown) =>
          sendResponse({ failed: error instanceof Error ? error.message : String(error) } satisfies Envelope),
      );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
