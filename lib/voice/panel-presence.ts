/**
 * Does a side panel exist? Each open panel posts a heartbeat on a BroadcastChannel (same extension origin as the
 * offscreen engine) every second, and `bye` on pagehide; a closed panel's page is gone, so its heartbeats stop.
 * `closedForMs` is how long no panel has been seen: the engine disconnects after the user's "when the panel closes"
 * minutes. Timers of a hidden page may run only once a minute (Chrome's intensive throttling), so a panel is counted
 * as gone after `STALE_MS` without a beat, and a minute-long gap never adds up to the default 10 minutes.
 */

import { openChannel, PANEL_CHANNEL, type PanelMessage } from '@/lib/messaging/channels';

const isPanelMessage = (d: unknown): d is PanelMessage =>
  typeof d === 'object' &&
  d !== null &&
  ((d as PanelMessage).type === 'panel-alive' || (d as PanelMessage).type === 'panel-bye') &&
  typeof (d as PanelMessage).id === 'string';

export const HEARTBEAT_MS = 1_000;
export const STALE_MS = 5_000;

export type { PanelMessage };

export function createPanelPresence(now: () => number) {
  const lastSeen = new Map<string, number>();
  /** When the last panel went away (or the watch began with none). */
  let goneSince = now();

  function sweep(): void {
    const t = now();
    for (const [id, at] of lastSeen) {
      if (t - at > STALE_MS) {
        lastSeen.delete(id);
        if (lastSeen.size === 0) goneSince = at + STALE_MS;
      }
    }
  }

  return {
    onMessage(msg: PanelMessage): void {
      if (msg.type === 'panel-alive') lastSeen.set(msg.id, now());
      else if (lastSeen.delete(msg.id) && lastSeen.size === 0) goneSince = now();
    },
    get open(): boolean {
      sweep();
      return lastSeen.size > 0;
    },
    /** 0 while a panel is open; else ms since the last one went away, counted from `since` at the earliest. */
    closedForMs(since: number): number {
      sweep();
      return lastSeen.size > 0 ? 0 : Math.max(0, now() - Math.max(goneSince, since));
    },
  };
}

/** The engine's ear: listens on the channel; returns a stop function. No-op where BroadcastChannel is missing. */
export function listenForPanels(onMessage: (msg: PanelMessage) => void): () => void {
  const channel = openChannel(PANEL_CHANNEL, isPanelMessage);
  channel.listen(onMessage);
  return () => channel.close();
}

/** The panel's side: beat now and every second, say bye on pagehide; returns a stop function. */
export function announcePanel(id: string): () => void {
  const channel = openChannel(PANEL_CHANNEL);
  const beat = () => channel.post({ type: 'panel-alive', id });
  beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  const bye = () => channel.post({ type: 'panel-bye', id });
  addEventListener('pagehide', bye);
  return () => {
    clearInterval(timer);
    removeEventListener('pagehide', bye);
    bye();
    channel.close();
  };
}
