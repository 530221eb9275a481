// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import type { EngineSnapshot } from '@/lib/voice/types';
import StatusBar from './StatusBar.vue';
import { compactNumber, connectPhases, duration, statusTone, statusView, usd } from './format';

const snapshot: EngineSnapshot = {
  status: 'speaking',
  mode: 'speaking',
  talkMode: 'push-to-talk',
  micLive: false,
  muted: false,
  micPermission: 'granted',
  timings: { totalMs: 1240, tokenMs: 310, sdpMs: 420, iceMs: 380, readyMs: 130 },
  usage: {
    inputTokens: 1200,
    outputTokens: 3400,
    inputAudioTokens: 0,
    outputAudioTokens: 0,
    inputTextTokens: 0,
    outputTextTokens: 0,
    cachedTokens: 0,
    responses: 2,
    costUsd: 0.0421,
  },
  transcript: [],
  audio: { packetsLost: 3, concealedSamples: 1440 },
};

describe('status formatters', () => {
  it('formats compactly', () => {
    expect(compactNumber(950)).toBe('950');
    expect(compactNumber(12_345)).toBe('12.3k');
    expect(compactNumber(64_000)).toBe('64k');
    expect(compactNumber(100_000)).toBe('100k');
    expect(compactNumber(2_500_000)).toBe('2.5M');
    expect(duration(85.4)).toBe('85 ms');
    expect(duration(1240)).toBe('1.24 s');
    expect(duration(undefined)).toBe('–');
    expect(usd(0.0421)).toBe('$0.04');
    expect(usd(0.004)).toBe('$0.004');
    expect(usd(0)).toBe('$0');
    expect(statusTone('reconnecting')).toBe('busy');
    expect(statusTone('error')).toBe('bad');
    expect(connectPhases({ micMs: 50.2, tokenMs: 12, sdpMs: 14.4, iceMs: 54, readyMs: 1 })).toBe(
      'mic 50 ms · token 12 ms · SDP 14 ms · ICE 54 ms · ready 1 ms',
    );
    expect(connectPhases({ tokenMs: 9 })).toBe('token 9 ms');
  });
});

describe('StatusBar', () => {
  it('shows connection, connect time, fps, count, latency, drops and usage', () => {
    const w = mount(StatusBar, {
      props: { snapshot, fps: 59.6, particleCount: 64_000, latency: { p50: 40, p95: 92.4, samples: 120 } },
    });
    const text = (id: string): string => w.find(`[data-testid="${id}"]`).text().replace(/\s+/g, ' ');
    expect(text('status-connection')).toMatch(/^Speaking ?1\.24 s$/); // the word is for screen readers (sr-only)
    expect(w.find('[data-testid="status-connection"]').classes()).toContain('ok');
    expect(text('status-fps')).toBe('60 fps');
    expect(text('status-particles')).toBe('64k pts');
    expect(text('status-latency')).toBe('92 ms p95');
    expect(text('status-drops')).toBe('3 lost');
    expect(w.find('[data-testid="status-drops"]').classes()).toContain('warn');
    expect(text('status-usage')).toBe('4.6k tok · $0.04');
    expect(w.find('[data-testid="status-connect-time"]').attributes('title')).toBe(
      `Connect time: ${connectPhases(snapshot.timings)}`,
    );
  });

  it('shows dashes before there is data', () => {
    const w = mount(StatusBar, {
      props: {
        snapshot: { ...snapshot, status: 'idle', timings: {}, audio: { packetsLost: 0, concealedSamples: 0 } },
        fps: 0,
        particleCount: 0,
        latency: { p50: 0, p95: 0, samples: 0 },
      },
    });
    expect(w.find('[data-testid="status-connect-time"]').exists()).toBe(false);
    expect(w.find('[data-testid="status-latency"]').text()).toBe('– p95');
    expect(w.find('[data-testid="status-drops"]').exists()).toBe(false);
    expect(w.find('[data-testid="status-connection"]').text()).toBe('Not connected');
  });

  it('concealed samples alone (normal in every call) show nothing; the mic-permission step is not an error', () => {
    const healthy = mount(StatusBar, {
      props: {
        snapshot: { ...snapshot, audio: { packetsLost: 0, concealedSamples: 3100 } },
        fps: 0,
        particleCount: 0,
        latency: { p50: 0, p95: 0, samples: 0 },
      },
    });
    expect(healthy.find('[data-testid="status-drops"]').exists()).toBe(false);
    const step = statusView({ status: 'error', error: { code: 'mic_permission', message: 'x' } });
    expect(step).toEqual({ label: 'Needs microphone', tone: 'busy' });
    expect(statusView({ status: 'error', error: { code: 'token_unreachable', message: 'x' } }).tone).toBe('bad');
    expect(statusView({ status: 'reconnecting', reconnectAttempt: 2 }).label).toBe('Reconnecting (attempt 2)');
  });

  it('turns the usage amber near a session cap and says which cap', () => {
    const props = { fps: 60, particleCount: 2000, latency: { p50: 0, p95: 0, samples: 0 } };
    const calm = mount(StatusBar, { props: { ...props, snapshot } }).find('[data-testid="status-usage"]');
    expect(calm.classes()).not.toContain('warn');
    const near = mount(StatusBar, {
      props: { ...props, snapshot: { ...snapshot, caps: { level: 'warn', which: 'cost', share: 0.84 } } },
    }).find('[data-testid="status-usage"]');
    expect(near.classes()).toContain('warn');
    expect(near.attributes('data-cap')).toBe('warn');
    expect(near.attributes('title')).toContain("84 % of this session's cost cap");
  });
});
