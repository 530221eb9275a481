/**
 * The `response.create` sequencer: only one response may write to the default conversation at a time
 * (`conversation_already_has_active_response`), so a request made while one is active (or just requested and not yet
 * acknowledged) waits, and at most ONE waits. Tracks `responseActive` (response.created → response.done) and
 * `audioPlaying` (output_audio_buffer.started → stopped/cleared) separately (docs/realtime-protocol.md#barge-in).
 */
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { asRecord, str } from './items';

type ResponseCreate = Extract<RealtimeClientEvent, { type: 'response.create' }>;

const ACTIVE_ID = /\b(resp_[A-Za-z0-9_-]+)/;

export function createResponseGate(send: (e: RealtimeClientEvent) => void) {
  let active = false;
  let awaiting: ResponseCreate | undefined; // sent, no response.created yet
  let activeId: string | undefined;
  let playing = false;
  let queued: ResponseCreate | undefined;
  let seq = 0;

  let lastSent: ResponseCreate | undefined;

  function dispatch(event: ResponseCreate): void {
    awaiting = event;
    lastSent = event;
    send(event);
  }

  function flush(): void {
    if (!queued || active || awaiting) return;
    const next = queued;
    queued = undefined;
    dispatch(next);
  }

  function onError(error: Record<string, unknown> | undefined): void {
    if (!error) return;
    const busy = error.code === 'conversation_already_has_active_response';
    const eventId = str(error.event_id);
    // Our create may be rejected after a response we did not ask for (a VAD turn) was already created.
    const rejected = eventId ? [awaiting, lastSent].find((e) => e?.event_id === eventId) : busy ? awaiting : undefined;
    if (!rejected) return;
    if (rejected === awaiting) awaiting = undefined;
    if (busy) {
      // Someone else's response is running: wait for its response.done, then retry ours.
      if (!active) activeId = ACTIVE_ID.exec(str(error.message) ?? '')?.[1];
      active = true;
      queued ??= { ...rejected, event_id: `gate_create_${++seq}` };
    }
  }

  return {
    onServerEvent(e: { type: string; [k: string]: unknown }): void {
      switch (e.type) {
        case 'response.created':
          active = true;
          awaiting = undefined;
          activeId = str(asRecord(e.response)?.id);
          break;
        case 'response.done': {
          const id = str(asRecord(e.response)?.id);
          if (activeId && id && id !== activeId) break; // an out-of-band response finishing
          active = false;
          activeId = undefined;
          flush();
          break;
        }
        case 'output_audio_buffer.started':
          playing = true;
          break;
        case 'output_audio_buffer.stopped':
        case 'output_audio_buffer.cleared':
          playing = false;
          break;
        case 'error':
          onError(asRecord(e.error));
          flush();
          break;
      }
    },
    requestResponse(): void {
      const event: ResponseCreate = { type: 'response.create', event_id: `gate_create_${++seq}` };
      if (active || awaiting) queued = event;
      else dispatch(event);
    },
    /** Forget a waiting create (the user interrupted or started a new turn: its answer would be stale). */
    dropQueued(): void {
      queued = undefined;
    },
    get responseActive(): boolean {
      return active;
    },
    get audioPlaying(): boolean {
      return playing;
    },
    reset(): void {
      active = false;
      awaiting = undefined;
      lastSent = undefined;
      activeId = undefined;
      playing = false;
      queued = undefined;
    },
  };
}
