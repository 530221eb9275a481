import { describe, expect, it } from 'vitest';
import { isActivity, signalFor } from './event-signals';
import { nextStatus } from './state-machine';
import type { EngineStatus } from './types';

/** Feed a server event order through signalFor + nextStatus, as the engine does. */
function statuses(start: EngineStatus, events: string[]): EngineStatus[] {
  let s = start;
  return events.map((type) => {
    const signal = signalFor(type);
    if (signal) s = nextStatus(s, signal);
    return s;
  });
}

describe('server events → engine status', () => {
  it('a hands-free turn (GA order with server VAD) goes listening → thinking → speaking → ready', () => {
    const order = [
      'input_audio_buffer.speech_started',
      'input_audio_buffer.speech_stopped',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'response.created',
      'response.output_item.added',
      'output_audio_buffer.started',
      'response.output_audio_transcript.delta',
      'response.done',
      'output_audio_buffer.stopped',
    ];
    expect(statuses('ready', order)).toEqual([
      'listening',
      'thinking',
      'thinking',
      'thinking',
      'thinking',
      'thinking',
      'speaking',
      'speaking',
      'speaking',
      'ready',
    ]);
  });

  it('a VAD barge-in while speaking goes back to listening and the cleared buffer does not end the turn', () => {
    expect(
      statuses('speaking', ['input_audio_buffer.speech_started', 'output_audio_buffer.cleared', 'response.done']),
    ).toEqual(['listening', 'listening', 'listening']);
  });

  it('ignores events that do not move the state and counts only turn events as activity', () => {
    expect(signalFor('rate_limits.updated')).toBeUndefined();
    expect(signalFor('session.updated')).toBeUndefined();
    expect(isActivity('response.created')).toBe(true);
    expect(isActivity('rate_limits.updated')).toBe(false);
  });
});
