import { describe, expect, it } from 'vitest';
import { NO_QUESTION, NO_SPEECH, PAGE_CONTEXT_MARKER } from './practice.ts';
import { RESPONSE_ORDER, question, shape, useEmulator } from './test-helpers.ts';

const h = useEmulator();

describe('push-to-talk turn over WebRTC (order A)', () => {
  it('clear → speak → commit → response: exact GA order, transcription, usage, real audio on RTP', async () => {
    await h.script([
      {
        text: 'Re-entry lets a contact enter the same journey again after they exit.',
        userTranscript: 'How does re-entry work?',
      },
    ]);
    const c = await h.connect({
      type: 'realtime',
      audio: { input: { turn_detection: null, transcription: { model: 'gpt-4o-mini-transcribe' } } },
    });
    c.send({ type: 'input_audio_buffer.clear' });
    await c.waitFor('input_audio_buffer.cleared');
    const speech = await question();
    await c.speak(speech);
    const from = c.events.length;
    c.send({ type: 'input_audio_buffer.commit' });
    c.send({ type: 'response.create' });
    const started = await c.waitFor('output_audio_buffer.started', { from });
    const startedAt = Date.now();
    const stopped = await c.waitFor('output_audio_buffer.stopped', { from, timeout: 20_000 });
    const stoppedAt = Date.now();
    await c.waitFor('conversation.item.input_audio_transcription.completed', { from });
    await new Promise((r) => setTimeout(r, 400));

    const turn = c.events.slice(from);
    expect(shape(turn)).toEqual([
      'input_audio_buffer.committed',
      'conversation.item.added',
      'conversation.item.done',
      ...RESPONSE_ORDER,
    ]);
    const ids = c.events.map((e) => e.event_id);
    expect(ids.every((id) => /^event_[A-Za-z0-9]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    const committed = turn[0];
    const userItem = turn[1].item as Record<string, unknown>;
    expect(userItem).toMatchObject({
      id: committed.item_id,
      type: 'message',
      role: 'user',
      content: [{ type: 'input_audio', transcript: null }],
    });
    const done = turn.find((e) => e.type === 'conversation.item.input_audio_transcription.completed')!;
    expect(done).toMatchObject({
      item_id: committed.item_id,
      content_index: 0,
      transcript: 'How does re-entry work?',
      usage: { type: 'tokens' },
    });
    const userDeltas = turn
      .filter((e) => e.type === 'conversation.item.input_audio_transcription.delta')
      .map((e) => e.delta)
      .join('');
    expect(userDeltas).toBe('How does re-entry work?');

    const deltas = turn
      .filter((e) => e.type === 'response.output_audio_transcript.delta')
      .map((e) => e.delta)
      .join('');
    expect(deltas).toBe('Re-entry lets a contact enter the same journey again after they exit.');
    expect(turn.find((e) => e.type === 'response.output_audio_transcript.done')!.transcript).toBe(deltas);
    const created = turn.find((e) => e.type === 'response.created')!.response as Record<string, unknown>;
    expect(created).toMatchObject({ object: 'realtime.response', status: 'in_progress', output: [] });
    expect(started.response_id).toBe(created.id);
    expect(stopped.response_id).toBe(created.id);
    const rdone = turn.find((e) => e.type === 'response.done')!.response as {
      status: string;
      output: unknown[];
      usage: Record<string, Record<string, number>>;
    };
    expect(rdone.status).toBe('completed');
    expect(rdone.output).toHaveLength(1);
    expect(rdone.output[0]).toMatchObject({
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_audio', transcript: deltas }],
    });

    // mic: the server decoded our real Opus speech
    const rec = (await h.received()).calls.at(-1)!;
    const speechMs = (speech.length / 48_000) * 1000;
    expect(rec.mic.commits).toHaveLength(1);
    expect(rec.mic.commits[0].durationMs).toBeGreaterThan(speechMs - 150);
    expect(rec.mic.commits[0].durationMs).toBeLessThan(speechMs + 1000);
    expect(rec.mic.commits[0].rms).toBeGreaterThan(0.02);
    expect(rec.mic.peak).toBeGreaterThan(0.2);
    expect(rec.clientEvents.map((e) => e.type)).toEqual([
      'input_audio_buffer.clear',
      'input_audio_buffer.commit',
      'response.create',
    ]);

    // usage heuristic: ~10 input audio tokens/s, ~20 output audio tokens/s
    const audioIn = rdone.usage.input_token_details.audio_tokens;
    expect(Math.abs(audioIn - rec.mic.commits[0].durationMs / 100)).toBeLessThanOrEqual(1);
    const playedMs = stoppedAt - startedAt;
    const audioOut = rdone.usage.output_token_details.audio_tokens;
    expect(audioOut).toBeGreaterThan((playedMs / 1000) * 20 * 0.6);
    expect(audioOut).toBeLessThan((playedMs / 1000) * 20 * 1.5 + 10);
    expect(rdone.usage.output_token_details.text_tokens).toBe(Math.ceil(deltas.length / 4));
    expect((rdone.usage as unknown as Record<string, number>).total_tokens).toBe(
      (rdone.usage as unknown as Record<string, number>).input_tokens +
        (rdone.usage as unknown as Record<string, number>).output_tokens,
    );

    // transcript deltas are spread along the playback, not sent in a burst
    const deltaTimes = turn.filter((e) => e.type === 'response.output_audio_transcript.delta').map((e) => c.at(e));
    expect(deltaTimes[0] - c.at(started)).toBeLessThan(500);
    expect(deltaTimes.at(-1)! - c.at(started)).toBeGreaterThan(0.6 * (c.at(stopped) - c.at(started)));

    // audio really played on RTP between started and stopped, silence afterwards
    expect(playedMs).toBeGreaterThan(2000);
    expect(c.maxLevel(startedAt, stoppedAt)).toBeGreaterThan(0.05);
    await new Promise((r) => setTimeout(r, 500));
    expect(c.maxLevel(stoppedAt + 250, Date.now())).toBeLessThan(0.01);
  });

  it('commit with < 100 ms of audio → input_audio_buffer_commit_empty with the real message', async () => {
    const c = await h.connect();
    c.send({ type: 'input_audio_buffer.clear' });
    c.send({ type: 'input_audio_buffer.commit', event_id: 'evt_client_1' });
    const err = await c.waitFor('error');
    expect(err.error).toMatchObject({
      type: 'invalid_request_error',
      code: 'input_audio_buffer_commit_empty',
      event_id: 'evt_client_1',
    });
    expect(String((err.error as Record<string, unknown>).message)).toMatch(
      /^Error committing input audio buffer: buffer too small\. Expected at least 100ms of audio, but buffer only has \d+\.\d\dms of audio\.$/,
    );
    expect(c.types()).not.toContain('input_audio_buffer.committed');
  });

  it('default practice reply to speech: asks for a typed question, with the seconds heard; no transcription events when off', async () => {
    const c = await h.connect();
    c.send({ type: 'input_audio_buffer.clear' });
    await c.waitFor('input_audio_buffer.cleared');
    await c.speak(await question('Tell me something.'));
    c.send({ type: 'input_audio_buffer.commit' });
    c.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    const done = await c.waitFor('response.output_text.done');
    const secs = (await h.received()).calls.at(-1)!.mic.commits[0].durationMs / 1000;
    expect(done.text).toBe(`${NO_SPEECH} I heard about ${secs.toFixed(1)} seconds of audio.`);
    await c.waitFor('response.done');
    expect(c.types().some((t) => t.includes('input_audio_transcription'))).toBe(false);
    expect(c.types()).not.toContain('output_audio_buffer.started');
  });
});

describe('conversation items, session.update and errors', () => {
  it('a system context item is recorded; page context (system or user-role marker) is never answered as a question', async () => {
    const c = await h.connect();
    const item = {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text: 'The user is on Journey Builder, re-entry settings.' }],
    };
    c.send({ type: 'conversation.item.create', item });
    const added = await c.waitFor('conversation.item.added');
    const done = await c.waitFor('conversation.item.done');
    expect(added.item).toMatchObject({ ...item, object: 'realtime.item', status: 'completed' });
    expect((done.item as Record<string, unknown>).id).toBe((added.item as Record<string, unknown>).id);
    expect(added.previous_item_id).toBeNull();
    const page = {
      type: 'message',
      role: 'user',
      content: [
        { type: 'input_text', text: `${PAGE_CONTEXT_MARKER}\n{"app":"Journey Builder","screen":"re-entry settings"}` },
      ],
    };
    c.send({ type: 'conversation.item.create', item: page });
    await c.waitFor('conversation.item.done', { pred: (e) => (e.item as Record<string, unknown>).role === 'user' });
    c.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    const text = await c.waitFor('response.output_text.done');
    expect(text.text).toBe(NO_QUESTION);
    const rec = (await h.received()).calls.at(-1)!;
    expect(rec.clientEvents[0]).toEqual({ type: 'conversation.item.create', item });
    expect(rec.clientEvents[1]).toEqual({ type: 'conversation.item.create', item: page });
  });

  it('session.update → session.updated with the full session; beta fields and missing type are refused', async () => {
    const c = await h.connect();
    c.send({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'Be brief.', audio: { output: { voice: 'marin' } } },
    });
    const upd = await c.waitFor('session.updated');
    expect(upd.session).toMatchObject({
      type: 'realtime',
      object: 'realtime.session',
      instructions: 'Be brief.',
      model: 'gpt-realtime',
      output_modalities: ['audio'],
      audio: {
        input: { turn_detection: null, format: { type: 'audio/pcm', rate: 24000 } },
        output: { voice: 'marin', speed: 1 },
      },
    });
    expect(String((upd.session as Record<string, unknown>).id)).toMatch(/^sess_/);
    for (const [session, code, param] of [
      [{ type: 'realtime', turn_detection: null }, 'unknown_parameter', 'session.turn_detection'],
      [{ type: 'realtime', modalities: ['audio'] }, 'unknown_parameter', 'session.modalities'],
      [{ type: 'realtime', temperature: 0.7 }, 'unknown_parameter', 'session.temperature'],
      [{ instructions: 'x' }, 'missing_required_parameter', 'session.type'],
      [{ type: 'session' }, 'invalid_value', 'session.type'],
      [{ type: 'realtime', audio: { input: { format: 'pcm16' } } }, 'invalid_type', 'session.audio.input.format'],
    ] as const) {
      const from = c.events.length;
      c.send({ type: 'session.update', session, event_id: `evt_${param}` });
      const err = await c.waitFor('error', { from });
      expect(err.error).toMatchObject({ type: 'invalid_request_error', code, param, event_id: `evt_${param}` });
    }
    const err = c.events.filter((e) => e.type === 'error')[0].error as Record<string, unknown>;
    expect(err.message).toBe("Unknown parameter: 'session.turn_detection'.");
    expect(c.types().filter((t) => t === 'session.updated')).toHaveLength(1);
  });

  it('unknown client event → invalid_event; missing type → invalid_event', async () => {
    const c = await h.connect();
    c.send({ type: 'response.audio.create', event_id: 'evt_x' });
    const err = await c.waitFor('error');
    expect(err.error).toMatchObject({ code: 'invalid_event', param: 'type', event_id: 'evt_x' });
    expect(String((err.error as Record<string, unknown>).message)).toMatch(
      /^Invalid value: 'response\.audio\.create'\./,
    );
    c.send({ foo: 1 });
    const err2 = await c.waitFor('error', { from: c.events.indexOf(err) + 1 });
    expect(err2.error).toMatchObject({ code: 'invalid_event', message: "The 'type' field is missing." });
  });
});
