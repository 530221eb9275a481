/**
 * The voice engine's public shape: the state machine's status names, the snapshot the offscreen document broadcasts,
 * and the commands it accepts. Pure types, shared by the offscreen document, the service worker and the side panel.
 */
import type { Mode } from '@/contract/session';
import type { EngineError } from '@/lib/realtime/failure';
import type { TranscriptDelta } from '@/lib/conversation/transcript-sync';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { Settings } from '@/lib/settings';

export type EngineStatus =
  'idle' | 'preparing' | 'connecting' | 'ready' | 'listening' | 'thinking' | 'speaking' | 'reconnecting' | 'error';

/** What the particle field and status bar show. */
export type VoiceMode = 'idle' | 'listening' | 'thinking' | 'speaking';

export type TalkMode = Mode;

export type MicPermission = 'granted' | 'prompt' | 'denied' | 'unknown';

/** Milliseconds spent in each connection phase of the last connect. */
export interface ConnectTimings {
  /** Settings, microphone and audio graph (first connect only), and its parts. */
  prepareMs?: number;
  settingsMs?: number;
  micMs?: number;
  graphMs?: number;
  tokenMs?: number;
  sdpMs?: number;
  iceMs?: number;
  readyMs?: number;
  totalMs?: number;
  /** When the session became ready, as `performance.timeOrigin + performance.now()` (benchmarks: click → ready). */
  readyAt?: number;
}

export interface UsageTotals {
  inputTokens: number;
  outputTokens: number;
  inputAudioTokens: number;
  outputAudioTokens: number;
  inputTextTokens: number;
  outputTextTokens: number;
  cachedTokens: number;
  responses: number;
  /** Estimated cost in USD from the price table in settings. */
  costUsd: number;
}

export type { EngineError };

export interface EngineSnapshot {
  status: EngineStatus;
  mode: VoiceMode;
  talkMode: TalkMode;
  /** Mic track live (sending audio) right now. */
  micLive: boolean;
  muted: boolean;
  micPermission: MicPermission;
  timings: ConnectTimings;
  usage: UsageTotals;
  transcript: TranscriptEntry[];
  /** Revision of `transcript` (transcript-sync.ts): broadcasts carry deltas against it. */
  transcriptRev?: number;
  error?: EngineError;
  /** Reconnect attempt number while `status === 'reconnecting'`. */
  reconnectAttempt?: number;
  /** Exactly the page-context text last sent to the model ("What the instructor sees"). */
  contextSent?: string;
  /** Validation errors shown on the SFMC screen (while sharing), for "Explain this error". */
  pageErrors?: string[];
  /** Audio drops from WebRTC stats. */
  audio: { packetsLost: number; concealedSamples: number };
  /** Model name the session runs on. */
  model?: string;
  /** Origin of the Realtime API in use (from the token service); loopback means practice mode. */
  endpoint?: string;
  /** Session caps (settings): `warn` from 80 % of the cost or minutes cap (caps.ts). */
  caps?: { level: 'ok' | 'warn' | 'stop'; which?: 'cost' | 'minutes'; share: number };
  /** Set while the session is up but the microphone is still opening (push-to-talk does not wait for it). */
  micOpening?: boolean;
  /** The microphone failed after the session opened: typing still works (text-only session). */
  textOnly?: boolean;
}

export type EngineCommand =
  | { type: 'connect' }
  | { type: 'disconnect' }
  | { type: 'talk-start'; via: 'panel' | 'hold-key' | 'command' }
  | { type: 'talk-end'; via: 'panel' | 'hold-key' | 'command' }
  | { type: 'talk-toggle'; via: 'command' | 'panel' }
  | { type: 'interrupt' }
  | { type: 'set-muted'; muted: boolean }
  | { type: 'send-text'; text: string }
  | { type: 'clear-transcript' }
  | { type: 'recheck-mic' };

/**
 * What the service worker delivers to the engine: a connect carries the effective settings the worker read on the way
 * (the engine would otherwise ask for them right back).
 */
export type DeliveredCommand = Exclude<EngineCommand, { type: 'connect' }> | { type: 'connect'; settings?: Settings };

/** What the engine broadcasts on every change: the snapshot without its transcript, plus a transcript delta. */
export interface EngineBroadcast {
  snapshot: Omit<EngineSnapshot, 'transcript'>;
  transcript: TranscriptDelta;
}
