/**
 * The seam between the voice engine and a Realtime transport. The engine and its link speak to this interface only:
 * WebRTC (`webrtc.ts`) is the one we ship; a second transport (a WebSocket relay, GPT-Live) implements the same
 * `OpenTransport` and the engine does not change. Tests pass a fake one (`lib/voice/testing/fake-transport.ts`).
 */
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { MintedToken } from './token';

/** What a transport reports while it is open. Server events arrive parsed and checked (`parse.ts`). */
export interface TransportHandlers {
  onEvent(event: RealtimeServerEvent): void;
  /** The transport ended without us closing it (channel closed, ICE failed, peer closed). */
  onLost(reason: string): void;
  /** The instructor's voice, to be played (WebRTC hands it over as a media stream). */
  onRemoteAudio(stream: MediaStream): void;
}

/** Incoming-audio drops, for the status bar. */
export interface AudioStats {
  packetsLost: number;
  concealedSamples: number;
}

export interface RealtimeTransport {
  /** The API's id for this call (from its `Location`), empty when it gave none. */
  readonly id: string;
  /** False when the transport is not open (the event is not sent). */
  send(event: RealtimeClientEvent): boolean;
  /** Close without reporting `onLost`. Idempotent. */
  close(): void;
  /** Incoming-audio drops so far, when the transport can tell. */
  audioStats(): Promise<AudioStats | undefined>;
}

/** Phase times of opening, shown in the connect-time tooltip. */
export interface TransportTimings {
  /** From the key in hand to the call accepted (for WebRTC: the SDP POST and its answer). */
  sdpMs: number;
  iceMs: number;
}

/**
 * Open a transport with a fresh key and the track to send; resolves once events can flow (the engine then waits for
 * `session.created`). The key may still be on its way: a transport prepares meanwhile what does not need it (WebRTC:
 * the peer connection and its offer). Rejects with an `EngineFailure` saying how to recover (the key's own failure
 * when minting failed), or an AbortError on `signal`.
 */
export type OpenTransport = (
  key: Promise<MintedToken>,
  sendTrack: MediaStreamTrack,
  handlers: TransportHandlers,
  signal: AbortSignal,
) => Promise<{ transport: RealtimeTransport; timings: TransportTimings }>;
