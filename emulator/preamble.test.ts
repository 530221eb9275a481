// gpt-realtime-2 preambles over real WebRTC: a commentary item then the final answer in ONE response, tool calls
// between them, and cancel / clear / VAD barge-in across the two items (issue 14).
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREAMBLE } from './plan.ts';
import { TestClient, mintKey, type ServerEvent } from './test-client.ts';
import { question, shape, useEmulator } from './test-helpers.ts';

const h = useEmulator();
type Obj = Record<string, unknown>;
const R2 = {
  type: 'realtime',
  model: 'gpt-realtime-2',
  reasoning: { effort: 'low' },
  audio: { input: { turn_detection: null } },
};
const PREAMBLE = 'Let me look that up.';
const ANSWER = 'A query activity is stopped after thirty minutes. Split a long query into smaller steps.';
const LONG_ANSWER =
  'Automation Studio runs activities on a schedule. You build the steps, test each of them with run once, and only then activate the schedule for real.';

/** The spoken-message block of §6 A.5 for one item (after the response's first started). */
const MESSAGE = (first: boolean): string[] => [
  'response.output_item.added',
  'conversation.item.added',
  'response.content_part.added',
  ...(first ? ['output_audio_buffer.started'] : []),
  'response.output_audio_transcript.delta',
  'response.output_audio.done',
  'response.output_audio_transcript.done',
  'response.content_part.done',
  'response.output_item.done',
  'conversation.item.done',
];
const TOOL = [
  'response.output_item.added',
  'conversation.item.added',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'response.output_item.done',
  'conversation.item.done',
];
const END = ['response.done', 'rate_limits.updated', 'output_audio_buffer.stopped'];

const items = (c: { events: ServerEvent[] }, type: string, from = 0): Obj[] =>
  c.events
    .slice(from)
    .filter((e) => e.type === type)
    .map((e) => e.item as Obj);

describe('preambles (gpt-realtime-2)', () => {
  it('commentary then final_answer in one response, each with its audio and transcript, in the GA order', async () => {
    await h.script([{ text: ANSWER, preamble: PREAMBLE }]);
    const c = await h.connect(R2);
    c.send({ type: 'response.create' });
    await c.waitFor('output_audio_buffer.stopped', { timeout: 25_000 });
    expect(shape(c.events.slice(1))).toEqual(['response.created', ...MESSAGE(true), ...MESSAGE(false), ...END]);
    expect(c.types().filter((t) => t === 'response.created')).toHaveLength(1);

    const added = items(c, 'response.output_item.added');
    expect(added.map((it) => [it.type, it.role, it.phase, it.status])).toEqual([
      ['message', 'assistant', 'commentary', 'in_progress'],
      ['message', 'assistant', 'final_answer', 'in_progress'],
    ]);
    const transcripts = c.events.filter((e) => e.type === 'response.output_audio_transcript.done');
    expect(transcripts.map((e) => [e.transcript, e.output_index, e.item_id])).toEqual([
      [PREAMBLE, 0, added[0].id],
      [ANSWER, 1, added[1].id],
    ]);
    for (const item of added) {
      const deltas = c.events.filter(
        (e) => e.type === 'response.output_audio_transcript.delta' && e.item_id === item.id,
      );
      expect(deltas.map((e) => e.delta).join('')).toBe(item.phase === 'commentary' ? PREAMBLE : ANSWER);
      expect(new Set(deltas.map((e) => e.output_index)).size).toBe(1);
    }
    const done = c.events.find((e) => e.type === 'response.done')!.response as Obj;
    expect(done.status).toBe('completed');
    expect((done.output as Obj[]).map((it) => [it.phase, it.status, (it.content as Obj[])[0].transcript])).toEqual([
      ['commentary', 'completed', PREAMBLE],
      ['final_answer', 'completed', ANSWER],
    ]);
    const convDone = items(c, 'conversation.item.done');
    expect(convDone.map((it) => it.phase)).toEqual(['commentary', 'final_answer']);
    expect(c.events.filter((e) => e.type === 'conversation.item.added')[1].previous_item_id).toBe(added[0].id);
    // the answer's audio follows the preamble's without a silent gap, and the usage counts both
    const startedAt = c.at(c.events.find((e) => e.type === 'output_audio_buffer.started')!);
    const answerDelta = c.events.find(
      (e) => e.type === 'response.output_audio_transcript.delta' && e.item_id === added[1].id,
    )!;
    expect(c.maxLevel(c.at(answerDelta), c.at(answerDelta) + 600)).toBeGreaterThan(0.05);
    expect(c.at(answerDelta) - startedAt).toBeGreaterThan(500);
    expect(((done.usage as Obj).output_token_details as Obj).audio_tokens).toBeGreaterThan(60);
  });

  it('scripted tool calls come between the commentary and the final answer', async () => {
    await h.script([
      {
        text: ANSWER,
        preamble: PREAMBLE,
        toolCalls: [
          { name: 'show_snippet', arguments: { language: 'sql', title: 'Top 10', code: 'SELECT TOP 10 * FROM _Sent' } },
        ],
      },
    ]);
    const c = await h.connect(R2);
    c.send({ type: 'response.create' });
    await c.waitFor('output_audio_buffer.stopped', { timeout: 25_000 });
    expect(shape(c.events.slice(1))).toEqual([
      'response.created',
      ...MESSAGE(true),
      ...TOOL,
      ...MESSAGE(false),
      ...END,
    ]);
    const done = c.events.find((e) => e.type === 'response.done')!.response as Obj;
    expect((done.output as Obj[]).map((it) => `${it.type}:${it.phase ?? it.name}`)).toEqual([
      'message:commentary',
      'function_call:show_snippet',
      'message:final_answer',
    ]);
    expect(c.events.filter((e) => e.type === 'response.output_item.added').map((e) => e.output_index)).toEqual([
      0, 1, 2,
    ]);
  });

  it('a reply without a preamble gets the default one; gpt-realtime items carry no phase', async () => {
    await h.script([{ text: 'Journeys start from an entry source.' }]);
    const c = await h.connect(R2);
    c.send({ type: 'response.create' });
    await c.waitFor('response.done', { timeout: 25_000 });
    expect(c.events.filter((e) => e.type === 'response.output_audio_transcript.done').map((e) => e.transcript)).toEqual(
      [DEFAULT_PREAMBLE, 'Journeys start from an entry source.'],
    );

    await h.script([{ text: 'Journeys start from an entry source.', preamble: PREAMBLE }]);
    const plain = await h.connect();
    plain.send({ type: 'response.create' });
    const done = await plain.waitFor('response.done', { timeout: 25_000 });
    const output = (done.response as Obj).output as Obj[];
    expect(output).toHaveLength(1);
    expect('phase' in output[0]).toBe(false);
    expect((output[0].content as Obj[])[0].transcript).toBe('Journeys start from an entry source.');
  });

  it('response.cancel during the preamble: the commentary ends incomplete, the answer never starts, audio stops', async () => {
    await h.script([{ text: ANSWER, preamble: 'Let me look that up in the reference for you, one moment please.' }]);
    const c = await h.connect(R2);
    c.send({ type: 'response.create' });
    await c.waitFor('response.output_audio_transcript.delta');
    const from = c.events.length;
    c.send({ type: 'response.cancel' });
    const done = await c.waitFor('response.done', { from });
    await c.waitFor('output_audio_buffer.stopped', { from, timeout: 5000 });
    const stoppedAt = Date.now();
    const r = done.response as Obj;
    expect(r).toMatchObject({ status: 'cancelled', status_details: { reason: 'client_cancelled' } });
    expect((r.output as Obj[]).map((it) => [it.phase, it.status])).toEqual([['commentary', 'incomplete']]);
    expect(items(c, 'response.output_item.added').map((it) => it.phase)).toEqual(['commentary']);
    await new Promise((res) => setTimeout(res, 1200));
    expect(c.maxLevel(stoppedAt + 150, Date.now())).toBeLessThan(0.01);
    expect(items(c, 'response.output_item.added')).toHaveLength(1);
  });

  it('response.cancel during the answer: the commentary stays completed, the answer is truncated, audio stops', async () => {
    await h.script([{ text: LONG_ANSWER, preamble: PREAMBLE }]);
    const c = await h.connect(R2);
    c.send({ type: 'response.create' });
    const finalAdded = await c.waitFor('response.output_item.added', {
      pred: (e) => (e.item as Obj).phase === 'final_answer',
      timeout: 15_000,
    });
    const finalId = (finalAdded.item as Obj).id;
    await c.waitFor('response.output_audio_transcript.delta', { pred: (e) => e.item_id === finalId });
    await new Promise((res) => setTimeout(res, 800));
    const from = c.events.length;
    c.send({ type: 'response.cancel' });
    const done = await c.waitFor('response.done', { from });
    await c.waitFor('output_audio_buffer.stopped', { from, timeout: 5000 });
    const stoppedAt = Date.now();
    const output = (done.response as Obj).output as Obj[];
    expect(output.map((it) => [it.phase, it.status])).toEqual([
      ['commentary', 'completed'],
      ['final_answer', 'incomplete'],
    ]);
    expect((output[0].content as Obj[])[0].transcript).toBe(PREAMBLE);
    const partial = String((output[1].content as Obj[])[0].transcript);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(LONG_ANSWER.length);
    expect(LONG_ANSWER.startsWith(partial)).toBe(true);
    await new Promise((res) => setTimeout(res, 1000));
    expect(c.maxLevel(stoppedAt + 150, Date.now())).toBeLessThan(0.01);
  });

  it('output_audio_buffer.clear during the preamble: the answer is still generated, but never played', async () => {
    await h.script([
      { text: LONG_ANSWER, preamble: 'Let me look that up in the reference for you, one moment please.' },
    ]);
    const c = await h.connect(R2);
    c.send({ type: 'response.create' });
    await c.waitFor('response.output_audio_transcript.delta');
    c.send({ type: 'output_audio_buffer.clear' });
    const cleared = await c.waitFor('output_audio_buffer.cleared');
    const clearedAt = c.at(cleared);
    const done = await c.waitFor('response.done', { timeout: 5000 });
    expect((done.response as Obj).status).toBe('completed');
    expect(((done.response as Obj).output as Obj[]).map((it) => it.phase)).toEqual(['commentary', 'final_answer']);
    expect(c.at(done) - clearedAt).toBeLessThan(2000); // no waiting for audio that is never played
    await new Promise((res) => setTimeout(res, 1200));
    expect(c.maxLevel(clearedAt + 250, Date.now())).toBeLessThan(0.01);
    expect(c.types()).not.toContain('output_audio_buffer.stopped');
  });

  it('VAD barge-in during the answer: cleared, cancelled/turn_detected, the commentary kept', async () => {
    await h.script([
      { text: LONG_ANSWER, preamble: PREAMBLE },
      { text: 'Okay.', preamble: null },
    ]);
    const c = await h.connect({
      ...R2,
      audio: { input: { turn_detection: { type: 'server_vad', silence_duration_ms: 500 } } },
    });
    c.send({ type: 'response.create' });
    const finalAdded = await c.waitFor('response.output_item.added', {
      pred: (e) => (e.item as Obj).phase === 'final_answer',
      timeout: 15_000,
    });
    await c.waitFor('response.output_audio_transcript.delta', {
      pred: (e) => e.item_id === (finalAdded.item as Obj).id,
    });
    const from = c.events.length;
    void c.speak(await question('Wait, stop.'));
    const done = await c.waitFor('response.done', { from, timeout: 5000 });
    const cleared = await c.waitFor('output_audio_buffer.cleared', { from });
    expect(cleared.response_id).toBe((done.response as Obj).id);
    expect(done.response).toMatchObject({ status: 'cancelled', status_details: { reason: 'turn_detected' } });
    expect(((done.response as Obj).output as Obj[]).map((it) => [it.phase, it.status])).toEqual([
      ['commentary', 'completed'],
      ['final_answer', 'incomplete'],
    ]);
    const second = await c.waitFor('response.created', { from, timeout: 8000 });
    await c.waitFor('output_audio_buffer.stopped', { from, timeout: 10_000 });
    expect(c.events.filter((e) => e.type === 'output_audio_buffer.stopped').map((e) => e.response_id)).toEqual([
      (second.response as Obj).id,
    ]);
  });

  it('data-channel-only client: both items in the GA order; cancel during the answer stops its virtual playback', async () => {
    await h.script([
      { text: ANSWER, preamble: PREAMBLE },
      { text: LONG_ANSWER, preamble: PREAMBLE },
    ]);
    const { client } = await TestClient.connect(h.url, await mintKey(h.url, R2), { audio: false });
    const c = client!;
    try {
      await c.waitFor('session.created');
      c.send({ type: 'response.create' });
      await c.waitFor('output_audio_buffer.stopped', { timeout: 25_000 });
      expect(shape(c.events.slice(1))).toEqual(['response.created', ...MESSAGE(true), ...MESSAGE(false), ...END]);

      const from = c.events.length;
      c.send({ type: 'response.create' });
      const finalAdded = await c.waitFor('response.output_item.added', {
        from,
        pred: (e) => (e.item as Obj).phase === 'final_answer',
        timeout: 15_000,
      });
      await c.waitFor('response.output_audio_transcript.delta', {
        from,
        pred: (e) => e.item_id === (finalAdded.item as Obj).id,
      });
      c.send({ type: 'response.cancel' });
      const done = await c.waitFor('response.done', { from });
      const stopped = await c.waitFor('output_audio_buffer.stopped', { from, timeout: 3000 });
      expect(c.at(stopped) - c.at(done)).toBeLessThan(1000);
      expect(((done.response as Obj).output as Obj[]).map((it) => [it.phase, it.status])).toEqual([
        ['commentary', 'completed'],
        ['final_answer', 'incomplete'],
      ]);
    } finally {
      c.close();
    }
  });
});
