import { describe, expect, it } from 'vitest';
import { TestClient, mintKey } from './test-client.ts';
import { PTT_SESSION, RESPONSE_ORDER, shape, useEmulator } from './test-helpers.ts';

const h = useEmulator();
const LONG =
  'Automation Studio runs activities on a schedule. You build the steps, test each of them with run once, and only then activate the schedule for real.';

describe('one response at a time, cancel and clear (order D)', () => {
  it('second response.create while one is active → conversation_already_has_active_response', async () => {
    await h.script([{ text: 'One moment, please.' }]);
    const c = await h.connect();
    c.send({ type: 'response.create' });
    const created = await c.waitFor('response.created');
    c.send({ type: 'response.create', event_id: 'evt_dup' });
    const err = await c.waitFor('error');
    const id = (created.response as Record<string, unknown>).id;
    expect(err.error).toMatchObject({
      code: 'conversation_already_has_active_response',
      event_id: 'evt_dup',
      type: 'invalid_request_error',
    });
    expect((err.error as Record<string, unknown>).message).toBe(
      `Conversation already has an active response in progress: ${id}. Wait until the response is finished before creating a new one.`,
    );
    await c.waitFor('output_audio_buffer.stopped', { timeout: 20_000 });
    expect(c.types().filter((t) => t === 'response.created')).toHaveLength(1);
    // the voice is locked once assistant audio exists
    c.send({
      type: 'session.update',
      event_id: 'evt_voice',
      session: { type: 'realtime', audio: { output: { voice: 'cedar' } } },
    });
    const voiceErr = await c.waitFor('error', {
      pred: (e) => (e.error as Record<string, unknown>).event_id === 'evt_voice',
    });
    expect(voiceErr.error).toMatchObject({
      code: 'cannot_update_voice',
      message: "Cannot update a conversation's voice if assistant audio is present.",
    });
  });

  it('response.cancel → response.done cancelled/client_cancelled; then response_cancel_not_active', async () => {
    await h.script([{ text: LONG }]);
    const c = await h.connect();
    c.send({ type: 'response.create' });
    await c.waitFor('response.output_audio_transcript.delta');
    const from = c.events.length;
    c.send({ type: 'response.cancel' });
    const done = await c.waitFor('response.done', { from });
    const stopped = await c.waitFor('output_audio_buffer.stopped', { from, timeout: 5000 });
    expect(shape(c.events.slice(from))).toEqual([
      ...(c.events[from].type === 'response.output_audio_transcript.delta'
        ? ['response.output_audio_transcript.delta']
        : []),
      'response.output_audio.done',
      'response.output_audio_transcript.done',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
      'rate_limits.updated',
      'output_audio_buffer.stopped',
    ]);
    const r = done.response as Record<string, unknown>;
    expect(r).toMatchObject({ status: 'cancelled', status_details: { type: 'cancelled', reason: 'client_cancelled' } });
    expect((r.output as Record<string, unknown>[])[0]).toMatchObject({ status: 'incomplete', type: 'message' });
    expect(stopped.response_id).toBe(r.id);
    const tdone = c.events.find((e) => e.type === 'response.output_audio_transcript.done')!;
    expect(LONG.startsWith(String(tdone.transcript))).toBe(true);
    expect(String(tdone.transcript).length).toBeLessThan(LONG.length);
    c.send({ type: 'response.cancel', event_id: 'evt_late' });
    const err = await c.waitFor('error');
    expect(err.error).toMatchObject({
      code: 'response_cancel_not_active',
      message: 'Cancellation failed: no active response found',
      event_id: 'evt_late',
    });
  });

  it('output_audio_buffer.clear stops the RTP audio at once → output_audio_buffer.cleared, no stopped', async () => {
    await h.script([{ text: LONG }]);
    const c = await h.connect();
    c.send({ type: 'response.create' });
    const started = await c.waitFor('output_audio_buffer.started');
    await new Promise((r) => setTimeout(r, 1200));
    const playingLevel = c.maxLevel(Date.now() - 1000, Date.now());
    c.send({ type: 'output_audio_buffer.clear' });
    const cleared = await c.waitFor('output_audio_buffer.cleared');
    const clearedAt = Date.now();
    expect(cleared.response_id).toBe(started.response_id);
    await c.waitFor('response.done');
    await new Promise((r) => setTimeout(r, 800));
    expect(playingLevel).toBeGreaterThan(0.05);
    expect(c.maxLevel(clearedAt + 250, Date.now())).toBeLessThan(0.01);
    expect(c.types()).not.toContain('output_audio_buffer.stopped');
  });
});

describe('function-call round trip (order B)', () => {
  it('tool call → function_call_output (call_id checked) → response.create → the next reply speaks', async () => {
    await h.script([
      { text: '', toolCalls: [{ name: 'read_page', arguments: { section: 'journey', step: 3 } }] },
      { text: 'Your journey waits two days before the email.' },
    ]);
    const c = await h.connect({
      type: 'realtime',
      audio: { input: { turn_detection: null } },
      tools: [
        { type: 'function', name: 'read_page', description: 'Reads the SFMC page', parameters: { type: 'object' } },
      ],
    });
    c.send({ type: 'response.create' });
    const done = await c.waitFor('response.done');
    expect(shape(c.events.slice(1))).toEqual([
      'response.created',
      'response.output_item.added',
      'conversation.item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
    ]);
    const args = c.events.find((e) => e.type === 'response.function_call_arguments.done')!;
    expect(JSON.parse(String(args.arguments))).toEqual({ section: 'journey', step: 3 });
    expect(args.name).toBe('read_page');
    const joined = c.events
      .filter((e) => e.type === 'response.function_call_arguments.delta')
      .map((e) => e.delta)
      .join('');
    expect(joined).toBe(args.arguments);
    const out = (done.response as Record<string, unknown>).output as Record<string, unknown>[];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      type: 'function_call',
      name: 'read_page',
      call_id: args.call_id,
      arguments: args.arguments,
      status: 'completed',
    });
    expect(String(args.call_id)).toMatch(/^call_/);

    let from = c.events.length;
    c.send({
      type: 'conversation.item.create',
      event_id: 'evt_bad',
      item: { type: 'function_call_output', call_id: 'call_nope', output: '{}' },
    });
    const err = await c.waitFor('error', { from });
    expect(err.error).toMatchObject({ code: 'invalid_tool_call_id', event_id: 'evt_bad' });

    from = c.events.length;
    c.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: args.call_id, output: '{"wait":"2 days"}' },
    });
    const added = await c.waitFor('conversation.item.added', { from });
    await c.waitFor('conversation.item.done', { from });
    expect(added.item).toMatchObject({
      type: 'function_call_output',
      call_id: args.call_id,
      output: '{"wait":"2 days"}',
    });
    expect(added.previous_item_id).toBe(out[0].id);

    from = c.events.length;
    c.send({ type: 'response.create' });
    await c.waitFor('output_audio_buffer.stopped', { from, timeout: 20_000 });
    expect(shape(c.events.slice(from))).toEqual(RESPONSE_ORDER);
    expect(c.events.find((e, i) => i >= from && e.type === 'response.output_audio_transcript.done')!.transcript).toBe(
      'Your journey waits two days before the email.',
    );
  });

  it('spoken preamble then function call in one response', async () => {
    await h.script([{ text: 'Let me look.', toolCalls: [{ name: 'read_page', arguments: {} }] }]);
    const c = await h.connect();
    c.send({ type: 'response.create' });
    await c.waitFor('output_audio_buffer.stopped', { timeout: 20_000 });
    const types = shape(c.events.slice(1));
    expect(types).toEqual([
      ...RESPONSE_ORDER.slice(0, 11),
      'response.output_item.added',
      'conversation.item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
      'rate_limits.updated',
      'output_audio_buffer.stopped',
    ]);
    const fnAdded = c.events.filter((e) => e.type === 'response.output_item.added')[1];
    expect(fnAdded.output_index).toBe(1);
  });
});

describe('data-channel-only client (no audio m-line)', () => {
  it('still gets the full order, with playback timed as if the audio had played', async () => {
    await h.script([{ text: 'No audio track here.' }]);
    const { client } = await TestClient.connect(h.url, await mintKey(h.url, PTT_SESSION), { audio: false });
    const c = client!;
    try {
      await c.waitFor('session.created');
      c.send({ type: 'response.create' });
      const stopped = await c.waitFor('output_audio_buffer.stopped', { timeout: 10_000 });
      const started = c.events.find((e) => e.type === 'output_audio_buffer.started')!;
      expect(shape(c.events.slice(1))).toEqual(RESPONSE_ORDER);
      expect(c.at(stopped) - c.at(started)).toBeGreaterThan(800);
    } finally {
      c.close();
    }
  });
});
