/**
 * Service-worker side of a walkthrough: owns the state (state.ts) and its persistence, tells every frame of the tab
 * which step to watch, combines the frames' reports (found in any frame → found, the best score draws the outline;
 * missing only when no frame has it for a short while), and hands the model one short item per event. Extension
 * APIs come in as deps, so this runs in plain unit tests.
 */
import {
  controlItemText,
  missingItemText,
  reduceWalkthrough,
  restoreWalkthrough,
  stepItemText,
  LIMITS,
  type Walkthrough,
  type WalkthroughAction,
  type WalkthroughPlan,
} from './state';
import type { FrameStepEvent, OutlineRequest, WatchRequest } from './frame';
import { cleanPageString } from '@/lib/sfmc/quote';
import { redactText } from '@/lib/sfmc/redact';

/** What is saved: the walkthrough and the tab it runs in. */
export interface StoredWalkthrough {
  walkthrough: Walkthrough;
  tabId: number;
}

export interface FrameCommands {
  'walkthrough/watch': WatchRequest | null;
  'walkthrough/outline': OutlineRequest;
}

export type PanelAction = 'back' | 'skip' | 'stop' | 'resume' | 'dismiss';

export interface WalkthroughControllerDeps {
  load(): Promise<unknown>;
  save(value: StoredWalkthrough | null): Promise<void> | void;
  /** To every frame of the tab (frameId omitted) or to one frame; failures are the caller's to swallow. */
  toFrames<K extends keyof FrameCommands>(
    tabId: number,
    type: K,
    data: FrameCommands[K],
    frameId?: number,
  ): Promise<void> | void;
  /** One short item for the model (the engine sends it and asks for a response through its gate). */
  tellModel(text: string): void;
  now?(): number;
  newId?(): string;
  /** How long no frame may have the target before it counts as missing. */
  missingAfterMs?: number;
}

export const MISSING_AFTER_MS = 800;

type Report = { found: true; score: number } | { found: false; candidates: string[] };

/** Longest candidate name kept (the resolver caps names at 60 too). */
const CANDIDATE_CAP = 60;
const HOWS = ['click', 'keyboard', 'screen'];

/**
 * A content script's report, checked: content scripts share a process with the page, so their messages are shaped
 * input, not trusted data. Candidate names are redacted again, normalised and capped. Null when malformed.
 */
export function parseFrameEvent(value: unknown): FrameStepEvent | null {
  if (typeof value !== 'object' || value === null) return null;
  const e = value as Record<string, unknown>;
  if (typeof e.walkId !== 'string' || typeof e.step !== 'number' || !Number.isInteger(e.step) || e.step < 0)
    return null;
  const base = { walkId: e.walkId, step: e.step };
  if (e.kind === 'done')
    return typeof e.how === 'string' && HOWS.includes(e.how) ? { ...base, kind: 'done', how: e.how as 'click' } : null;
  if (e.kind === 'found') {
    const score = typeof e.score === 'number' && Number.isFinite(e.score) ? Math.max(0, Math.min(100, e.score)) : 0;
    return {
      ...base,
      kind: 'found',
      name: cleanPageString(typeof e.name === 'string' ? redactText(e.name) : '', CANDIDATE_CAP),
      score,
    };
  }
  if (e.kind === 'missing') {
    if (!Array.isArray(e.candidates)) return null;
    const candidates: string[] = [];
    for (const c of e.candidates.slice(0, 10)) {
      const clean = typeof c === 'string' ? cleanPageString(redactText(c), CANDIDATE_CAP) : '';
      if (clean && !candidates.includes(clean)) candidates.push(clean);
    }
    return { ...base, kind: 'missing', candidates };
  }
  return null;
}

export function createWalkthroughController(deps: WalkthroughControllerDeps) {
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => `wt_${now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`);
  const missingAfterMs = deps.missingAfterMs ?? MISSING_AFTER_MS;
  let w: Walkthrough | null = null;
  let tabId: number | null = null;
  /** Reports for the current step, by frame id. */
  let reports = new Map<number, Report>();
  let owner: number | null = null;
  let missingTimer: ReturnType<typeof setTimeout> | undefined;
  /** Steps whose missing target the model has heard about (once per step visit, so the model is not nagged). */
  let toldMissing = -1;

  const persist = () => deps.save(w && tabId !== null ? { walkthrough: w, tabId } : null);

  const watchRequest = (): WatchRequest | null => {
    if (!w || w.status !== 'active') return null;
    const step = w.steps[w.current]!;
    const next = w.steps[w.current + 1];
    return {
      walkId: w.id,
      step: w.current,
      total: w.steps.length,
      instruction: step.instruction,
      target: step.role ? { label: step.label, role: step.role } : { label: step.label },
      ...(next ? { next: next.role ? { label: next.label, role: next.role } : { label: next.label } } : {}),
    };
  };

  /** A new step (or none): forget the frames' reports and tell every frame what to watch. */
  const rewatch = async () => {
    reports = new Map();
    owner = null;
    clearTimeout(missingTimer);
    missingTimer = undefined;
    if (tabId !== null) await deps.toFrames(tabId, 'walkthrough/watch', watchRequest());
  };

  const apply = (action: WalkthroughAction): boolean => {
    const next = reduceWalkthrough(w, action);
    if (next === w) return false;
    const stepChanged = !w || !next || next.current !== w.current || next.status !== w.status || next.id !== w.id;
    w = next;
    if (stepChanged) toldMissing = -1;
    return true;
  };

  const decideMissing = async () => {
    missingTimer = undefined;
    if (!w || w.status !== 'active' || [...reports.values()].some((r) => r.found)) return;
    const candidates: string[] = [];
    for (const r of reports.values())
      if (!r.found) for (const c of r.candidates) if (!candidates.includes(c)) candidates.push(c);
    if (!apply({ type: 'targetMissing', candidates: candidates.slice(0, LIMITS.candidates), step: w.current })) return;
    await persist();
    if (toldMissing !== w.current) {
      toldMissing = w.current;
      deps.tellModel(missingItemText(w.steps[w.current]!.label, w.candidates ?? [], w));
    }
  };

  /** Outline in the best-scoring frame only. */
  const pickOwner = async () => {
    if (!w || tabId === null) return;
    let best: { frame: number; score: number } | null = null;
    for (const [frame, r] of reports) if (r.found && (!best || r.score > best.score)) best = { frame, score: r.score };
    const chosen = best?.frame ?? null;
    if (chosen === owner) return;
    const base = { walkId: w.id, step: w.current };
    if (owner !== null) await deps.toFrames(tabId, 'walkthrough/outline', { ...base, draw: false }, owner);
    owner = chosen;
    if (chosen !== null) await deps.toFrames(tabId, 'walkthrough/outline', { ...base, draw: true }, chosen);
  };

  const ready = (async () => {
    try {
      const stored = (await deps.load()) as Partial<StoredWalkthrough> | null | undefined;
      const restored = restoreWalkthrough(stored?.walkthrough);
      if (!restored || typeof stored?.tabId !== 'number') return;
      w = restored;
      tabId = stored.tabId;
      // Restarted (service worker, browser): the target has to be found again in whatever the page shows now.
      if (w.status === 'active' && apply({ type: 'resume' })) await persist();
      await rewatch();
    } catch {
      // Nothing usable stored: no walkthrough.
    }
  })();

  return {
    ready,
    current: () => w,
    tab: () => tabId,

    /** The `start_walkthrough` tool: replaces any walkthrough, starts watching step 1. Returns the tool's result. */
    async start(plan: WalkthroughPlan, tab: number) {
      await ready;
      if (w && tabId !== null && tabId !== tab) await deps.toFrames(tabId, 'walkthrough/watch', null);
      apply({ type: 'start', id: newId(), title: plan.title, steps: plan.steps, at: now() });
      tabId = tab;
      await persist();
      await rewatch();
      return {
        started: true as const,
        id: w!.id,
        steps: w!.steps.length,
        summary: `Walkthrough "${w!.title}": ${w!.steps.length} steps`,
      };
    },

    /**
     * Back / Skip / Stop / Resume / Close from the panel. Returns the new state. `tab` (the active SFMC tab) lets
     * Resume continue in another tab than the one the walkthrough started in.
     */
    async command(action: PanelAction, tab?: number): Promise<Walkthrough | null> {
      await ready;
      if (!w) return null;
      if (action === 'resume' && tab !== undefined && w.status === 'stopped') tabId = tab;
      if (action === 'dismiss') {
        if (w.status === 'active') return w; // stop first: closing never loses a walkthrough in progress by accident
        const tab = tabId;
        w = null;
        tabId = null;
        await persist();
        if (tab !== null) await deps.toFrames(tab, 'walkthrough/watch', null);
        return null;
      }
      const before = w;
      if (!apply({ type: action })) return w;
      await persist();
      await rewatch();
      deps.tellModel(action === 'skip' ? stepItemText(before, before.current, 'skipped') : controlItemText(w, action));
      return w;
    },

    /** A frame's report (BackgroundProtocol message from the content script; checked here). */
    async onFrameEvent(raw: unknown, fromTab: number, frameId: number): Promise<void> {
      await ready;
      const e = parseFrameEvent(raw);
      if (!e || !w || w.status !== 'active' || fromTab !== tabId || e.walkId !== w.id || e.step !== w.current) return;
      if (e.kind === 'done') {
        const doneIndex = w.current;
        if (!apply({ type: 'complete', step: doneIndex, how: e.how })) return;
        await persist();
        await rewatch();
        deps.tellModel(stepItemText(w, doneIndex, e.how));
        return;
      }
      if (e.kind === 'found') {
        reports.set(frameId, { found: true, score: e.score });
        clearTimeout(missingTimer);
        missingTimer = undefined;
        if (apply({ type: 'targetFound', step: w.current })) await persist();
        await pickOwner();
        return;
      }
      reports.set(frameId, { found: false, candidates: e.candidates });
      if (owner === frameId) await pickOwner(); // lost here: another frame that has it takes over
      if (![...reports.values()].some((r) => r.found)) {
        clearTimeout(missingTimer);
        missingTimer = setTimeout(() => void decideMissing(), missingAfterMs);
      }
    },

    /** A frame that (re)loaded asks what to watch (its tab must be the walkthrough's). */
    async watchFor(fromTab: number): Promise<WatchRequest | null> {
      await ready;
      return fromTab === tabId ? watchRequest() : null;
    },

    /** A frame went away (pagehide / navigation): its report no longer counts. */
    async onFrameGone(fromTab: number, frameId: number): Promise<void> {
      await ready;
      if (fromTab !== tabId || !reports.delete(frameId)) return;
      if (owner === frameId) {
        owner = null;
        await pickOwner();
      }
    },

    /** The walkthrough's tab was closed: stop (the panel can resume it in another tab). */
    async onTabRemoved(removed: number): Promise<void> {
      await ready;
      if (removed !== tabId || !w || !apply({ type: 'stop' })) return;
      reports = new Map();
      owner = null;
      clearTimeout(missingTimer);
      await persist();
    },

    dispose() {
      clearTimeout(missingTimer);
    },
  };
}

export type WalkthroughController = ReturnType<typeof createWalkthroughController>;
