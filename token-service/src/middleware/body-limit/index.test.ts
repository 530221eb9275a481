import { afterAll, describe, expect, it } from 'vitest';
import { ACCESS_KEY, assertNoSecretLeak, EXT_ORIGIN, makeHarness } from '../../testing/harness';
import { BODY_LIMIT_BYTES } from '../../env';

afterAll(() => assertNoSecretLeak());

const headers = { authorization: `Bearer ${ACCESS_KEY}`, 'content-type': 'application/json', origin: EXT_ORIGIN };

describe('body limit', () => {
  it('refuses a declared oversize body with 413 body_too_large', async () => {
    const h = makeHarness();
    const body = JSON.stringify({
      voice: 'marin',
      language: 'en',
      mode: 'push-to-talk',
      pad: 'x'.repeat(BODY_LIMIT_BYTES),
    });
    const r = await h.request('/api/token', { method: 'POST', headers, body });
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ error: { code: 'body_too_large' } });
    expect(h.stub.received).toHaveLength(0);
  });

  it('refuses an oversize chunked (streamed) body too', async () => {
    const h = makeHarness();
    const chunk = new TextEncoder().encode('x'.repeat(256));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(ctrl) {
        if (sent++ < 16) ctrl.enqueue(chunk);
        else ctrl.close();
      },
    });
    const r = await h.request('/api/token', { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
    expect(r.json()).toMatchObject({ error: { code: 'body_too_large' } });
  });

  it('lets a body at the limit through to validation', async () => {
    const h = makeHarness();
    const base = JSON.stringify({ voice: 'marin', language: 'en', mode: 'push-to-talk' });
    const body = base + ' '.repeat(BODY_LIMIT_BYTES - base.length);
    const r = await h.request('/api/token', { method: 'POST', headers, body });
    expect(r.status).toBe(200);
  });
});
