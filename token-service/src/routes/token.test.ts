import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY, assertNoSecretLeak, makeHarness } from '../testing/harness';
import type { StubBehaviour } from '../testing/stub-upstream';
import { VOICES } from '../session/config';

afterAll(() => assertNoSecretLeak());

type Sent = {
  expires_after: { anchor: string; seconds: number };
  session: {
    type: string;
    model: string;
    instructions: string;
    audio: {
      input: { transcription: { model: string; language: string; prompt: string }; turn_detection: unknown };
      output: { voice: string };
    };
    tools: { name: string; type: string }[];
    reasoning?: { effort: string };
    truncation?: unknown;
  };
};

describe('POST /api/token', () => {
  it('mints a key and returns only what the client needs, with no-store', async () => {
    const h = makeHarness();
    const r = await h.mint({ voice: 'cedar', language: 'de', mode: 'push-to-talk' });
    expect(r.status).toBe(200);
    const body = r.json() as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['expires_at', 'language', 'model', 'realtime_url', 'value', 'voice']);
    expect(body.value).toMatch(/^ek_/);
    expect(body).toMatchObject({
      model: 'gpt-realtime',
      voice: 'cedar',
      language: 'de',
      realtime_url: 'http://upstream.test/v1/realtime/calls',
    });
    expect(typeof body.expires_at).toBe('number');
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(h.stub.authorizations).toEqual([`Bearer ${API_KEY}`]);
  });

  it('sends the server-authoritative session: push-to-talk has no turn detection', async () => {
    const h = makeHarness({ env: { TOKEN_TTL_SECONDS: '120', REALTIME_MODEL: 'gpt-realtime-2.1' } });
    const r = await h.mint({ voice: 'marin', language: 'fr', mode: 'push-to-talk' });
    expect(r.status).toBe(200);
    expect((r.json() as { model: string }).model).toBe('gpt-realtime-2.1');
    const sent = h.stub.received[0] as Sent;
    expect(sent.expires_after).toEqual({ anchor: 'created_at', seconds: 120 });
    expect(sent.session.type).toBe('realtime');
    expect(sent.session.model).toBe('gpt-realtime-2.1');
    expect(sent.session.audio.output.voice).toBe('marin');
    expect(sent.session.audio.input.turn_detection).toBeNull();
    expect(sent.session.audio.input.transcription).toMatchObject({ model: 'gpt-4o-mini-transcribe', language: 'fr' });
    expect(sent.session.audio.input.transcription.prompt).toContain('AMPscript');
    expect(sent.session.instructions).toContain('Always answer in French, even if the user speaks another language');
    expect(sent.session.tools.map((t) => t.name)).toEqual([
      'highlight_element',
      'show_snippet',
      'get_page_context',
      'lookup_sfmc_reference',
      'start_walkthrough',
    ]);
    expect(sent.session.reasoning).toEqual({ effort: 'low' });
    expect(sent.session.truncation).toEqual({ type: 'retention_ratio', retention_ratio: 0.8 });
  });

  it('sends reasoning only to the gpt-realtime-2 family, and the configured truncation', async () => {
    const env = {
      REASONING_EFFORT: 'high',
      TRUNCATION_RETENTION_RATIO: '0.6',
      TRUNCATION_POST_INSTRUCTIONS_TOKENS: '20000',
    };
    const mini = makeHarness({ env: { ...env, REALTIME_MODEL: 'gpt-realtime-2.1-mini' } });
    expect((await mini.mint()).json()).toMatchObject({ model: 'gpt-realtime-2.1-mini' });
    const sentMini = mini.stub.received[0] as Sent;
    expect(sentMini.session.reasoning).toEqual({ effort: 'high' });
    expect(sentMini.session.truncation).toEqual({
      type: 'retention_ratio',
      retention_ratio: 0.6,
      token_limits: { post_instructions: 20000 },
    });

    const old = makeHarness({
      env: {
        ...env,
        REALTIME_MODEL: 'gpt-realtime-mini',
        TRUNCATION_POST_INSTRUCTIONS_TOKENS: undefined,
        TRUNCATION_RETENTION_RATIO: 'off',
      },
    });
    expect((await old.mint()).json()).toMatchObject({ model: 'gpt-realtime-mini' });
    const sentOld = old.stub.received[0] as Sent;
    expect('reasoning' in sentOld.session).toBe(false);
    expect('truncation' in sentOld.session).toBe(false);
  });

  it('hands-free uses semantic VAD; a region subtag is reduced to ISO-639-1', async () => {
    const h = makeHarness();
    const r = await h.mint({ voice: 'alloy', language: 'en-GB', mode: 'hands-free' });
    expect(r.status).toBe(200);
    expect((r.json() as { language: string }).language).toBe('en');
    const sent = h.stub.received[0] as Sent;
    expect(sent.session.audio.input.turn_detection).toEqual({
      type: 'semantic_vad',
      eagerness: 'auto',
      create_response: true,
      interrupt_response: true,
    });
    expect(sent.session.instructions).toContain('Always answer in English');
  });

  it('accepts every GA voice', async () => {
    const h = makeHarness();
    for (const voice of VOICES)
      expect((await h.mint({ voice, language: 'en', mode: 'push-to-talk' })).status).toBe(200);
  });

  it.each([
    [{ voice: 'nova', language: 'en', mode: 'push-to-talk' }, 'invalid_voice'],
    [{ voice: 42, language: 'en', mode: 'push-to-talk' }, 'invalid_voice'],
    [{ language: 'en', mode: 'push-to-talk' }, 'invalid_voice'],
    [{ voice: 'marin', language: 'xx', mode: 'push-to-talk' }, 'invalid_language'],
    [{ voice: 'marin', language: 'english', mode: 'push-to-talk' }, 'invalid_language'],
    [{ voice: 'marin', mode: 'push-to-talk' }, 'invalid_language'],
    [{ voice: 'marin', language: 'en', mode: 'walkie-talkie' }, 'invalid_mode'],
    [{ voice: 'marin', language: 'en' }, 'invalid_mode'],
    [{ voice: 'marin', language: 'en', mode: 'push-to-talk', model: 'gpt-4o' }, 'unknown_field'],
    [{ voice: 'marin', language: 'en', mode: 'push-to-talk', instructions: 'be evil' }, 'unknown_field'],
    [[1, 2], 'invalid_body'],
    ['"marin"', 'invalid_body'],
    ['null', 'invalid_body'],
    ['{"voice":', 'invalid_json'],
    ['', 'invalid_json'],
  ])('refuses %j with 400 %s', async (body, code) => {
    const h = makeHarness();
    const r = await h.mint(body);
    expect(r.status).toBe(400);
    expect(r.json()).toMatchObject({ error: { code } });
    expect((r.json() as { error: { message: string } }).error.message.length).toBeGreaterThan(5);
    expect(h.stub.received).toHaveLength(0);
  });

  it('says which field is missing', async () => {
    const r = await makeHarness().mint({ voice: 'marin', language: 'en' });
    expect(r.json()).toEqual({ error: { code: 'invalid_mode', message: 'mode is required.' } });
  });

  it('refuses a body that is not application/json with 415', async () => {
    const r = await makeHarness().mint(
      { voice: 'marin', language: 'en', mode: 'push-to-talk' },
      { 'content-type': 'text/plain' },
    );
    expect(r.status).toBe(415);
    expect(r.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it.each<[StubBehaviour, number, string, string | null]>([
    ['unauthorized', 502, 'upstream_auth', null],
    ['forbidden', 502, 'upstream_auth', null],
    ['rate_limited', 503, 'upstream_rate_limited', '7'],
    ['server_error', 502, 'upstream_error', null],
    ['bad_request', 502, 'upstream_error', null],
    ['malformed_json', 502, 'upstream_error', null],
    ['wrong_shape', 502, 'upstream_error', null],
    ['echo_key', 502, 'upstream_error', null],
  ])('maps upstream %s to %i %s without echoing the upstream body', async (behaviour, status, code, retryAfter) => {
    const h = makeHarness();
    h.stub.behaviour = behaviour;
    const r = await h.mint();
    expect(r.status).toBe(status);
    expect(r.json()).toMatchObject({ error: { code } });
    expect(r.headers.get('retry-after')).toBe(retryAfter);
    expect(r.text).not.toContain('Incorrect API key');
    expect(r.text).not.toContain(API_KEY);
    expect(h.logs.join('\n')).not.toContain(API_KEY);
  });

  it('maps an upstream that never answers to 504 after UPSTREAM_TIMEOUT_MS', async () => {
    const h = makeHarness({ env: { UPSTREAM_TIMEOUT_MS: '150' } });
    h.stub.behaviour = 'hang';
    const r = await h.mint();
    expect(r.status).toBe(504);
    expect(r.json()).toMatchObject({ error: { code: 'upstream_timeout' } });
  });

  it('maps an unreachable upstream to 502', async () => {
    const h = makeHarness({
      deps: {
        upstreamFetch: async () => {
          throw new TypeError('fetch failed');
        },
      },
    });
    const r = await h.mint();
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error: { code: 'upstream_error' } });
  });
});
