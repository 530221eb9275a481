/**
 * The in-page watcher for one walkthrough step in ONE frame, read-only. It finds the step's control with the pointing
 * resolver (lib/sfmc/resolve.ts), finds it again after DOM changes (debounced) and navigation, and reports the step
 * done when the user activates the control (a trusted click, or Enter/Space on it) or when the screen moves on to the
 * next step (its control appears while this one is gone). Listeners are capture-phase and passive: it never prevents
 * a default, stops propagation or dispatches an event.
 */
import { HIGHLIGHT_ATTR } from '@/lib/sfmc/dom';
import { resolveElement, type ResolveQuery } from '@/lib/sfmc/resolve';
import type { CompletionHow } from './state';

export type WatchTarget = ResolveQuery;

export interface WatchMatch {
  /** Redacted accessible name the resolver matched. */
  name: string;
  role: string;
  score: number;
}

export interface WatchOptions {
  doc?: Document;
  /** The following step's control: its appearance (with this one gone) completes the step. */
  next?: WatchTarget;
  /** Called once; the watcher stops itself afterwards. */
  onDone(how: CompletionHow): void;
  /** The control was found, or is now a different element (redraw the outline on it). */
  onFound?(el: Element, match: WatchMatch): void;
  /** The control is not in this frame (first check, or it went away); the closest names. */
  onMissing?(candidates: string[]): void;
  /** Quiet time after DOM changes before resolving again. */
  debounceMs?: number;
}

export const WATCH_DEBOUNCE_MS = 150;
/** A page that never stops mutating is still re-checked this often. */
const WATCH_MAX_WAIT_MS = 1000;

const ATTRIBUTES = [
  'hidden',
  'aria-hidden',
  'aria-expanded',
  'aria-selected',
  'class',
  'style',
  'open',
  'disabled',
  'aria-label',
  'title',
];

const isOurs = (n: Node) => n.nodeType === 1 && (n as Element).closest?.(`[${HIGHLIGHT_ATTR}]`) !== null;

/** The element itself, anything inside it, or one of its `<label>`s (clicking a label activates its control). */
function activates(el: Element, target: EventTarget | null): boolean {
  if (!target || typeof (target as Node).nodeType !== 'number') return false;
  const node = target as Node;
  if (el === node || el.contains(node)) return true;
  const labels = (el as HTMLInputElement).labels;
  return !!labels && Array.from(labels).some((l) => l === node || l.contains(node));
}

/** Start watching; returns `stop()`. */
export function watchStep(target: WatchTarget, opts: WatchOptions): () => void {
  const doc = opts.doc ?? document;
  const view = doc.defaultView;
  const debounceMs = opts.debounceMs ?? WATCH_DEBOUNCE_MS;
  let stopped = false;
  let element: Element | null = null;
  let lastMissing: string | null = null;
  // The next control only "appears" if this frame saw it absent first: a frame where it was always there (or that
  // never had this step's control) must not complete the step on its first look.
  let nextSeenAbsent = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstPending = 0;

  const resolve = (q: WatchTarget) => {
    try {
      return resolveElement(doc, q);
    } catch {
      return { candidates: [] as string[] };
    }
  };

  const finish = (how: CompletionHow) => {
    if (stopped) return;
    stop();
    opts.onDone(how);
  };

  const check = () => {
    timer = undefined;
    firstPending = 0;
    if (stopped) return;
    const r = resolve(target);
    if (opts.next) {
      const n = resolve(opts.next);
      const nextHere = 'element' in n;
      if (nextHere && nextSeenAbsent && !('element' in r)) return finish('screen');
      if (!nextHere) nextSeenAbsent = true;
    }
    if ('element' in r) {
      lastMissing = null;
      if (r.element !== element) {
        element = r.element;
        opts.onFound?.(r.element, { name: r.name, role: r.role, score: r.score });
      }
      return;
    }
    element = null;
    const key = JSON.stringify(r.candidates);
    if (key === lastMissing) return;
    lastMissing = key;
    opts.onMissing?.(r.candidates);
  };

  const schedule = () => {
    if (stopped) return;
    const now = Date.now();
    if (!firstPending) firstPending = now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(check, now - firstPending >= WATCH_MAX_WAIT_MS ? 0 : debounceMs);
  };

  /** The control the event is about: the last one found, or (after a re-render the debounce has not seen) a fresh one. */
  const hit = (e: Event): boolean => {
    if (!e.isTrusted) return false; // synthetic events (scripts, other extensions) never complete a step
    if (element && element.isConnected && activates(element, e.target)) return true;
    const r = resolve(target);
    return 'element' in r && activates(r.element, e.target);
  };

  const onClick = (e: Event) => {
    if (hit(e)) finish('click');
  };
  const onKey = (e: Event) => {
    const k = e as KeyboardEvent;
    if ((k.key === 'Enter' || k.key === ' ' || k.code === 'Space') && hit(e)) finish('keyboard');
  };

  const observer = new (view?.MutationObserver ?? MutationObserver)((records) => {
    // Our own outline (added, moved, re-measured) is not a screen change: ignoring it avoids a redraw loop.
    if (
      records.every(
        (r) => isOurs(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOurs)),
      )
    )
      return;
    schedule();
  });
  const eventRoot: EventTarget = view ?? doc;
  const listen = { capture: true, passive: true } as const;

  function stop() {
    if (stopped) return;
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    observer.disconnect();
    eventRoot.removeEventListener('click', onClick, listen);
    eventRoot.removeEventListener('keydown', onKey, listen);
    view?.removeEventListener('hashchange', schedule);
    view?.removeEventListener('popstate', schedule);
    view?.removeEventListener('wxt:locationchange', schedule);
  }

  observer.observe(doc.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  eventRoot.addEventListener('click', onClick, listen);
  eventRoot.addEventListener('keydown', onKey, listen);
  view?.addEventListener('hashchange', schedule);
  view?.addEventListener('popstate', schedule);
  view?.addEventListener('wxt:locationchange', schedule);
  check();
  return stop;
}
