import { describe, expect, it } from 'vitest';
import { RESPONSE_ORDER, question, shape, useEmulator } from './test-helpers.ts';

const h = useEmulator();
const VAD = (extra: Record<string, unknown> = {}) => ({
  type: 'realtime',
  audio: {
    input: {
      turn_detection: { type: 'server_vad', silence_duration_ms: 600, ...extra },
      transcription: { model: 'whisper-1' },
    },
  },
});

describe('server VAD on the real mic audio (orders A with VAD, C)', () => {
  it('speech → speech_started/stopped → auto commit → auto response', async () => {
    await h.script([{ text: 'Sure, here is how.', userTranscript: 'How do I set up re-entry?' }]);
    const c = await h.connect(VAD());
    const speech = await question();
    await c.speak(speech);
    await c.waitFor('output_audio_buffer.stopped', { timeout: 20_000 });
    const types = shape(c.events.slice(1));
    expect(types).toEqual([
      'input_audio_buffer.speech_started',
      'input_audio_buffer.speech_stopped',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
      ...RESPONSE_ORDER,
    ]);
    const [startEv, stopEv, committed] = c.events.slice(1, 4);
    expect(startEv.item_id).toBe(stopEv.item_id);
    expect(committed.item_id).toBe(startEv.item_id);
    const speechMs = (speech.length / 48_000) * 1000;
    const startMs = Number(startEv.audio_start_ms),
      endMs = Number(stopEv.audio_end_ms);
    expect(endMs - startMs).toBeGreaterThan(speechMs - 400);
    expect(endMs - startMs).toBeLessThan(speechMs + 1200);
    const completed = await c.waitFor('conversation.item.input_audio_transcription.completed');
    expect(completed).toMatchObject({
      item_id: committed.item_id,
      transcript: 'How do I set up re-entry?',
      usage: { type: 'duration' },
    });
    const rec = (await h.received()).calls.at(-1)!;
    expect(rec.clientEvents).toEqual([]);
    expect(rec.mic.commits).toHaveLength(1);
    expect(rec.mic.commits[0].durationMs).toBeGreaterThan(speechMs - 300);
  });

  it('speech during a response → barge-in: output_audio_buffer.cleared + response.done cancelled/turn_detected', async () => {
    await h.script([
      {
        text: 'Automation Studio runs activities on a schedule. Build the steps, test them with run once, then activate the schedule for real.',
      },
      { text: 'Okay.' },
    ]);
    const c = await h.connect(VAD());
    c.send({ type: 'response.create' });
    const started = await c.waitFor('output_audio_buffer.started');
    await new Promise((r) => setTimeout(r, 1000));
    const from = c.events.length;
    void c.speak(await question('Wait, stop.'));
    const done = await c.waitFor('response.done', { from, timeout: 5000 });
    await c.waitFor('rate_limits.updated', { from });
    const seq = shape(c.events.slice(from)).filter((t) => t !== 'response.output_audio_transcript.delta');
    expect(seq.slice(0, 9)).toEqual([
      'input_audio_buffer.speech_started',
      'output_audio_buffer.cleared',
      'response.output_audio.done',
      'response.output_audio_transcript.done',
      'response.content_part.done',
      'response.output_item.done',
      'conversation.item.done',
      'response.done',
      'rate_limits.updated',
    ]);
    expect(done.response).toMatchObject({
      id: started.response_id,
      status: 'cancelled',
      status_details: { type: 'cancelled', reason: 'turn_detected' },
    });
    const cleared = c.events.find((e) => e.type === 'output_audio_buffer.cleared')!;
    expect(cleared.response_id).toBe(started.response_id);
    await c.waitFor('input_audio_buffer.speech_stopped', { from, timeout: 8000 });
    const second = await c.waitFor('response.created', { from, timeout: 8000 });
    expect((second.response as Record<string, unknown>).id).not.toBe(started.response_id);
    await c.waitFor('output_audio_buffer.stopped', { from, timeout: 10_000 });
    expect(c.events.filter((e) => e.type === 'output_audio_buffer.stopped').map((e) => e.response_id)).toEqual([
      (second.response as Record<string, unknown>).id,
    ]);
  });

  it('create_response:false and interrupt_response:false → VAD events only, no response', async () => {
    const c = await h.connect(VAD({ create_response: false, interrupt_response: false }));
    await c.speak(await question('Hello there.'));
    await c.waitFor('conversation.item.done', { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 800));
    expect(shape(c.events.slice(1))).toEqual([
      'input_audio_buffer.speech_started',
      'input_audio_buffer.speech_stopped',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
    ]);
  });

  it('semantic_vad detects the turn too', async () => {
    const c = await h.connect({
      type: 'realtime',
      audio: { input: { turn_detection: { type: 'semantic_vad', eagerness: 'high' } } },
    });
    c.send({
      type: 'session.update',
      session: {
        type: 'realtime',
        audio: { input: { turn_detection: { type: 'semantic_vad', eagerness: 'high', create_response: false } } },
      },
    });
    const upd = await c.waitFor('session.updated');
    expect((upd.session as { audio: { input: { turn_detection: unknown } } }).audio.input.turn_detection).toEqual({
      type: 'semantic_vad',
      eagerness: 'high',
      create_response: false,
      interrupt_response: true,
    });
    await c.speak(await question('Hello there.'));
    await c.waitFor('input_audio_buffer.committed', { timeout: 8000 });
    expect(c.types()).toContain('input_audio_buffer.speech_started');
  });

  it('idle_timeout_ms after playback → input_audio_buffer.timeout_triggered, commit, response', async () => {
    await h.script([{ text: 'Hi.' }, { text: 'Are you still there?' }]);
    const c = await h.connect(VAD({ idle_timeout_ms: 1000 }));
    c.send({ type: 'response.create' });
    const stopped = await c.waitFor('output_audio_buffer.stopped', { timeout: 10_000 });
    const from = c.events.indexOf(stopped) + 1;
    const timeout = await c.waitFor('input_audio_buffer.timeout_triggered', { from, timeout: 5000 });
    expect(c.at(timeout) - c.at(stopped)).toBeGreaterThanOrEqual(900);
    await c.waitFor('output_audio_buffer.stopped', { from, timeout: 10_000 });
    const seq = shape(c.events.slice(from));
    expect(seq.slice(0, 4)).toEqual([
      'input_audio_buffer.timeout_triggered',
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
    ]);
    expect(seq.slice(4, 4 + RESPONSE_ORDER.length)).toEqual(RESPONSE_ORDER);
    expect(c.events.find((e, i) => i >= from && e.type === 'input_audio_buffer.committed')!.item_id).toBe(
      timeout.item_id,
    );
    expect(Number(timeout.audio_end_ms) - Number(timeout.audio_start_ms)).toBeGreaterThanOrEqual(900);
  });
});
