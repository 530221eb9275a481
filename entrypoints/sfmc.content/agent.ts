/**
 * The SFMC frame agent: one per frame. Reports this frame's redacted structure to the service worker (debounced, only
 * when it changed), answers highlight/clear/collect, and turns the hold key into 'talk/hold'. Read-only: it never
 * clicks, types, submits or calls SFMC APIs.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { listen, sendTo, type ContentProtocol, type Handlers } from '@/lib/messaging/protocol';
import { guardContentScriptContext } from '@/lib/sfmc/context-guard';
import { extractFrameContext } from '@/lib/sfmc/extract';
import { clearHighlight, drawHighlight } from '@/lib/sfmc/highlight';
import { resolveElement } from '@/lib/sfmc/resolve';
import { redactUrl } from '@/lib/sfmc/redact';
import { HIGHLIGHT_ATTR } from '@/lib/sfmc/dom';
import { DEFAULT_HOLD_KEY, installHoldKey } from '@/lib/talk/hold-key';
import type { FrameContext } from '@/lib/sfmc/types';
import { createFrameWalkthrough } from '@/lib/walkthrough/frame';

export const REPORT_DEBOUNCE_MS = 400;
const REPORT_MAX_WAIT_MS = 2000;
const noop = () => undefined;

export function startSfmcAgent(ctx: ContentScriptContext): void {
  guardContentScriptContext(ctx, window);
  let lastJson = '';
  let lastCtx: FrameContext | null = null;
  let timer: number | undefined;
  let firstPending = 0;

  const extract = () => extractFrameContext(document, location.href);
  const report = () => {
    timer = undefined;
    firstPending = 0;
    let fc: FrameContext;
    try {
      fc = extract();
    } catch {
      return; // a page we cannot read: report nothing rather than break the frame
    }
    const json = JSON.stringify(fc);
    if (json === lastJson) return;
    lastJson = json;
    lastCtx = fc;
    sendTo('background', 'sfmc/frame-context', fc).catch(() => {
      lastJson = ''; // not delivered (SW starting): send again next time
    });
  };
  const schedule = () => {
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    // Trailing debounce with a max wait, so a page that never stops mutating still reports.
    const wait = now - firstPending >= REPORT_MAX_WAIT_MS ? 0 : REPORT_DEBOUNCE_MS;
    timer = ctx.setTimeout(report, wait);
  };

  const ours = (n: Node) => n.nodeType === 1 && (n as Element).hasAttribute(HIGHLIGHT_ATTR);
  const observer = new MutationObserver((records) => {
    if (
      records.every(
        (r) => ours(r.target) || ([...r.addedNodes, ...r.removedNodes].every(ours) && r.type === 'childList'),
      )
    )
      return;
    schedule();
  });
  observer.observe(document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['hidden', 'aria-hidden', 'aria-invalid', 'class', 'style', 'open', 'aria-label', 'title'],
  });
  ctx.addEventListener(window, 'wxt:locationchange', schedule);
  ctx.addEventListener(window, 'hashchange', schedule);
  ctx.addEventListener(window, 'pagehide', () => {
    if (lastCtx) sendTo('background', 'sfmc/frame-context', { ...lastCtx, unloaded: true }).catch(noop);
    lastJson = '';
  });
  // Escape clears this frame's highlight (highlight.ts) and, through the SW, the other frames' too.
  ctx.addEventListener(
    window,
    'keydown',
    (e) => {
      if (e.isTrusted && (e as KeyboardEvent).key === 'Escape')
        sendTo('background', 'sfmc/clear-highlight').catch(noop);
    },
    { capture: true },
  );
  ctx.addEventListener(window, 'pageshow', (e) => {
    if ((e as PageTransitionEvent).persisted) schedule();
  });

  let holdKey = DEFAULT_HOLD_KEY;
  // Walkthrough: watch the step the service worker names (read-only), report found / missing / done.
  const walk = createFrameWalkthrough({
    send: (e) => void sendTo('background', 'walkthrough/frame-event', e).catch(noop),
  });
  const handlers: Handlers<ContentProtocol> = {
    'walkthrough/watch': (req) => walk.watch(req),
    'walkthrough/outline': (req) => walk.outline(req),
    'sfmc/highlight': (req) => {
      let r: ReturnType<typeof resolveElement>;
      try {
        r = resolveElement(document, req);
      } catch {
        return { found: false, reason: 'This frame could not be searched', candidates: [] };
      }
      if ('element' in r) {
        if (!req.probe) drawHighlight(r.element, { label: r.name, note: req.note });
        return { found: true, label: r.name, role: r.role, frame: redactUrl(location.href), score: r.score };
      }
      return {
        found: false,
        reason: `No visible element named "${req.label}" in this frame`,
        candidates: r.candidates,
      };
    },
    'sfmc/clear-highlight': () => clearHighlight(document),
    'sfmc/hold-key': ({ key }) => void (holdKey = key || DEFAULT_HOLD_KEY),
    'sfmc/collect': () => {
      lastJson = '';
      report();
      return lastCtx;
    },
  };
  const unlisten = listen<ContentProtocol>('content', handlers);

  sendTo('background', 'walkthrough/get-watch').then((req) => walk.watch(req ?? null), noop); // a frame loaded mid-walkthrough
  // Frames learn only the hold key (by message), never the settings: storage is closed to content scripts.
  sendTo('background', 'talk/hold-key').then((r) => (holdKey = r?.key || holdKey), noop);
  const uninstallHold = installHoldKey({
    getKey: () => holdKey,
    onPress: () => void sendTo('background', 'talk/hold', { down: true }).catch(noop),
    onRelease: () => void sendTo('background', 'talk/hold', { down: false }).catch(noop),
  });

  ctx.onInvalidated(() => {
    observer.disconnect();
    unlisten();
    walk.dispose();
    uninstallHold();
    clearHighlight(document);
  });
  report();
}
