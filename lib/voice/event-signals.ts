/** Which server events move the engine's state machine (docs/realtime-protocol.md#server-events-we-act-on). Pure. */
import type { EngineSignal } from './state-machine';

const SIGNALS: Record<string, EngineSignal> = {
  'input_audio_buffer.speech_started': 'talk-start', // hands-free: the server heard the user start
  'input_audio_buffer.speech_stopped': 'talk-end',
  'response.created': 'response-started',
  'output_audio_buffer.started': 'audio-started',
  'output_audio_buffer.stopped': 'audio-stopped',
  'output_audio_buffer.cleared': 'audio-stopped',
};

export function signalFor(eventType: string): EngineSignal | undefined {
  return SIGNALS[eventType];
}

/** Events that count as activity for the idle auto-disconnect. */
export function isActivity(eventType: string): boolean {
  return eventType in SIGNALS;
}
