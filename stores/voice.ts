/** Mirror of the offscreen engine's snapshot. The panel never owns mic or connection: it sends commands. */
import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { EngineBroadcast, EngineSnapshot } from '@/lib/voice/types';
import { applyTranscriptDelta } from '@/lib/conversation/transcript-sync';
import { isLive } from '@/lib/voice/state-machine';
import { emptyUsage } from '@/lib/conversation/usage';
import type { TranscriptEntry } from '@/lib/conversation/types';

export function idleSnapshot(transcript: TranscriptEntry[] = []): EngineSnapshot {
  return {
    status: 'idle',
    mode: 'idle',
    talkMode: 'push-to-talk',
    micLive: false,
    muted: false,
    micPermission: 'unknown',
    timings: {},
    usage: emptyUsage(),
    transcript,
    audio: { packetsLost: 0, concealedSamples: 0 },
  };
}

export const useVoiceStore = defineStore('voice', () => {
  const snapshot = shallowRef<EngineSnapshot>(idleSnapshot());
  const connected = computed(() => isLive(snapshot.value.status));
  const busy = computed(() => ['preparing', 'connecting', 'reconnecting'].includes(snapshot.value.status));
  /** This panel asked for a connect the engine has not picked up yet (its snapshot still says idle). */
  const connectRequested = shallowRef(false);
  /** From the connect click until the session is up: the particle field holds still meanwhile. */
  const connecting = computed(() => connectRequested.value || busy.value);
  let transcriptRev = 0;
  const settle = () => {
    if (snapshot.value.status !== 'idle') connectRequested.value = false;
  };
  /** A full snapshot (on panel open, or after a missed delta). */
  function apply(next: EngineSnapshot): void {
    transcriptRev = next.transcriptRev ?? 0;
    snapshot.value = next;
    settle();
  }
  /** A broadcast: false when its transcript delta does not follow ours (the caller then fetches a full snapshot). */
  function applyBroadcast(message: EngineBroadcast): boolean {
    const next = applyTranscriptDelta({ rev: transcriptRev, entries: snapshot.value.transcript }, message.transcript);
    if (!next) return false;
    transcriptRev = next.rev;
    snapshot.value = { ...message.snapshot, transcript: next.entries, transcriptRev: next.rev };
    settle();
    return true;
  }
  return { snapshot, connected, busy, connectRequested, connecting, apply, applyBroadcast };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useVoiceStore, import.meta.hot));
