import { describe, expect, it } from 'vitest';
import { addLocalEntry, reduceTranscript, setResponseCost } from './transcript';
import { isPreamble, type TranscriptEntry } from './types';
import {
  ANSWER_TEXT,
  ORDER_PREAMBLE,
  ORDER_PREAMBLE_CANCEL,
  ORDER_PREAMBLE_CUT_EARLY,
  PREAMBLE_TEXT,
} from './fixtures/preamble';
import {
  ORDER_A,
  ORDER_B_CALL,
  ORDER_B_FOLLOW_UP,
  ORDER_C,
  ORDER_D_CANCEL,
  ORDER_D_CLEAR,
  type Ev,
} from './fixtures/orders';

const run = (events: Ev[], start: TranscriptEntry[] = []) =>
  events.reduce((acc, e, i) => reduceTranscript(acc, e, 1000 + i), start);
const brief = (entries: TranscriptEntry[]) => entries.map((e) => [e.role, e.text, e.status]);

describe('reduceTranscript', () => {
  it('A: a late user transcript stays before the reply that answered it', () => {
    const entries = run(ORDER_A);
    expect(brief(entries)).toEqual([
      ['user', 'What is a data extension?', 'done'],
      ['assistant', 'A data extension is a table in Marketing Cloud.', 'done'],
    ]);
    expect(entries[1]!.responseId).toBe('resp_A');
    expect(entries[1]!.playback).toBe('finished');
  });

  it('A: the user entry shows in progress and empty until ASR arrives', () => {
    const untilReply = run(ORDER_A.slice(0, 4));
    expect(brief(untilReply)).toEqual([['user', '', 'in_progress']]);
    const midReply = run(ORDER_A.slice(0, 11));
    expect(midReply.map((e) => e.role)).toEqual(['user', 'assistant']);
    expect(midReply[1]!.status).toBe('in_progress');
    expect(midReply[1]!.text).toBe('A data extension is a table ');
  });

  it('B: tool call items are not text entries; the follow-up reply is', () => {
    const entries = run([...ORDER_B_CALL, ...ORDER_B_FOLLOW_UP]);
    expect(brief(entries)).toEqual([
      ['user', 'Check my query', 'done'],
      ['assistant', 'Let me look.', 'done'],
      ['assistant', 'Your query selects one row.', 'done'],
    ]);
    expect(entries.some((e) => e.id === 'item_F1' || e.id === 'item_O1')).toBe(false);
  });

  it('C: barge-in marks the spoken reply cut and adds the new user turn after it', () => {
    const entries = run(ORDER_C);
    expect(brief(entries)).toEqual([
      ['user', 'Explain journeys', 'done'],
      ['assistant', 'Journey Builder lets you orchestrate', 'cut'],
      ['user', '', 'in_progress'],
    ]);
  });

  it('D: a cancelled response marks its entry cut even after transcript.done', () => {
    const beforeDone = run(ORDER_D_CANCEL.slice(0, -1));
    expect(beforeDone.at(-1)!.status).toBe('done');
    expect(run(ORDER_D_CANCEL).at(-1)!.status).toBe('cut');
  });

  it('D: clearing audio after a completed response cuts only what was still playing', () => {
    const entries = run([...ORDER_A, ...ORDER_D_CLEAR]);
    expect(entries.find((e) => e.id === 'item_A1')!.status).toBe('done');
    expect(entries.find((e) => e.id === 'item_A5')!.status).toBe('cut');
  });

  it('cancelled response.done cuts its entries even when output items carry no status', () => {
    const cancelled = { type: 'response.done', response: { id: 'resp_D', status: 'cancelled', output: [] } };
    const entries = run([...ORDER_D_CANCEL.slice(0, -1), cancelled]);
    expect(entries.at(-1)!.status).toBe('cut');
    const completed = run([
      ...ORDER_D_CANCEL.slice(0, -1),
      { ...cancelled, response: { ...cancelled.response, status: 'completed' } },
    ]);
    expect(completed.at(-1)!.status).toBe('done');
  });

  it('output_audio_buffer.cleared leaves replies that finished playing alone', () => {
    const afterStop = run([
      ...ORDER_D_CLEAR.slice(0, -1),
      { type: 'output_audio_buffer.stopped', response_id: 'resp_E' },
    ]);
    expect(reduceTranscript(afterStop, { type: 'output_audio_buffer.cleared', response_id: 'resp_E' }, 5)).toBe(
      afterStop,
    );
    const playing = run([...ORDER_A, ...ORDER_D_CLEAR.slice(0, -1)]);
    const cleared = reduceTranscript(playing, { type: 'output_audio_buffer.cleared' }, 5);
    expect(cleared.map((e) => e.status)).toEqual(['done', 'done', 'cut']);
  });

  it('creates an assistant entry from deltas when the item was never announced', () => {
    const e = { response_id: 'resp_X', item_id: 'item_X', output_index: 0, content_index: 0 };
    const entries = run([
      { type: 'response.output_text.delta', ...e, delta: 'Hel' },
      { type: 'response.output_text.delta', ...e, delta: 'lo' },
      { type: 'response.output_text.done', ...e, text: 'Hello' },
    ]);
    expect(entries).toEqual([
      { id: 'item_X', role: 'assistant', text: 'Hello', status: 'done', at: 1000, responseId: 'resp_X' },
    ]);
  });

  it('shows typed text from a client conversation.item.create and adopts the server id without duplicating', () => {
    const create = {
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hi there' }] },
    };
    const local = reduceTranscript([], create, 5);
    expect(brief(local)).toEqual([['user', 'Hi there', 'done']]);
    const added = {
      type: 'conversation.item.added',
      item: {
        id: 'item_S',
        type: 'message',
        role: 'user',
        status: 'completed',
        content: [{ type: 'input_text', text: 'Hi there' }],
      },
    };
    const merged = reduceTranscript(local, added, 6);
    expect(merged.map((e) => e.id)).toEqual(['item_S']);
    const engineLocal = addLocalEntry([], { id: 'text_1', role: 'user', text: 'Hi there', status: 'done', at: 1 });
    expect(reduceTranscript(engineLocal, added, 6).map((e) => e.id)).toEqual(['item_S']);
    const other = { ...added, item: { ...added.item, id: 'item_T', content: [{ type: 'input_text', text: 'Else' }] } };
    expect(reduceTranscript(merged, other, 7).map((e) => e.text)).toEqual(['Hi there', 'Else']);
  });

  it('marks failed transcription and handles truncated / deleted items', () => {
    let entries = run(ORDER_A.slice(0, 4));
    entries = reduceTranscript(
      entries,
      {
        type: 'conversation.item.input_audio_transcription.failed',
        item_id: 'item_U1',
        error: { code: 'audio_unintelligible' },
      },
      9,
    );
    expect(entries[0]).toMatchObject({ status: 'done', transcriptFailed: true, text: '' });
    entries = run(ORDER_A.slice(4, 10), entries);
    entries = reduceTranscript(
      entries,
      { type: 'conversation.item.truncated', item_id: 'item_A1', content_index: 0, audio_end_ms: 900 },
      10,
    );
    expect(entries[1]!.status).toBe('cut');
    entries = reduceTranscript(entries, { type: 'conversation.item.deleted', item_id: 'item_U1' }, 11);
    expect(entries.map((e) => e.id)).toEqual(['item_A1']);
  });

  it('returns the same array for irrelevant or repeated events, and never mutates its input', () => {
    const entries = run(ORDER_A);
    const frozen = Object.freeze(entries.map((e) => Object.freeze({ ...e }))) as TranscriptEntry[];
    for (const e of [
      { type: 'rate_limits.updated' },
      { type: 'session.updated' },
      { type: 'mystery' },
      ORDER_A[3]!,
      ORDER_A.at(-2)!,
      ORDER_A.at(-1)!,
    ]) {
      expect(reduceTranscript(frozen, e, 99)).toBe(frozen);
    }
    const next = reduceTranscript(frozen, { type: 'conversation.item.truncated', item_id: 'item_A1' }, 99);
    expect(next).not.toBe(frozen);
    expect(frozen[1]!.status).toBe('done');
  });
});

describe('addLocalEntry', () => {
  it('appends a new entry and replaces one with the same id', () => {
    const tool: TranscriptEntry = {
      id: 'tool_1',
      role: 'tool',
      text: '',
      status: 'done',
      at: 1,
      tool: { name: 'read_editor', summary: 'Read 12 lines', ok: true },
    };
    const one = addLocalEntry([], tool);
    expect(one).toEqual([tool]);
    const replaced = addLocalEntry(one, { ...tool, tool: { ...tool.tool!, summary: 'x' } });
    expect(replaced).toHaveLength(1);
    expect(replaced[0]!.tool!.summary).toBe('x');
    expect(one[0]!.tool!.summary).toBe('Read 12 lines');
  });
});

describe('reduceTranscript: gpt-realtime-2 preambles', () => {
  it('keeps the preamble and the answer of one response as two entries with their phases', () => {
    const entries = run(ORDER_PREAMBLE);
    expect(entries.map((e) => [e.role, e.text, e.status, e.phase])).toEqual([
      ['user', 'How do I allow re-entry?', 'done', undefined],
      ['assistant', PREAMBLE_TEXT, 'done', 'commentary'],
      ['assistant', ANSWER_TEXT, 'done', 'final_answer'],
    ]);
    expect(entries.filter((e) => e.responseId === 'resp_P')).toHaveLength(2);
    expect(entries.filter(isPreamble).map((e) => e.id)).toEqual(['item_PC']);
  });

  it('streams each item into its own entry (deltas never mix)', () => {
    const firstAnswerDelta = ORDER_PREAMBLE.findIndex(
      (e) => e.type === 'response.output_audio_transcript.delta' && e.item_id === 'item_PA',
    );
    const mid = run(ORDER_PREAMBLE.slice(0, firstAnswerDelta + 1));
    expect(mid.find((e) => e.id === 'item_PC')!.text).toBe(PREAMBLE_TEXT);
    expect(mid.find((e) => e.id === 'item_PA')!.text).toBe('Turn on re-entry ');
    expect(mid.find((e) => e.id === 'item_PA')!.phase).toBe('final_answer');
  });

  it('interrupting during the answer cuts the answer and keeps the spoken preamble', () => {
    const entries = run(ORDER_PREAMBLE_CANCEL);
    expect(entries.map((e) => [e.id, e.status, e.phase])).toEqual([
      ['item_QC', 'done', 'commentary'],
      ['item_QA', 'cut', 'final_answer'],
    ]);
  });

  it('interrupting during the preamble cuts the preamble', () => {
    expect(run(ORDER_PREAMBLE_CUT_EARLY).map((e) => [e.id, e.status])).toEqual([['item_RC', 'cut']]);
  });

  it('older models carry no phase', () => {
    expect(run(ORDER_A).every((e) => e.phase === undefined)).toBe(true);
  });
});

describe('setResponseCost', () => {
  it('puts the cost on the answer, not the preamble, and adds up repeated calls', () => {
    let entries = setResponseCost(run(ORDER_PREAMBLE), 'resp_P', 0.002);
    entries = setResponseCost(entries, 'resp_P', 0.001);
    expect(entries.find((e) => e.id === 'item_PA')!.costUsd).toBeCloseTo(0.003, 12);
    expect(entries.find((e) => e.id === 'item_PC')!.costUsd).toBeUndefined();
  });

  it('leaves the entries alone for an unknown response', () => {
    const entries = run(ORDER_PREAMBLE);
    expect(setResponseCost(entries, 'resp_none', 1)).toBe(entries);
    expect(setResponseCost(entries, undefined, 1)).toBe(entries);
  });
});
