/** The engine's IO inside the offscreen document: everything extension-side goes through the service worker. */
import { ENGINE_CHANNEL, openChannel } from '@/lib/messaging/channels';
import { sendTo } from '@/lib/messaging/protocol';
import type { EngineIO } from './engine-io';

export function createOffscreenIO(): EngineIO {
  const channel = openChannel(ENGINE_CHANNEL);
  return {
    getSettings: () => sendTo('background', 'settings/get'),
    loadTranscript: () => sendTo('background', 'transcript/load'),
    saveTranscript: (entries) => void sendTo('background', 'transcript/save', entries).catch(() => undefined),
    highlight: (request) => sendTo('background', 'sfmc/highlight', request),
    clearHighlight: () => void sendTo('background', 'sfmc/clear-highlight').catch(() => undefined),
    getPageContext: () => sendTo('background', 'sfmc/get-context'),
    startWalkthrough: (plan) => sendTo('background', 'walkthrough/start', plan),
    publish: (message) => channel.post(message),
  };
}
