/**
 * Connect the side panel to the offscreen engine: mirror its snapshots (BroadcastChannel) into the voice store and
 * send commands through the service worker, which creates the offscreen document on demand.
 */
import { tryOnScopeDispose } from '@vueuse/core';
import { ENGINE_CHANNEL, openChannel } from '@/lib/messaging/channels';
import { sendTo, type CommandReply } from '@/lib/messaging/protocol';
import { transcriptItem } from '@/lib/settings';
import { announcePanel } from '@/lib/voice/panel-presence';
import type { EngineCommand } from '@/lib/voice/types';
import { idleSnapshot, useVoiceStore } from '@/stores/voice';

export function useEngine() {
  const store = useVoiceStore();
  const channel = openChannel(ENGINE_CHANNEL);
  let live = false;
  channel.listen((message) => {
    live = true;
    if (!store.applyBroadcast(message)) void refresh(); // missed a transcript delta: take a full snapshot
  });
  tryOnScopeDispose(() => channel.close());
  // Heartbeats tell the engine a panel is open ("when the panel closes" in settings counts from their end).
  const stopAnnouncing = announcePanel(crypto.randomUUID());
  tryOnScopeDispose(stopAnnouncing);

  /** On open: the running engine's state, or the saved transcript when no engine runs yet. */
  async function refresh(): Promise<void> {
    // Start the engine's document as the panel opens, so its audio is warm when the user connects.
    void sendTo('background', 'offscreen/ensure').catch(() => undefined);
    const snapshot = await sendTo('offscreen', 'engine/snapshot').catch(() => undefined);
    if (snapshot && typeof snapshot === 'object' && 'status' in snapshot) store.apply(snapshot);
    else if (!live) store.apply(idleSnapshot(await transcriptItem.getValue()));
  }

  async function command(cmd: EngineCommand): Promise<CommandReply> {
    if (cmd.type === 'connect' && store.snapshot.status === 'idle') store.connectRequested = true;
    let reply: CommandReply;
    try {
      reply = await sendTo('background', 'engine/command', cmd);
    } catch (error) {
      reply = { ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    if (!reply.ok) store.connectRequested = false;
    return reply;
  }

  return { refresh, command };
}
