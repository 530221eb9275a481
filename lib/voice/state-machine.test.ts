import { describe, expect, it } from 'vitest';
import { isLive, modeOf, nextStatus, type EngineSignal } from './state-machine';
import type { EngineStatus } from './types';

function run(start: EngineStatus, signals: EngineSignal[]): EngineStatus[] {
  const seen: EngineStatus[] = [];
  let s = start;
  for (const signal of signals) seen.push((s = nextStatus(s, signal)));
  return seen;
}

describe('engine state machine', () => {
  it('walks a push-to-talk turn from idle to speaking and back', () => {
    expect(
      run('idle', [
        'prepare',
        'connect',
        'ready',
        'talk-start',
        'talk-end',
        'response-started',
        'audio-started',
        'audio-stopped',
      ]),
    ).toEqual(['preparing', 'connecting', 'ready', 'listening', 'thinking', 'thinking', 'speaking', 'ready']);
  });

  it('barges in: pressing while the instructor speaks goes straight to listening', () => {
    expect(nextStatus('speaking', 'talk-start')).toBe('listening');
    // the cleared buffer of the interrupted reply must not end the new turn
    expect(nextStatus('listening', 'audio-stopped')).toBe('listening');
  });

  it('drops a too-short tap back to ready', () => {
    expect(run('ready', ['talk-start', 'talk-cancel'])).toEqual(['listening', 'ready']);
  });

  it('a tool-call response without audio returns to ready on response.done', () => {
    expect(run('ready', ['talk-start', 'talk-end', 'response-done'])).toEqual(['listening', 'thinking', 'ready']);
  });

  it('reconnects from any live state and comes back ready', () => {
    for (const s of ['ready', 'listening', 'thinking', 'speaking', 'connecting'] as const) {
      expect(nextStatus(s, 'lost')).toBe('reconnecting');
    }
    // a reconnect stays visibly "reconnecting" until the new session is ready
    expect(run('reconnecting', ['connect', 'ready'])).toEqual(['reconnecting', 'ready']);
  });

  it('ignores late events after a disconnect', () => {
    const s = nextStatus('speaking', 'disconnect');
    expect(s).toBe('idle');
    for (const signal of ['ready', 'audio-started', 'talk-start', 'response-started', 'lost'] as const) {
      expect(nextStatus(s, signal)).toBe('idle');
    }
  });

  it('can retry from error, and fail from anywhere but idle', () => {
    expect(nextStatus('error', 'prepare')).toBe('preparing');
    expect(nextStatus('connecting', 'fail')).toBe('error');
    expect(nextStatus('idle', 'fail')).toBe('idle');
  });

  it('maps statuses to particle modes', () => {
    expect(modeOf('listening')).toBe('listening');
    expect(modeOf('speaking')).toBe('speaking');
    expect(modeOf('thinking')).toBe('thinking');
    expect(modeOf('ready')).toBe('idle');
    expect(isLive('reconnecting')).toBe(false);
  });
});
