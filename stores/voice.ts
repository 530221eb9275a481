/** Mirror of the offscreen engine's snapshot. The panel never owns mic or connection: it sends commands. */
import { acceptHMRUpdate, defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { EngineSnapshot } from '@/lib/voice/types';
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
  function apply(next: EngineSnapshot): void {
    snapshot.value = next;
  }
  return { snapshot, connected, busy, apply };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useVoiceStore, import.meta.hot));
