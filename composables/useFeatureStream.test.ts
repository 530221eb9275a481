// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { effectScope } from 'vue';
import { FEATURE_CHANNEL, type FeatureFrame } from '@/worklets/protocol';
import { useFeatureStream } from './useFeatureStream';
import { frame } from '@/lib/particles/testing/frame';

const base: FeatureFrame = frame({ peak: 0.2 });

describe('useFeatureStream', () => {
  it('routes frames by source, calls onFrame, measures latency, and closes on dispose', async () => {
    const scope = effectScope();
    const stream = scope.run(() => useFeatureStream())!;
    const seen: string[] = [];
    stream.onFrame((f) => seen.push(f.source));
    const sender = new BroadcastChannel(FEATURE_CHANNEL);

    const wall = performance.timeOrigin + performance.now();
    sender.postMessage({ ...base, wallTime: wall - 80 });
    sender.postMessage({ ...base, source: 'assistant', rms: 0.3, wallTime: wall - 80 });
    sender.postMessage({ nonsense: true });
    await vi.waitFor(() => expect(seen).toEqual(['mic', 'assistant']));
    expect(stream.mic.value?.rms).toBe(0.1);
    expect(stream.assistant.value?.rms).toBe(0.3);
    await vi.waitFor(() => expect(stream.latencyMs.value.samples).toBe(2));
    expect(stream.latencyMs.value.p95).toBeGreaterThanOrEqual(80);

    scope.stop();
    sender.postMessage({ ...base, rms: 0.9 });
    // A message to a closed channel is never delivered: a second, open channel proves the post went out.
    const witness = new BroadcastChannel(FEATURE_CHANNEL);
    const delivered = new Promise((resolve) => (witness.onmessage = resolve));
    sender.postMessage({ ...base, rms: 0.9 });
    await delivered;
    expect(stream.mic.value?.rms).toBe(0.1);
    expect(seen).toHaveLength(2);
    witness.close();
    sender.close();
  });
});
