import ndc from 'node-datachannel';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp, createStore } from './index.ts';
import { retainNative } from './peer.ts';

function setup(opts: Parameters<typeof createStore>[0] = {}) {
  const store = createStore({ log: false, ...opts });
  const app = createApp(store);
  const mint = (body: unknown, key = 'sk-test') =>
    app.request('/v1/realtime/client_secrets', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const call = (sdp: string, key: string, path = '/v1/realtime/calls') =>
    app.request(path, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/sdp' },
      body: sdp,
    });
  return { store, app, mint, call };
}

async function offer(): Promise<string> {
  const pc = new ndc.PeerConnection('http-offer', {
    iceServers: [],
    bindAddress: '127.0.0.1',
    disableAutoNegotiation: true,
    portRangeBegin: 50000,
    portRangeEnd: 59999,
  });
  const dc = pc.createDataChannel('oai-events');
  retainNative.push(pc, dc);
  pc.setLocalDescription('offer');
  await new Promise<void>((r) => {
    if (pc.gatheringState() === 'complete') r();
    else pc.onGatheringStateChange((s) => s === 'complete' && r());
  });
  const sdp = pc.localDescription()!.sdp;
  pc.close();
  return sdp;
}

const stores: ReturnType<typeof createStore>[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) for (const c of s.live.values()) c.hangup();
  vi.useRealTimers();
});

describe('POST /v1/realtime/client_secrets', () => {
  it('mints an ek_ key with the effective session (defaults filled)', async () => {
    const { mint } = setup();
    const res = await mint({
      session: {
        type: 'realtime',
        instructions: 'Teach SFMC.',
        audio: { output: { voice: 'marin' }, input: { turn_detection: null } },
      },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: string; expires_at: number; session: Record<string, unknown> };
    expect(body.value).toMatch(/^ek_[A-Za-z0-9]{32}$/);
    expect(body.expires_at).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000) + 599);
    expect(body.expires_at).toBeLessThanOrEqual(Math.floor(Date.now() / 1000) + 601);
    expect(body.session).toMatchObject({
      type: 'realtime',
      object: 'realtime.session',
      model: 'gpt-realtime',
      instructions: 'Teach SFMC.',
      output_modalities: ['audio'],
      tools: [],
      tool_choice: 'auto',
      max_output_tokens: 'inf',
      tracing: null,
      truncation: 'auto',
      prompt: null,
      include: null,
      audio: {
        input: {
          format: { type: 'audio/pcm', rate: 24000 },
          transcription: null,
          noise_reduction: null,
          turn_detection: null,
        },
        output: { voice: 'marin', speed: 1, format: { type: 'audio/pcm', rate: 24000 } },
      },
    });
    expect(String(body.session.id)).toMatch(/^sess_/);
  });

  it('an empty body gets the server_vad default session; expires_after sets the TTL', async () => {
    const { mint } = setup();
    const body = (await (await mint({ expires_after: { anchor: 'created_at', seconds: 10 } })).json()) as {
      expires_at: number;
      session: { audio: { input: { turn_detection: unknown } } };
    };
    expect(body.expires_at - Math.floor(Date.now() / 1000)).toBeLessThanOrEqual(10);
    expect(body.session.audio.input.turn_detection).toEqual({
      type: 'server_vad',
      threshold: 0.5,
      prefix_padding_ms: 300,
      silence_duration_ms: 200,
      idle_timeout_ms: null,
      create_response: true,
      interrupt_response: true,
    });
  });

  it('401 invalid_api_key for a missing or wrong server key; EMULATOR_API_KEYS-style list', async () => {
    const { mint, app } = setup({ apiKeys: ['sk-good'] });
    const none = await app.request('/v1/realtime/client_secrets', { method: 'POST', body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null },
    });
    const bad = await mint({}, 'sk-bad-key-123456');
    expect(bad.status).toBe(401);
    const err = ((await bad.json()) as { error: { message: string; code: string } }).error;
    expect(err.code).toBe('invalid_api_key');
    expect(err.message).not.toContain('sk-bad-key-123456');
    expect((await mint({}, 'sk-good')).status).toBe(200);
    const anySk = setup();
    expect((await anySk.mint({}, 'sk-anything')).status).toBe(200);
    expect((await anySk.mint({}, 'pk-anything')).status).toBe(401);
  });

  it.each([
    [
      { session: { model: 'gpt-realtime' } },
      'missing_required_parameter',
      'session.type',
      "Missing required parameter: 'session.type'.",
    ],
    [
      { session: { type: 'session' } },
      'invalid_value',
      'session.type',
      "Invalid value: 'session'. Supported values are: 'realtime' and 'transcription'.",
    ],
    [
      { session: { type: 'realtime', modalities: ['audio', 'text'] } },
      'unknown_parameter',
      'session.modalities',
      "Unknown parameter: 'session.modalities'.",
    ],
    [
      { session: { type: 'realtime', voice: 'alloy' } },
      'unknown_parameter',
      'session.voice',
      "Unknown parameter: 'session.voice'.",
    ],
    [
      { session: { type: 'realtime', turn_detection: { type: 'server_vad' } } },
      'unknown_parameter',
      'session.turn_detection',
      "Unknown parameter: 'session.turn_detection'.",
    ],
    [
      { session: { type: 'realtime', input_audio_format: 'pcm16' } },
      'unknown_parameter',
      'session.input_audio_format',
      "Unknown parameter: 'session.input_audio_format'.",
    ],
    [
      { session: { type: 'realtime', max_response_output_tokens: 100 } },
      'unknown_parameter',
      'session.max_response_output_tokens',
      "Unknown parameter: 'session.max_response_output_tokens'.",
    ],
    [
      { session: { type: 'realtime', temperature: 0.8 } },
      'unknown_parameter',
      'session.temperature',
      "Unknown parameter: 'session.temperature'.",
    ],
    [
      { session: { type: 'realtime', audio: { output: { voice: 'nova' } } } },
      'invalid_value',
      'session.audio.output.voice',
      undefined,
    ],
    [
      { session: { type: 'realtime', audio: { input: { turn_detection: { type: 'server_vad', foo: 1 } } } } },
      'unknown_parameter',
      'session.audio.input.turn_detection.foo',
      undefined,
    ],
    [
      { session: { type: 'realtime', output_modalities: ['audio', 'text'] } },
      'invalid_value',
      'session.output_modalities',
      undefined,
    ],
    [
      { expires_after: { anchor: 'created_at', seconds: 5 } },
      'integer_out_of_range',
      'expires_after.seconds',
      undefined,
    ],
    [
      { expires_after: { anchor: 'created_at', seconds: 7201 } },
      'integer_out_of_range',
      'expires_after.seconds',
      undefined,
    ],
    [{ expires_after: { seconds: 60 } }, 'missing_required_parameter', 'expires_after.anchor', undefined],
    [{ session: { type: 'realtime' }, model: 'gpt-realtime' }, 'unknown_parameter', 'model', undefined],
  ])('400 for %j → %s (%s)', async (body, code, param, message) => {
    const { mint, store } = setup();
    const res = await mint(body);
    expect(res.status).toBe(400);
    const err = ((await res.json()) as { error: Record<string, unknown> }).error;
    expect(err).toMatchObject({ type: 'invalid_request_error', code, param });
    if (message) expect(err.message).toBe(message);
    expect(store.keysMinted).toBe(0);
  });

  it('400 for a body that is not JSON', async () => {
    const { app } = setup();
    const res = await app.request('/v1/realtime/client_secrets', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-x' },
      body: '{nope',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});

describe('POST /v1/realtime/calls', () => {
  it('201 + Location + SDP answer; the key is single-use (401 ephemeral_token_already_used)', async () => {
    const t = setup();
    stores.push(t.store);
    const { value } = (await (await t.mint({ session: { type: 'realtime' } })).json()) as { value: string };
    const sdp = await offer();
    const res = await t.call(sdp, value);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/sdp');
    expect(res.headers.get('location')).toMatch(/^\/v1\/realtime\/calls\/rtc_[A-Za-z0-9_]+$/);
    const answer = await res.text();
    expect(answer).toMatch(/^v=0/);
    expect(answer).toContain('a=candidate:');
    expect(answer).toContain('127.0.0.1');
    expect(answer).toContain('webrtc-datachannel');
    const again = await t.call(await offer(), value);
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({
      error: { code: 'ephemeral_token_already_used', type: 'invalid_request_error' },
    });
    expect(t.store.keysUsed).toBe(1);
    const id = res.headers.get('location')!.split('/').pop()!;
    const hang = await t.app.request(`/v1/realtime/calls/${id}/hangup`, {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-x' },
    });
    expect(hang.status).toBe(200);
    const missing = await t.app.request('/v1/realtime/calls/rtc_nope/hangup', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-x' },
    });
    expect(missing.status).toBe(404);
  });

  it('multi-use mode lets one key start several calls', async () => {
    const t = setup({ singleUseKeys: false });
    stores.push(t.store);
    const { value } = (await (await t.mint({})).json()) as { value: string };
    expect((await t.call(await offer(), value)).status).toBe(201);
    expect((await t.call(await offer(), value)).status).toBe(201);
  });

  it('401 for an unknown key and for an expired key', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t = setup();
    const unknown = await t.call('v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n', 'ek_doesnotexist');
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
    const { value } = (await (await t.mint({ expires_after: { anchor: 'created_at', seconds: 10 } })).json()) as {
      value: string;
    };
    vi.setSystemTime(Date.now() + 11_000);
    const expired = await t.call(await offer(), value);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({
      error: { code: 'ephemeral_token_expired', type: 'invalid_request_error' },
    });
  });

  it('400 for ?model= (GA rejects it) unless acceptModelQuery', async () => {
    const t = setup();
    const { value } = (await (await t.mint({})).json()) as { value: string };
    const res = await t.call(await offer(), value, '/v1/realtime/calls?model=gpt-realtime');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'unknown_parameter', param: 'model' } });
    expect(t.store.keys.get(value)!.used).toBe(false);
  });

  it('400 for a wrong content type or a malformed offer', async () => {
    const t = setup();
    const { value } = (await (await t.mint({})).json()) as { value: string };
    const json = await t.app.request('/v1/realtime/calls', {
      method: 'POST',
      headers: { Authorization: `Bearer ${value}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(json.status).toBe(400);
    const { value: v2 } = (await (await t.mint({})).json()) as { value: string };
    const junk = await t.call('hello', v2);
    expect(junk.status).toBe(400);
    expect(await junk.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'sdp' } });
  });

  it('CORS: preflight answered, Access-Control-Allow-Origin * and Location exposed', async () => {
    const t = setup();
    stores.push(t.store);
    const pre = await t.app.request('/v1/realtime/calls', {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdef',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const { value } = (await (await t.mint({})).json()) as { value: string };
    const res = await t.app.request('/v1/realtime/calls', {
      method: 'POST',
      headers: {
        Origin: 'chrome-extension://abcdef',
        Authorization: `Bearer ${value}`,
        'Content-Type': 'application/sdp',
      },
      body: await offer(),
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('Location');
  });

  it('multipart with a server key and a bare session part', async () => {
    const t = setup();
    stores.push(t.store);
    const form = new FormData();
    form.set('sdp', await offer());
    form.set('session', JSON.stringify({ type: 'realtime', instructions: 'Hi' }));
    const res = await t.app.request('/v1/realtime/calls', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-x' },
      body: form,
    });
    expect(res.status).toBe(201);
    const bad = new FormData();
    bad.set('sdp', await offer());
    bad.set('session', JSON.stringify({ type: 'realtime', voice: 'alloy' }));
    const res2 = await t.app.request('/v1/realtime/calls', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-x' },
      body: bad,
    });
    expect(res2.status).toBe(400);
    expect(await res2.json()).toMatchObject({ error: { code: 'unknown_parameter', param: 'session.voice' } });
  });
});

describe('control API', () => {
  it('health, script validation, reset', async () => {
    const { app, store } = setup();
    expect(await (await app.request('/__emulator/health')).json()).toMatchObject({ ok: true, liveCalls: 0 });
    const bad = await app.request('/__emulator/script', {
      method: 'POST',
      body: JSON.stringify({ replies: [{ txt: 'x' }] }),
    });
    expect(bad.status).toBe(400);
    const ok = await app.request('/__emulator/script', {
      method: 'POST',
      body: JSON.stringify({ replies: [{ text: 'a' }, { text: '', toolCalls: [{ name: 'f', arguments: {} }] }] }),
    });
    expect(await ok.json()).toEqual({ queued: 2 });
    await app.request('/__emulator/faults', { method: 'POST', body: JSON.stringify({ sdpStatus: 503 }) });
    expect(store.faults.sdpStatus).toBe(503);
    await app.request('/__emulator/reset', { method: 'POST' });
    expect(store.replies).toEqual([]);
    expect(store.faults).toEqual({});
    expect(await (await app.request('/__emulator/received')).json()).toEqual({ calls: [], keysMinted: 0, keysUsed: 0 });
  });

  it('unknown routes answer 404 in the OpenAI envelope', async () => {
    const { app } = setup();
    const res = await app.request('/v1/realtime/conversations', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { type: 'invalid_request_error', message: 'Invalid URL (POST /v1/realtime/conversations)' },
    });
  });

  it('the retired beta (routes and OpenAI-Beta header) → 400 beta_api_shape_disabled', async () => {
    const { app, mint } = setup();
    for (const path of ['/v1/realtime/sessions', '/v1/realtime?model=gpt-4o-realtime-preview']) {
      const res = await app.request(path, { method: 'POST', headers: { Authorization: 'Bearer sk-x' }, body: '{}' });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        error: {
          code: 'beta_api_shape_disabled',
          message: 'The Realtime Beta API is no longer supported. Please use /v1/realtime for the GA API.',
        },
      });
    }
    const withHeader = await app.request('/v1/realtime/client_secrets', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-x', 'OpenAI-Beta': 'realtime=v1' },
      body: '{}',
    });
    expect(withHeader.status).toBe(400);
    expect((await mint({})).status).toBe(200);
  });
});
