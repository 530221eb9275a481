/**
 * The BroadcastChannels between extension pages (same origin; content scripts cannot join): each name, the one type
 * that travels on it, and `openChannel` to use one. High-rate data goes here instead of runtime messages.
 */
import type { EngineBroadcast } from '@/lib/voice/types';
import { FEATURE_CHANNEL, type FeatureFrame } from '@/worklets/protocol';

/** The offscreen engine posts a snapshot (or a transcript delta) here on every change; the side panel mirrors it. */
export const ENGINE_CHANNEL = 'sfmc-voice-engine';
/** Each open side panel's heartbeat and its goodbye; the engine counts panels (lib/voice/panel-presence.ts). */
export const PANEL_CHANNEL = 'sfmc-voice-panel';
export { FEATURE_CHANNEL };

export type PanelMessage = { type: 'panel-alive'; id: string } | { type: 'panel-bye'; id: string };

export interface ChannelMessages {
  [ENGINE_CHANNEL]: EngineBroadcast;
  /** Audio features of the mic and the instructor, ~60 per second each (worklets/protocol.ts). */
  [FEATURE_CHANNEL]: FeatureFrame;
  [PANEL_CHANNEL]: PanelMessage;
}
export type ChannelName = keyof ChannelMessages;

export interface Channel<T> {
  post(message: T): void;
  /** Replaces the previous listener. Messages the guard refuses are dropped. */
  listen(onMessage: (message: T) => void): void;
  close(): void;
}

/**
 * Open a typed channel. `accept` checks what arrives (any extension page can post on a name); without it the
 * message is taken as typed. Where BroadcastChannel does not exist (Node tools, some tests) a silent channel.
 */
export function openChannel<N extends ChannelName>(
  name: N,
  accept?: (data: unknown) => data is ChannelMessages[N],
): Channel<ChannelMessages[N]> {
  if (typeof BroadcastChannel === 'undefined')
    return { post: () => undefined, listen: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(onMessage) {
      channel.onmessage = (e: MessageEvent<unknown>) => {
        if (!accept || accept(e.data)) onMessage(e.data as ChannelMessages[N]);
      };
    },
    close: () => channel.close(),
  };
}
