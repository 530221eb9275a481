/**
 * The walkthrough's side in one SFMC frame: runs the watcher (watch.ts) for the step the service worker names, reports
 * found / missing / done back, and draws the outline only when the service worker says this frame owns the target
 * (several frames may match a label; the best score wins, as for `highlight_element`). Read-only like the watcher.
 */
import { clearHighlight, drawHighlight } from '@/lib/sfmc/highlight';
import type { WatchTarget } from './watch';
import { watchStep } from './watch';
import type { CompletionHow } from './state';

/** Service worker → every frame: watch this step (null: stop watching and clear the outline). */
export interface WatchRequest {
  walkId: string;
  /** 0-based step index; echoed in every report so late reports about an old step are ignored. */
  step: number;
  total: number;
  instruction: string;
  target: WatchTarget;
  next?: WatchTarget;
}

/** Service worker → one frame: draw (or remove) the outline of the step's target in this frame. */
export interface OutlineRequest {
  walkId: string;
  step: number;
  draw: boolean;
}

/** Frame → service worker. */
export type FrameStepEvent =
  | { walkId: string; step: number; kind: 'found'; name: string; score: number }
  | { walkId: string; step: number; kind: 'missing'; candidates: string[] }
  | { walkId: string; step: number; kind: 'done'; how: CompletionHow };

export interface FrameWalkthrough {
  watch(req: WatchRequest | null): void;
  outline(req: OutlineRequest): void;
  dispose(): void;
}

/** The outline's caption: where the user is and what to do. */
export const outlineNote = (req: WatchRequest) => `Step ${req.step + 1} of ${req.total}: ${req.instruction}`;

export function createFrameWalkthrough(opts: { doc?: Document; send(e: FrameStepEvent): void }): FrameWalkthrough {
  const doc = opts.doc ?? document;
  let active: WatchRequest | null = null;
  let stop: (() => void) | null = null;
  let element: Element | null = null;
  let name = '';
  let owner = false;
  let last: FrameStepEvent | null = null;
  const send = (e: FrameStepEvent) => {
    last = e;
    opts.send(e);
  };

  const draw = () => {
    if (active && owner && element) drawHighlight(element, { label: name, note: outlineNote(active) });
  };
  const reset = () => {
    stop?.();
    stop = null;
    if (owner) clearHighlight(doc);
    active = null;
    element = null;
    owner = false;
    last = null;
  };

  return {
    watch(req) {
      if (active && req && active.walkId === req.walkId && active.step === req.step && stop) {
        // Already on it (e.g. the service worker restarted and asks again): repeat what this frame knows.
        if (last) opts.send(last);
        return;
      }
      reset();
      if (!req) return;
      const current = (active = req);
      const base = { walkId: req.walkId, step: req.step };
      stop = watchStep(req.target, {
        doc,
        next: req.next,
        onFound: (el, match) => {
          if (active !== current) return;
          element = el;
          name = match.name;
          draw(); // the target was re-rendered: the owner follows it
          send({ ...base, kind: 'found', name: match.name, score: match.score });
        },
        onMissing: (candidates) => {
          if (active !== current) return;
          element = null;
          if (owner) clearHighlight(doc);
          send({ ...base, kind: 'missing', candidates });
        },
        onDone: (how) => {
          if (active !== current) return;
          if (owner) clearHighlight(doc);
          owner = false;
          stop = null; // the watcher stopped itself; the same step may be asked for again (e.g. after Back)
          send({ ...base, kind: 'done', how });
        },
      });
    },
    outline(req) {
      if (!active || req.walkId !== active.walkId || req.step !== active.step) return;
      owner = req.draw;
      if (owner) draw();
      else clearHighlight(doc);
    },
    dispose: reset,
  };
}
