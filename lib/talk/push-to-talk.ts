/**
 * Push-to-talk, per docs/realtime-protocol.md#push-to-talk-turn, with two guards users asked for:
 *
 * - No clipped first word. The mic reaches the peer through a short delay line (audio-graph.ts), so speech captured
 *   at key-down leaves for the server `gateDelayMs` after our `input_audio_buffer.clear`. The data channel and RTP
 *   are not ordered with each other, so without the delay the clear could land after the first syllable and wipe it.
 * - No `input_audio_buffer_commit_empty` on quick taps: a hold shorter than `minHoldMs` is dropped without a commit.
 *
 * On release we keep the gate open for the delay plus a network margin, so the tail of the sentence is in the
 * server's buffer before the commit.
 */
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';

/** Send-path delay of the audio graph that keeps `input_audio_buffer.clear` ahead of the first word. */
export const GATE_DELAY_MS = 120;

export interface ResponseState {
  readonly responseActive: boolean;
  readonly audioPlaying: boolean;
  requestResponse(): void;
}

export interface TalkDeps {
  send(event: RealtimeClientEvent): void;
  gate: { open(): void; close(): void };
  responses: ResponseState;
  /** Silence local playback at once (the server's clear takes a round trip). */
  stopPlayback(): void;
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** Delay of the mic send path (ms). */
  gateDelayMs: number;
  minHoldMs?: number;
  tailMarginMs?: number;
}

export type ReleaseOutcome = 'committed' | 'dropped' | 'ignored';

export function createTalkController(deps: TalkDeps) {
  const minHoldMs = deps.minHoldMs ?? 150;
  const tailMs = deps.gateDelayMs + (deps.tailMarginMs ?? 80);
  let pressedAt: number | undefined;
  let pendingCommit: unknown;

  function commitNow(): void {
    if (pendingCommit === undefined) return;
    deps.clearTimer(pendingCommit);
    pendingCommit = undefined;
    deps.gate.close();
    deps.send({ type: 'input_audio_buffer.commit' });
    deps.responses.requestResponse();
  }

  return {
    get pressed(): boolean {
      return pressedAt !== undefined;
    },
    /** Key down. Returns false when already held (key auto-repeat, two input sources). */
    press(): boolean {
      if (pressedAt !== undefined) return false;
      commitNow(); // a new press during the previous turn's tail: send that turn first
      const interrupting = deps.responses.responseActive || deps.responses.audioPlaying;
      if (deps.responses.responseActive) deps.send({ type: 'response.cancel' });
      if (deps.responses.audioPlaying) deps.send({ type: 'output_audio_buffer.clear' });
      if (interrupting) deps.stopPlayback();
      deps.send({ type: 'input_audio_buffer.clear' });
      deps.gate.open();
      pressedAt = deps.now();
      return true;
    },
    /** Key up: commit and ask for a response, or drop a tap. */
    release(): ReleaseOutcome {
      if (pressedAt === undefined) return 'ignored';
      const held = deps.now() - pressedAt;
      pressedAt = undefined;
      if (held < minHoldMs) {
        deps.gate.close();
        return 'dropped';
      }
      pendingCommit = deps.setTimer(commitNow, tailMs);
      return 'committed';
    },
    /** Forget a held key without sending (disconnects, errors). */
    reset(): void {
      if (pendingCommit !== undefined) deps.clearTimer(pendingCommit);
      pendingCommit = undefined;
      pressedAt = undefined;
      deps.gate.close();
    },
  };
}

export type TalkController = ReturnType<typeof createTalkController>;
