/**
 * WXT's content-script context listens on `document` for a "content script started" CustomEvent and invalidates
 * itself when one arrives (meant for a newer copy of the same script after an update). The event's name is
 * predictable, so any page script could dispatch it and switch our agent off. This guard stops that event in the
 * capture phase on `window`, before it reaches the document's listener. A real successor only exists after the
 * extension was reloaded or updated, and then this copy's runtime is gone: that case still invalidates.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';

type GuardedContext = Pick<ContentScriptContext, 'notifyInvalidated' | 'signal'>;

export function guardContentScriptContext(
  ctx: GuardedContext,
  win: Window,
  opts: { eventName?: string; runtimeAlive?: () => boolean } = {},
): void {
  const eventName = opts.eventName ?? scriptStartedEventName();
  const runtimeAlive = opts.runtimeAlive ?? (() => browser.runtime?.id != null);
  win.addEventListener(
    eventName,
    (event) => {
      event.stopImmediatePropagation();
      if (!runtimeAlive()) ctx.notifyInvalidated();
    },
    { capture: true, signal: ctx.signal },
  );
}

/** WXT's own event name (a private static of the class: read at run time so it always matches WXT's listener). */
export function scriptStartedEventName(): string {
  return (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
}
