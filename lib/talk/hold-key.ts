/**
 * Hold-to-talk in a page frame (docs/extension-platform.md#commands-and-hold-to-talk): keydown/keyup in the capture phase on
 * `event.code === getKey()`, auto-repeat ignored, preventDefault only for the hold key. A press is released on keyup,
 * window blur, the tab being hidden, or after a 60 s safety timeout, so a lost keyup never leaves the mic open.
 * Only the user's own key presses count: events a page script dispatched (`isTrusted === false`) are ignored
 * entirely — not prevented, not forwarded — so a page cannot talk for the user.
 */
export const HOLD_SAFETY_MS = 60_000;
/** F9 types nothing and no SFMC editor (CodeMirror, Monaco, the query editor) binds it; see README "Using it". */
export const DEFAULT_HOLD_KEY = 'F9';

export interface HoldKeyOptions {
  /** `KeyboardEvent.code` of the hold key, read on every event so setting changes apply at once. */
  getKey: () => string;
  onPress: () => void;
  onRelease: () => void;
  target?: Window;
  safetyMs?: number;
}

export function installHoldKey({
  getKey,
  onPress,
  onRelease,
  target = window,
  safetyMs = HOLD_SAFETY_MS,
}: HoldKeyOptions): () => void {
  let down = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const release = () => {
    if (!down) return;
    down = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    onRelease();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const key = getKey();
    if (!e.isTrusted || !key || e.code !== key) return;
    e.preventDefault();
    if (e.repeat || down) return;
    down = true;
    timer = setTimeout(release, safetyMs);
    onPress();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    const key = getKey();
    if (!e.isTrusted || !key || e.code !== key) return;
    e.preventDefault();
    release();
  };
  const doc = target.document;
  const onVisibility = () => {
    if (doc.visibilityState === 'hidden') release();
  };

  target.addEventListener('keydown', onKeyDown, true);
  target.addEventListener('keyup', onKeyUp, true);
  target.addEventListener('blur', release);
  doc.addEventListener('visibilitychange', onVisibility);
  return () => {
    release();
    target.removeEventListener('keydown', onKeyDown, true);
    target.removeEventListener('keyup', onKeyUp, true);
    target.removeEventListener('blur', release);
    doc.removeEventListener('visibilitychange', onVisibility);
  };
}
