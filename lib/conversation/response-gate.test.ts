import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { describe, expect, it } from 'vitest';
import { createResponseGate } from './response-gate';
import { ORDER_A, ORDER_C, type Ev } from './fixtures/orders';

function setup() {
  const sent: RealtimeClientEvent[] = [];
  const gate = createResponseGate((e) => sent.push(e));
  const feed = (events: Ev[]) => events.forEach((e) => gate.onServerEvent(e));
  return { sent, gate, feed };
}
const created = (id: string): Ev => ({ type: 'response.created', response: { id, status: 'in_progress' } });
const done = (id: string): Ev => ({ type: 'response.done', response: { id, status: 'completed' } });

describe('createResponseGate', () => {
  it('sends response.create at once when idle', () => {
    const { sent, gate } = setup();
    gate.requestResponse();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.type).toBe('response.create');
  });

  it('tracks responseActive and audioPlaying separately through order A', () => {
    const { gate } = setup();
    const responseDoneAt = ORDER_A.findIndex((e) => e.type === 'response.done');
    ORDER_A.slice(0, responseDoneAt).forEach((e) => gate.onServerEvent(e));
    expect([gate.responseActive, gate.audioPlaying]).toEqual([true, true]);
    gate.onServerEvent(ORDER_A[responseDoneAt]!);
    expect([gate.responseActive, gate.audioPlaying]).toEqual([false, true]);
    ORDER_A.slice(responseDoneAt + 1).forEach((e) => gate.onServerEvent(e));
    expect(gate.audioPlaying).toBe(false);
  });

  it('queues ONE request while a response is active and sends it after response.done', () => {
    const { sent, gate, feed } = setup();
    feed([created('resp_1')]);
    gate.requestResponse();
    gate.requestResponse();
    expect(sent).toEqual([]);
    feed([done('resp_1')]);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'response.create' });
    feed([created('resp_2'), done('resp_2')]);
    expect(sent).toHaveLength(1);
  });

  it('dropQueued forgets a waiting create (the user interrupted) but keeps tracking the active response', () => {
    const { sent, gate, feed } = setup();
    feed([created('resp_1')]);
    gate.requestResponse();
    gate.dropQueued();
    feed([done('resp_1')]);
    expect(sent).toEqual([]);
    gate.requestResponse();
    expect(sent).toHaveLength(1);
  });

  it('does not send a second create before the first is acknowledged', () => {
    const { sent, gate, feed } = setup();
    gate.requestResponse();
    gate.requestResponse();
    expect(sent).toHaveLength(1);
    feed([created('resp_1')]);
    expect(sent).toHaveLength(1);
    feed([done('resp_1')]);
    expect(sent).toHaveLength(2);
  });

  it('retries after conversation_already_has_active_response once the other response is done', () => {
    const { sent, gate, feed } = setup();
    gate.requestResponse();
    const eventId = (sent[0] as { event_id?: string }).event_id;
    feed([
      {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          code: 'conversation_already_has_active_response',
          message:
            'Conversation already has an active response in progress: resp_VAD9. Wait until the response is finished before creating a new one.',
          event_id: eventId,
        },
      },
    ]);
    expect(gate.responseActive).toBe(true);
    feed([done('resp_other')]); // the response named in the error is the one to wait for
    expect(sent).toHaveLength(1);
    feed([done('resp_VAD9')]);
    expect(sent).toHaveLength(2);
    expect(gate.responseActive).toBe(false);
  });

  it('retries when a VAD response was created before our create was rejected', () => {
    const { sent, gate, feed } = setup();
    gate.requestResponse();
    const eventId = (sent[0] as { event_id?: string }).event_id;
    feed([
      created('resp_VAD'),
      {
        type: 'error',
        error: {
          code: 'conversation_already_has_active_response',
          message: 'in progress: resp_VAD.',
          event_id: eventId,
        },
      },
    ]);
    feed([done('resp_VAD')]);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ type: 'response.create' });
    expect((sent[1] as { event_id?: string }).event_id).not.toBe(eventId);
  });

  it('unblocks after an unrelated rejection of its create', () => {
    const { sent, gate, feed } = setup();
    gate.requestResponse();
    feed([
      {
        type: 'error',
        error: {
          code: 'unknown_parameter',
          message: "Unknown parameter: 'response.bogus'.",
          event_id: (sent[0] as { event_id?: string }).event_id,
        },
      },
    ]);
    gate.requestResponse();
    expect(sent).toHaveLength(2);
  });

  it('an unrelated error (e.g. commit_empty) does not release a pending create', () => {
    const { sent, gate, feed } = setup();
    gate.requestResponse();
    feed([
      {
        type: 'error',
        error: { code: 'input_audio_buffer_commit_empty', message: 'buffer too small', event_id: null },
      },
    ]);
    gate.requestResponse();
    expect(sent).toHaveLength(1);
  });

  it('ignores an out-of-band response.done while the default response runs', () => {
    const { gate, feed } = setup();
    feed([created('resp_main'), done('resp_side')]);
    expect(gate.responseActive).toBe(true);
  });

  it('barge-in (order C) ends both flags; reset clears a queued request', () => {
    const { sent, gate, feed } = setup();
    feed(ORDER_C.slice(0, 6));
    expect([gate.responseActive, gate.audioPlaying]).toEqual([true, true]);
    feed(ORDER_C);
    expect([gate.responseActive, gate.audioPlaying]).toEqual([false, false]);
    feed([created('resp_2')]);
    gate.requestResponse();
    gate.reset();
    feed([done('resp_2')]);
    expect(sent).toEqual([]);
    expect(gate.responseActive).toBe(false);
  });
});
