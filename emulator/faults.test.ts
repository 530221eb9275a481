import { describe, expect, it } from 'vitest';
import { TestClient, mintKey } from './test-client.ts';
import { PTT_SESSION, question, useEmulator } from './test-helpers.ts';

const h = useEmulator();
const TRANSCRIBED = {
  type: 'realtime',
  audio: { input: { turn_detection: null, transcription: { model: 'gpt-4o-transcribe' } } },
};

async function pttTurn(c: TestClient, text = 'Quick question.'): Promise<void> {
  c.send({ type: 'input_audio_buffer.clear' });
  await c.waitFor('input_audio_buffer.cleared');
  await c.speak(await question(text));
  c.send({ type: 'input_audio_buffer.commit' });
}

describe('fault injection (/__emulator/faults)', () => {
  it('sdpStatus: the next /calls answers that status once, with an error body', async () => {
    await h.faults({ sdpStatus: 503 });
    const first = await TestClient.connect(h.url, await mintKey(h.url, PTT_SESSION));
    expect(first.status).toBe(503);
    expect(JSON.parse(first.body)).toMatchObject({ error: { type: 'server_error', message: expect.any(String) } });
    const second = await TestClient.connect(h.url, await mintKey(h.url, PTT_SESSION));
    expect(second.status).toBe(201);
    second.client!.close();
  });

  it('sdpDelayMs delays the SDP answer', async () => {
    await h.faults({ sdpDelayMs: 700 });
    const t0 = Date.now();
    const r = await TestClient.connect(h.url, await mintKey(h.url, PTT_SESSION));
    expect(r.status).toBe(201);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(650);
    r.client!.close();
  });

  it('expireKeys: already minted keys are refused with 401', async () => {
    const key = await mintKey(h.url, PTT_SESSION);
    await h.faults({ expireKeys: true });
    const r = await TestClient.connect(h.url, key);
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'ephemeral_token_expired' } });
  });

  it('useNextKey: the next key is refused as already used, once; a fresh key then connects', async () => {
    await h.faults({ useNextKey: true });
    const r = await TestClient.connect(h.url, await mintKey(h.url, PTT_SESSION));
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'ephemeral_token_already_used' } });
    const fresh = await TestClient.connect(h.url, await mintKey(h.url, PTT_SESSION));
    expect(fresh.status).toBe(201);
    fresh.client!.close();
  });

  it('dropDataChannel closes the data channel of every live call', async () => {
    const c = await h.connect();
    await h.faults({ dropDataChannel: true });
    await c.waitClosed();
    const rec = await h.received();
    expect(rec.calls.find((x) => x.id === c.callId)?.closed).toBe(true);
  });

  it('closePeer closes the peer connection (client sees the channel close)', async () => {
    const c = await h.connect();
    await h.faults({ closePeer: true });
    await c.waitClosed();
    expect(((await (await fetch(`${h.url}/__emulator/health`)).json()) as { liveCalls: number }).liveCalls).toBe(0);
  });

  it('hangup endpoint ends the call', async () => {
    const c = await h.connect();
    const res = await fetch(`${h.url}/v1/realtime/calls/${c.callId}/hangup`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-test' },
    });
    expect(res.status).toBe(200);
    await c.waitClosed();
  });

  it('sendError emits an error event now', async () => {
    const c = await h.connect();
    await h.faults({ sendError: { code: 'server_error_x', message: 'Injected boom', type: 'server_error' } });
    const err = await c.waitFor('error');
    expect(err.error).toEqual({
      code: 'server_error_x',
      message: 'Injected boom',
      type: 'server_error',
      param: null,
      event_id: null,
    });
    expect(String(err.event_id)).toMatch(/^event_/);
  });

  it('sessionMaxMs: session_expired error, then the call closes', async () => {
    const c = await h.connect();
    await h.faults({ sessionMaxMs: 1500 });
    const err = await c.waitFor('error', { timeout: 5000 });
    expect(err.error).toMatchObject({
      code: 'session_expired',
      type: 'invalid_request_error',
      message: 'Your session hit the maximum duration of 60 minutes.',
    });
    await c.waitClosed();
  });

  it('transcriptionFailed → conversation.item.input_audio_transcription.failed', async () => {
    await h.faults({ transcriptionFailed: true });
    const c = await h.connect(TRANSCRIBED);
    await pttTurn(c);
    const committed = await c.waitFor('input_audio_buffer.committed');
    const failed = await c.waitFor('conversation.item.input_audio_transcription.failed');
    expect(failed).toMatchObject({
      item_id: committed.item_id,
      content_index: 0,
      error: { type: 'transcription_error', code: 'audio_unintelligible' },
    });
    expect(c.types()).not.toContain('conversation.item.input_audio_transcription.completed');
  });

  it('lateTranscription: the transcript arrives after response.done', async () => {
    await h.faults({ lateTranscription: true });
    await h.script([{ text: 'Okay.', userTranscript: 'Quick question.' }]);
    const c = await h.connect(TRANSCRIBED);
    await pttTurn(c);
    c.send({ type: 'response.create' });
    const completed = await c.waitFor('conversation.item.input_audio_transcription.completed', { timeout: 15_000 });
    const types = c.types();
    expect(types.indexOf('response.done')).toBeGreaterThan(-1);
    expect(types.indexOf('conversation.item.input_audio_transcription.completed')).toBeGreaterThan(
      types.indexOf('response.done'),
    );
    expect(completed.transcript).toBe('Quick question.');
  });

  it('sessionUpdatedDelayMs delays session.updated (Agents SDK 5 s timeout path)', async () => {
    await h.faults({ sessionUpdatedDelayMs: 600 });
    const c = await h.connect();
    const t0 = Date.now();
    c.send({ type: 'session.update', session: { type: 'realtime', instructions: 'x' } });
    await c.waitFor('session.updated');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(550);
  });
});
