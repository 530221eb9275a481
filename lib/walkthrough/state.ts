/**
 * Guided walkthrough state: a pure, JSON-serialisable reducer (saved to storage so a walkthrough survives panel close,
 * reconnects and service-worker restarts), the one-line items that tell the model about progress, and validation of
 * the `start_walkthrough` tool arguments. No DOM, no extension APIs.
 */

export interface WalkthroughStep {
  /** What the user should do, in the instructor's words ("Open Journey Settings"). */
  instruction: string;
  /** Visible text or accessible name of the control to use (as for `highlight_element`). */
  label: string;
  /** Kind of control ("button", "tab", "field", …); a hint for the resolver. */
  role?: string;
}

export type StepState = 'pending' | 'done' | 'skipped';
export type TargetState = 'unknown' | 'found' | 'missing';
export type WalkthroughStatus = 'active' | 'done' | 'stopped';

/** How the page showed that a step was done (watch.ts). */
export type CompletionHow = 'click' | 'keyboard' | 'screen';

export interface Walkthrough {
  id: string;
  title: string;
  steps: WalkthroughStep[];
  /** Index of the step the user is on; stays on the last step once `status` is `done`. */
  current: number;
  status: WalkthroughStatus;
  stepStates: StepState[];
  /** Whether the current step's control is on the screen (reported by the frames). */
  target: TargetState;
  /** Closest names on the screen while `target` is `missing`. */
  candidates?: string[];
  startedAt: number;
}

export type WalkthroughAction =
  | { type: 'start'; id: string; title: string; steps: WalkthroughStep[]; at: number }
  | { type: 'complete'; step: number; how: CompletionHow }
  | { type: 'back' }
  | { type: 'skip' }
  | { type: 'stop' }
  | { type: 'resume' }
  /** `step` (optional) guards against a late report about an earlier step. */
  | { type: 'targetFound'; step?: number }
  | { type: 'targetMissing'; candidates: string[]; step?: number };

export const LIMITS = { steps: 12, title: 80, instruction: 200, label: 80, role: 24, candidates: 5 } as const;

/** The walkthrough without its candidates (they belong to one missing target only). */
const bare = ({ candidates: _dropped, ...rest }: Walkthrough): Walkthrough => rest;

/** Move to step `index` (or finish past the end): the target of a new step is not known yet. */
function goTo(w: Walkthrough, index: number, stepStates: StepState[]): Walkthrough {
  const rest = bare(w);
  if (index >= w.steps.length)
    return { ...rest, stepStates, current: w.steps.length - 1, status: 'done', target: 'unknown' };
  return { ...rest, stepStates, current: Math.max(0, index), status: 'active', target: 'unknown' };
}

function withState(w: Walkthrough, index: number, state: StepState): StepState[] {
  const next = w.stepStates.slice();
  next[index] = state;
  return next;
}

/**
 * Fold one action into the walkthrough. Returns the same object when the action does not apply (finished or stopped
 * walkthrough, a completion for a step that is not the current one), so callers can skip saving and telling the model.
 */
export function reduceWalkthrough(w: Walkthrough | null, action: WalkthroughAction): Walkthrough | null {
  if (action.type === 'start') {
    return {
      id: action.id,
      title: action.title,
      steps: action.steps.map((s) => ({ ...s })),
      current: 0,
      status: 'active',
      stepStates: action.steps.map((): StepState => 'pending'),
      target: 'unknown',
      startedAt: action.at,
    };
  }
  if (!w) return w;
  switch (action.type) {
    case 'resume': {
      if (w.status === 'done') return w;
      // Back on screen after a stop, reload or restart: the target has to be found again.
      if (w.status === 'active' && w.target === 'unknown') return w;
      return { ...bare(w), status: 'active', target: 'unknown' };
    }
    case 'stop':
      return w.status === 'active' ? { ...w, status: 'stopped' } : w;
  }
  if (w.status !== 'active') return w;
  switch (action.type) {
    case 'complete':
      if (action.step !== w.current) return w;
      return goTo(w, w.current + 1, withState(w, w.current, 'done'));
    case 'skip':
      return goTo(w, w.current + 1, withState(w, w.current, 'skipped'));
    case 'back':
      if (w.current === 0) return w;
      // Going back means doing the previous step again.
      return goTo(w, w.current - 1, withState(w, w.current - 1, 'pending'));
    case 'targetFound': {
      if (action.step !== undefined && action.step !== w.current) return w;
      if (w.target === 'found') return w;
      return { ...bare(w), target: 'found' };
    }
    case 'targetMissing': {
      if (action.step !== undefined && action.step !== w.current) return w;
      const candidates = action.candidates.filter((c) => typeof c === 'string' && c).slice(0, LIMITS.candidates);
      if (w.target === 'missing' && JSON.stringify(w.candidates ?? []) === JSON.stringify(candidates)) return w;
      return { ...w, target: 'missing', candidates };
    }
  }
  return w; // an unknown action (e.g. from an older build's message) changes nothing
}

/** "Step 2 of 5" (1-based), for the panel and the items. */
export function progressText(w: Walkthrough): string {
  return `Step ${w.current + 1} of ${w.steps.length}`;
}

const HOW_TEXT: Record<CompletionHow | 'skipped', (label: string) => string> = {
  click: (label) => `the user clicked ${label}`,
  keyboard: (label) => `the user activated ${label} with the keyboard`,
  screen: () => 'the screen changed to what the next step needs',
  skipped: () => 'the user skipped it',
};

const sentence = (s: string) => (/[.!?…]$/.test(s) ? s : `${s}.`);

/**
 * The one short item the model gets when a step is finished, e.g. "Walkthrough step 2 of 5 done: the user clicked
 * Journey Settings. Next: choose a re-entry option." Works on the walkthrough before or after the reduction.
 */
export function stepItemText(w: Walkthrough, doneIndex: number, how: CompletionHow | 'skipped'): string {
  const total = w.steps.length;
  const step = w.steps[doneIndex];
  const label = step ? `"${step.label}"` : 'the control';
  const verb = how === 'skipped' ? 'skipped' : 'done';
  const head = `Walkthrough step ${doneIndex + 1} of ${total} ${verb}: ${HOW_TEXT[how](label)}.`;
  const next = w.steps[doneIndex + 1];
  if (!next) return `${head} That was the last step: the walkthrough "${w.title}" is complete.`;
  return `${head} Next: ${sentence(next.instruction)}`;
}

/**
 * The item the model gets when the current step's control is not on the screen. The candidates are page text (from a
 * hostile source): they go in as one JSON array, so a crafted name cannot pose as a sentence of ours.
 */
export function missingItemText(label: string, candidates: string[], w?: Walkthrough): string {
  const where = w ? `Walkthrough step ${w.current + 1} of ${w.steps.length}: ` : 'Walkthrough: ';
  const closest = candidates.slice(0, LIMITS.candidates);
  const tail = closest.length
    ? ` Closest names on screen (page data): ${JSON.stringify(closest)}. Say which to use, or tell the user where to go first.`
    : ' Nothing similar is visible: tell the user where to go first.';
  return `${where}can't find "${label}" on this screen.${tail}`;
}

/**
 * Items the app adds for the model start with a bracketed "[SFMC …]" marker (lib/conversation/items.ts): sent as
 * user-role items they are context, never shown as the user's turn.
 */
export const WALKTHROUGH_MARKER = '[SFMC walkthrough — progress, not instructions]';

/** The full text of the conversation item for one of the texts above. */
export function walkthroughModelItem(text: string): string {
  return `${WALKTHROUGH_MARKER}\n${text}`;
}

/** Items for the panel's own controls, so the model knows where the user is. */
export function controlItemText(w: Walkthrough, action: 'back' | 'stop' | 'resume'): string {
  const step = w.steps[w.current];
  const at = `step ${w.current + 1} of ${w.steps.length}`;
  if (action === 'stop') return `Walkthrough "${w.title}" stopped by the user at ${at}.`;
  const what = action === 'back' ? 'The user went back to' : 'The user resumed the walkthrough at';
  return `${what} ${at}: ${sentence(step?.instruction ?? '')}`;
}

// ---- tool arguments -------------------------------------------------------------------------------------------------

export interface WalkthroughPlan {
  title: string;
  steps: WalkthroughStep[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Collapse whitespace and cap the length (with an ellipsis) so the panel and the items stay short. */
function cap(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

function extraKeys(obj: Record<string, unknown>, allowed: string[], where: string, errors: string[]): void {
  for (const k of Object.keys(obj))
    if (!allowed.includes(k)) errors.push(`${where}: unknown property "${k}" (allowed: ${allowed.join(', ')})`);
}

function text(
  obj: Record<string, unknown>,
  key: string,
  where: string,
  max: number,
  errors: string[],
  optional = false,
): string | undefined {
  const v = obj[key];
  if (v === undefined && optional) return undefined;
  if (typeof v !== 'string') {
    errors.push(`${where}.${key} must be a string${optional ? ' when given' : ''}`);
    return undefined;
  }
  const t = cap(v, max);
  if (!t && !optional) errors.push(`${where}.${key} must not be empty`);
  return t || undefined;
}

/**
 * Validate `start_walkthrough` arguments: exactly `{ title, steps: [{ instruction, label, role? }] }`, 1–12 steps.
 * Strings are trimmed and capped. Throws one Error listing every problem (the tool registry sends it to the model).
 */
export function parseWalkthroughArgs(args: unknown): WalkthroughPlan {
  const errors: string[] = [];
  if (!isRecord(args)) throw new Error('start_walkthrough: arguments must be an object { title, steps }');
  extraKeys(args, ['title', 'steps'], 'arguments', errors);
  const title = text(args, 'title', 'arguments', LIMITS.title, errors) ?? '';
  const steps: WalkthroughStep[] = [];
  const raw = args.steps;
  if (!Array.isArray(raw)) errors.push('arguments.steps must be an array of { instruction, label, role? }');
  else if (raw.length < 1 || raw.length > LIMITS.steps)
    errors.push(`arguments.steps must have 1 to ${LIMITS.steps} steps (got ${raw.length})`);
  else {
    raw.forEach((s, i) => {
      const where = `steps[${i}]`;
      if (!isRecord(s)) {
        errors.push(`${where} must be an object { instruction, label, role? }`);
        return;
      }
      extraKeys(s, ['instruction', 'label', 'role'], where, errors);
      const instruction = text(s, 'instruction', where, LIMITS.instruction, errors);
      const label = text(s, 'label', where, LIMITS.label, errors);
      const role = text(s, 'role', where, LIMITS.role, errors, true)?.toLowerCase();
      if (instruction && label) steps.push(role ? { instruction, label, role } : { instruction, label });
    });
  }
  if (errors.length) throw new Error(`start_walkthrough: ${errors.join('; ')}`);
  return { title, steps };
}

/** A walkthrough read back from storage, or null when the value is not one (old format, corrupted). */
export function restoreWalkthrough(value: unknown): Walkthrough | null {
  if (!isRecord(value)) return null;
  const { id, title, steps, current, status, stepStates, target, candidates, startedAt } = value;
  if (typeof id !== 'string' || typeof title !== 'string' || typeof startedAt !== 'number') return null;
  if (!Array.isArray(steps) || !steps.length || !Array.isArray(stepStates) || stepStates.length !== steps.length)
    return null;
  if (
    !steps.every(
      (s) =>
        isRecord(s) &&
        typeof s.instruction === 'string' &&
        typeof s.label === 'string' &&
        (s.role === undefined || typeof s.role === 'string'),
    )
  )
    return null;
  if (!stepStates.every((s) => s === 'pending' || s === 'done' || s === 'skipped')) return null;
  if (typeof current !== 'number' || !Number.isInteger(current) || current < 0 || current >= steps.length) return null;
  if (status !== 'active' && status !== 'done' && status !== 'stopped') return null;
  if (target !== 'unknown' && target !== 'found' && target !== 'missing') return null;
  if (candidates !== undefined && !(Array.isArray(candidates) && candidates.every((c) => typeof c === 'string')))
    return null;
  return value as unknown as Walkthrough;
}
