import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TranscriptEntry } from '@/lib/conversation/types';
import { applyTranscriptDelta, createTranscriptPublisher } from '@/lib/conversation/transcript-sync';
import { createConversation, entriesToSave, SAVED_CHARS_CAP, SAVED_ENTRIES_CAP } from './conversation-record';

afterEach(() => vi.useRealTimers());

/** One push-to-talk turn as the server reports it: user item + transcript, then a reply streamed in `words` deltas. */
function* turn(n: number, words = 30): Generator<{ type: string; [k: string]: unknown }> {
  const user = `item_u${n}`;
  const reply = `item_a${n}`;
  const response = `resp_${n}`;
  yield { type: 'input_audio_buffer.committed', item_id: user };
  yield {
    type: 'conversation.item.input_audio_transcription.completed',
    item_id: user,
    transcript: `Question number ${n} about journeys?`,
  };
  yield {
    type: 'response.output_item.added',
    response_id: response,
    item: { id: reply, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
  };
  for (let w = 0; w < words; w++)
    yield { type: 'response.output_audio_transcript.delta', response_id: response, item_id: reply, delta: `word${w} ` };
  yield {
    type: 'response.output_audio_transcript.done',
    response_id: response,
    item_id: reply,
    transcript: Array.from({ length: words }, (_, w) => `word${w}`).join(' '),
  };
  yield {
    type: 'response.output_item.done',
    response_id: response,
    item: { id: reply, type: 'message', role: 'assistant', status: 'completed', content: [] },
  };
}

describe('a 1,000-turn session', () => {
  it('saves on item completion (not per streamed word), caps what is stored, and publishes small deltas', async () => {
    vi.useFakeTimers();
    const saves: TranscriptEntry[][] = [];
    const publisher = createTranscriptPublisher();
    let panel = { rev: 0, entries: [] as TranscriptEntry[] };
    let published = 0;
    let postedEntries = 0;
    const conversation = createConversation(
      { saveTranscript: (e) => saves.push(e), loadTranscript: async () => [] },
      () => {
        // What the engine's publish does: one delta per change, applied by the panel.
        const delta = publisher.delta(conversation.entries);
        published++;
        postedEntries += delta.tail.length;
        panel = applyTranscriptDelta(panel, delta) ?? panel;
      },
      500,
    );
    let events = 0;
    for (let n = 0; n < 1000; n++) {
      for (const event of turn(n)) {
        conversation.apply(event);
        events++;
        vi.advanceTimersByTime(600); // speech streams at real-time pace: deltas further apart than the save delay
      }
    }
    vi.advanceTimersByTime(600);
    expect(conversation.entries).toHaveLength(2000);
    // Whole-transcript writes per turn: at most a few (item added / finished), never one per streamed word.
    expect(saves.length).toBeLessThanOrEqual(2 * 1000);
    expect(saves.length).toBeLessThan(events / 10);
    for (const saved of saves) {
      expect(saved.length).toBeLessThanOrEqual(SAVED_ENTRIES_CAP);
      expect(JSON.stringify(saved).length).toBeLessThan(SAVED_CHARS_CAP * 1.5);
    }
    const last = saves.at(-1)!;
    expect(last.at(-1)?.text).toMatch(/^word0 .* word29$/);
    expect(last.at(-1)?.status).toBe('done');
    // The panel mirrors everything from deltas alone, and on average a delta carries about one entry.
    expect(panel.entries).toEqual(conversation.entries);
    expect(postedEntries / published).toBeLessThan(2);
  });

  it('keeps the newest entries within both caps', () => {
    const many = Array.from({ length: 1000 }, (_, i): TranscriptEntry => ({
      id: `e${i}`,
      role: 'assistant',
      text: 'x'.repeat(2000),
      status: 'done',
      at: i,
    }));
    const kept = entriesToSave(many);
    expect(kept.at(-1)?.id).toBe('e999');
    expect(kept.reduce((n, e) => n + e.text.length, 0)).toBeLessThanOrEqual(SAVED_CHARS_CAP);
    expect(entriesToSave(many.slice(0, 10).map((e) => ({ ...e, text: 'short' })))).toHaveLength(10);
  });
});

describe('transcript deltas', () => {
  it('a receiver that missed a revision gets null and must take a full snapshot', () => {
    const p = createTranscriptPublisher();
    const a: TranscriptEntry = { id: 'a', role: 'user', text: 'hi', status: 'done', at: 1 };
    const b: TranscriptEntry = { id: 'b', role: 'assistant', text: 'he', status: 'in_progress', at: 2 };
    const d1 = p.delta([a]);
    const d2 = p.delta([a, b]);
    expect(applyTranscriptDelta({ rev: 0, entries: [] }, d2)).toBeNull();
    const r1 = applyTranscriptDelta({ rev: 0, entries: [] }, d1)!;
    const r2 = applyTranscriptDelta(r1, d2)!;
    expect(r2.entries).toEqual([a, b]);
    expect(d2).toMatchObject({ from: 1, tail: [b] });
    // A change that removes entries (clear) replaces everything from the first difference.
    const d3 = p.delta([]);
    expect(applyTranscriptDelta(r2, d3)!.entries).toEqual([]);
  });
});
