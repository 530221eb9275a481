import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { autoDisconnectReason, createHousekeeping, type HousekeepingDeps } from './housekeeping';
import type { EngineStatus } from './types';

describe('autoDisconnectReason', () => {
  const base = {
    status: 'ready' as EngineStatus,
    idleMs: 0,
    idleMinutes: 10,
    panelClosedMs: undefined,
    closedMinutes: 10,
  };

  it('ends an idle session only when it is waiting (not while the instructor speaks)', () => {
    expect(autoDisconnectReason({ ...base, idleMs: 10 * 60_000 + 1 })).toContain('10 idle minutes');
    expect(autoDisconnectReason({ ...base, idleMs: 10 * 60_000 + 1, status: 'speaking' })).toBeUndefined();
    expect(autoDisconnectReason({ ...base, idleMs: 10 * 60_000 - 1 })).toBeUndefined();
    expect(autoDisconnectReason({ ...base, idleMs: 99 * 60_000, idleMinutes: 0 })).toBeUndefined(); // 0 turns it off
  });

  it('ends a session whose panel has been closed for the set minutes, whatever it is doing', () => {
    expect(autoDisconnectReason({ ...base, status: 'listening', panelClosedMs: 10 * 60_000 + 1 })).toContain(
      'side panel closed',
    );
    expect(autoDisconnectReason({ ...base, panelClosedMs: 10 * 60_000 + 1, closedMinutes: 0 })).toBeUndefined();
  });
});

describe('createHousekeeping', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup(live = true) {
    const calls: string[] = [];
    const deps: HousekeepingDeps = {
      now: () => Date.now(),
      live: () => live,
      status: () => 'ready',
      settings: () => ({ ...DEFAULT_SETTINGS, idleDisconnectMinutes: 1 }),
      sessionStartedAt: () => 0,
      panelClosedForMs: () => 0,
      disconnect: (why) => void calls.push(`disconnect:${why.slice(0, 20)}`),
      checkCaps: () => void calls.push('caps'),
      audioStats: async () => ({ packetsLost: 3, concealedSamples: 9 }),
      onAudioStats: (s) => void calls.push(`stats:${s.packetsLost}`),
    };
    return { calls, housekeeping: createHousekeeping(deps, 2_000) };
  }

  it('checks caps and reads audio stats every 2 s while live, and disconnects after the idle minutes', async () => {
    const { calls, housekeeping } = setup();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toEqual(['caps', 'stats:3']);
    await vi.advanceTimersByTimeAsync(50_000);
    housekeeping.touch(); // activity restarts the idle clock
    calls.length = 0;
    await vi.advanceTimersByTimeAsync(58_000);
    expect(calls.some((c) => c.startsWith('disconnect'))).toBe(false);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(calls.at(-1)).toBe('disconnect:Disconnected after 1');
    housekeeping.stop();
  });

  it('does nothing while no transport is live, and nothing after stop()', async () => {
    const idle = setup(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(idle.calls).toEqual([]);
    const live = setup();
    live.housekeeping.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(live.calls).toEqual([]);
  });
});
