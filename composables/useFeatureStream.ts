/**
 * Feature frames from the offscreen document (BroadcastChannel FEATURE_CHANNEL) for the side panel.
 *
 * - `mic` / `assistant`: the latest frame of each voice (shallow refs: set per frame, ≤ 60 Hz each).
 * - `onFrame(cb)`: per-frame callback without reactivity (the particle loop uses this); returns an unsubscribe.
 * - `latencyMs`: audio→screen latency = wall clock of the first rAF after the frame arrived
 *   (`performance.timeOrigin + performance.now()`) − `frame.wallTime`, p50/p95 over the last 120 frames,
 *   refreshed at most twice a second.
 *
 * The channel closes and the rAF is cancelled when the calling scope is disposed.
 */
import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { tryOnScopeDispose } from '@vueuse/core';
import type { FeatureFrame } from '@/worklets/protocol';
import { FEATURE_CHANNEL, openChannel } from '@/lib/messaging/channels';
import { createLatencyWindow, type LatencySummary } from '@/lib/particles/latency';

export type FeatureFrameCallback = (frame: FeatureFrame) => void;

export interface FeatureStream {
  mic: ShallowRef<FeatureFrame | null>;
  assistant: ShallowRef<FeatureFrame | null>;
  latencyMs: Ref<LatencySummary>;
  onFrame(cb: FeatureFrameCallback): () => void;
}

const MAX_PENDING = 16;
const PUBLISH_MS = 500;

function isFeatureFrame(data: unknown): data is FeatureFrame {
  if (typeof data !== 'object' || data === null) return false;
  const f = data as Partial<FeatureFrame>;
  return (
    (f.source === 'mic' || f.source === 'assistant') && typeof f.rms === 'number' && typeof f.wallTime === 'number'
  );
}

export function useFeatureStream(): FeatureStream {
  const mic = shallowRef<FeatureFrame | null>(null);
  const assistant = shallowRef<FeatureFrame | null>(null);
  const latencyMs = ref<LatencySummary>({ p50: 0, p95: 0, samples: 0 });
  const callbacks = new Set<FeatureFrameCallback>();
  const samples = createLatencyWindow(120);
  const pending = new Float64Array(MAX_PENDING);
  let pendingCount = 0;
  let rafId = 0;
  let lastPublish = 0;

  function onAnimationFrame(): void {
    rafId = 0;
    const now = performance.timeOrigin + performance.now();
    for (let i = 0; i < pendingCount; i++) samples.add(now - pending[i]!);
    pendingCount = 0;
    if (now - lastPublish >= PUBLISH_MS) {
      lastPublish = now;
      latencyMs.value = samples.summary();
    }
  }

  const channel = openChannel(FEATURE_CHANNEL, isFeatureFrame);
  channel.listen((frame) => {
    if (frame.source === 'mic') mic.value = frame;
    else assistant.value = frame;
    for (const cb of callbacks) cb(frame);
    // Hidden panels get no rAF: latency is only measured while frames actually reach the screen.
    const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    if (hidden || !(frame.wallTime > 0)) return;
    if (pendingCount < MAX_PENDING) pending[pendingCount++] = frame.wallTime;
    if (!rafId && typeof requestAnimationFrame === 'function') rafId = requestAnimationFrame(onAnimationFrame);
  });

  tryOnScopeDispose(() => {
    channel.close();
    if (rafId) cancelAnimationFrame(rafId);
    rafId = 0;
    callbacks.clear();
  });

  return {
    mic,
    assistant,
    latencyMs,
    onFrame(cb) {
      callbacks.add(cb);
      return () => callbacks.delete(cb);
    },
  };
}
