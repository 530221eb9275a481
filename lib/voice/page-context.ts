/**
 * What the instructor sees of the page: the latest context the SFMC frames reported, sent to the model once per change
 * (after 600 ms of quiet, so a screen that is still loading is not sent twice) while the session is live and sharing is
 * on. Page text is data, not instructions: it goes in as a user-role item behind a fixed marker (lib/sfmc/quote.ts),
 * never as a system item, and the session instructions say so.
 */
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import type { PageContext } from '@/lib/sfmc/types';

export const CONTEXT_SETTLE_MS = 600;

export interface PageContextDeps {
  send(event: RealtimeClientEvent): boolean;
  live(): boolean;
  sharing(): boolean;
  /** What the panel shows changed (the screen, or what was sent). */
  changed(): void;
}

export function createPageContextFeed(deps: PageContextDeps) {
  let current: PageContext | null = null;
  /** Exactly the text last sent to the model ("What the instructor sees"). */
  let sent: string | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush(): void {
    if (!deps.live() || !deps.sharing() || !current || current.text === sent) return;
    const ok = deps.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: current.text }] },
    });
    if (ok) {
      sent = current.text;
      deps.changed();
    }
  }

  return {
    get current(): PageContext | null {
      return current;
    },
    get sent(): string | undefined {
      return sent;
    },
    /** A frame reported a screen: shown at once (the panel's "Explain this error" follows it), sent once it settles. */
    update(ctx: PageContext): void {
      current = ctx;
      deps.changed();
      clearTimeout(timer);
      timer = setTimeout(flush, CONTEXT_SETTLE_MS);
    },
    /** A (re)started session has seen nothing: take the freshest context there is and send it. */
    async resend(latest: () => Promise<PageContext | null>): Promise<void> {
      sent = undefined;
      current = (await latest().catch(() => null)) ?? current;
      flush();
    },
    stop(): void {
      clearTimeout(timer);
    },
  };
}
