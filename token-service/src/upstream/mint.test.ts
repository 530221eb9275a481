/**
 * What the service accepts from OpenAI (issue 10, "upstream responses are read without a size cap and model/expires_at
 * are not validated"): a body over 64 KiB is cut off after at most the cap and answered 502; `value`, `expires_at` and
 * `session.model` are checked before anything reaches the client.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, makeHarness, API_KEY } from '../testing/harness';
import { cappedFetch, UPSTREAM_MAX_BYTES, UpstreamTooLarge } from './capped-fetch';

afterAll(() => assertNoSecretLeak());

const CHUNK = 16 * 1024;

describe('upstream response size cap', () => {
  it.each(['huge_body', 'huge_declared'] as const)(
    '%s: 502 with the reason, and no more than the cap is pulled',
    async (behaviour) => {
      const h = makeHarness();
      h.stub.behaviour = behaviour;
      const r = await h.mint();
      expect(r.status).toBe(502);
      expect(r.json()).toMatchObject({
        error: { code: 'upstream_error', message: expect.stringContaining('over 64 KiB') },
      });
      // The stream pulls at most one chunk ahead of the reader: cap + two chunks is the most that may ever be read.
      expect(h.stub.bytesPulled).toBeGreaterThan(0);
      expect(h.stub.bytesPulled).toBeLessThanOrEqual(UPSTREAM_MAX_BYTES + 2 * CHUNK);
      if (behaviour === 'huge_declared') expect(h.stub.bytesPulled).toBeLessThanOrEqual(2 * CHUNK);
      expect(
        h.logs.some((l) => l.includes('"msg":"upstream failure"') && l.includes('"error":"response too large"')),
      ).toBe(true);
    },
  );

  it('the service keeps serving after huge bodies', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '100' } });
    h.stub.behaviour = 'huge_body';
    for (let i = 0; i < 5; i++) expect((await h.mint()).status).toBe(502);
    h.stub.behaviour = 'ok';
    expect((await h.mint()).status).toBe(200);
  });

  const body = (n: number, init: ResponseInit = {}) => new Response(new Uint8Array(n).fill(0x61), init);

  it('passes a body of exactly the cap, refuses one byte more', async () => {
    const exact = await cappedFetch(async () => body(1000), 1000)('http://x');
    expect((await exact.text()).length).toBe(1000);
    await expect(cappedFetch(async () => body(1001), 1000)('http://x')).rejects.toBeInstanceOf(UpstreamTooLarge);
  });

  it('refuses a declared length over the cap without reading', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(10));
      },
    });
    const res = new Response(stream, { headers: { 'content-length': '5000' } });
    await expect(cappedFetch(async () => res, 1000)('http://x')).rejects.toBeInstanceOf(UpstreamTooLarge);
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('keeps status and headers, and passes bodiless answers through', async () => {
    const r = await cappedFetch(
      async () => body(3, { status: 401, headers: { 'x-a': 'b', 'content-encoding': 'gzip' } }),
      1000,
    )('http://x');
    expect(r.status).toBe(401);
    expect(r.headers.get('x-a')).toBe('b');
    expect(r.headers.get('content-encoding')).toBeNull();
    expect((await cappedFetch(async () => new Response(null, { status: 204 }), 10)('http://x')).status).toBe(204);
  });
});

describe('upstream answer validation', () => {
  const now = () => Math.floor(Date.now() / 1000);
  it.each<[string, Record<string, unknown>]>([
    ['value that is not an ek_ key', { value: 'sk-live-abcdefghijkl' }],
    ['value too short', { value: 'ek_ab' }],
    ['value with spaces', { value: 'ek_abc defghijkl' }],
    ['value as a number', { value: 12345678901 }],
    ['value holding the API key', { value: `ek_${API_KEY}` }],
    ['expires_at as a string', { expires_at: String(now() + 60) }],
    ['expires_at as a fraction', { expires_at: now() + 60.5 }],
    ['expires_at in the past', { expires_at: now() - 5 }],
    ['expires_at in milliseconds', { expires_at: Date.now() + 60_000 }],
    ['expires_at a week ahead', { expires_at: now() + 7 * 86_400 }],
    ['expires_at missing', { expires_at: undefined }],
    ['session missing', { session: undefined }],
    ['session null', { session: null }],
    ['session.model missing', { session: { model: undefined } }],
    ['session.model a number', { session: { model: 2 } }],
    ['session.model with markup', { session: { model: 'gpt-realtime<script>' } }],
    ['session.model not a GPT model name', { session: { model: 'whatever' } }],
    ['session.model far too long', { session: { model: `gpt-${'x'.repeat(200)}` } }],
  ])('refuses an answer with %s (502 upstream_error)', async (_, override) => {
    const h = makeHarness();
    h.stub.override = override;
    const r = await h.mint();
    expect(r.status).toBe(502);
    expect(r.json()).toMatchObject({ error: { code: 'upstream_error' } });
    expect(h.stub.received).toHaveLength(1);
    expect(r.text).not.toMatch(/ek_|sk-/);
  });

  it('accepts a dated snapshot as the model and returns it, so the extension prices the session by it', async () => {
    const h = makeHarness({ env: { REALTIME_MODEL: 'gpt-realtime-2.1-mini' } });
    h.stub.override = { session: { model: 'gpt-realtime-2.1-mini-2026-11-01' } };
    const r = await h.mint();
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ model: 'gpt-realtime-2.1-mini-2026-11-01' });
  });
});
