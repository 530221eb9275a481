/**
 * The engine's status transitions, as a pure function of (status, signal). The engine owns resources; this decides
 * what the user sees. Invalid signals for a status leave it unchanged, so races (a late `audio-stopped` after a
 * disconnect, say) cannot resurrect a dead session.
 */
import type { EngineStatus, VoiceMode } from './types';

export type EngineSignal =
  | 'prepare' // user asked to connect: mic + audio graph
  | 'connect' // mic ready: token, SDP, ICE
  | 'ready' // session.created received
  | 'talk-start' // mic gate opened (PTT press) or VAD speech_started
  | 'talk-end' // PTT release committed, or VAD speech_stopped
  | 'talk-cancel' // PTT tap too short: nothing sent
  | 'response-started' // response.created
  | 'audio-started' // output_audio_buffer.started
  | 'audio-stopped' // output_audio_buffer.stopped / cleared
  | 'response-done' // response.done (no audio followed, e.g. a tool call)
  | 'lost' // connection dropped: will reconnect
  | 'fail' // unrecoverable error
  | 'disconnect'; // user or idle timer

const LIVE: ReadonlySet<EngineStatus> = new Set(['ready', 'listening', 'thinking', 'speaking']);

export function isLive(status: EngineStatus): boolean {
  return LIVE.has(status);
}

export function nextStatus(status: EngineStatus, signal: EngineSignal): EngineStatus {
  switch (signal) {
    case 'prepare':
      return status === 'idle' || status === 'error' ? 'preparing' : status;
    case 'connect':
      return status === 'preparing' ? 'connecting' : status;
    case 'ready':
      return status === 'connecting' || status === 'reconnecting' ? 'ready' : status;
    case 'talk-start':
      return isLive(status) ? 'listening' : status;
    case 'talk-end':
      return status === 'listening' ? 'thinking' : status;
    case 'talk-cancel':
      return status === 'listening' ? 'ready' : status;
    case 'response-started':
      return status === 'ready' ? 'thinking' : status;
    case 'audio-started':
      return status === 'thinking' || status === 'ready' ? 'speaking' : status;
    case 'audio-stopped':
      return status === 'speaking' ? 'ready' : status;
    case 'response-done':
      return status === 'thinking' ? 'ready' : status;
    case 'lost':
      return isLive(status) || status === 'connecting' ? 'reconnecting' : status;
    case 'fail':
      return status === 'idle' ? status : 'error';
    case 'disconnect':
      return 'idle';
  }
}

/** What the particles show for a status. */
export function modeOf(status: EngineStatus): VoiceMode {
  if (status === 'listening') return 'listening';
  if (status === 'thinking' || status === 'connecting' || status === 'preparing' || status === 'reconnecting')
    return 'thinking';
  if (status === 'speaking') return 'speaking';
  return 'idle';
}
