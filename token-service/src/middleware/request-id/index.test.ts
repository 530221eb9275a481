import { afterAll, describe, expect, it } from 'vitest';
import { assertNoSecretLeak, makeHarness } from '../../testing/harness';

afterAll(() => assertNoSecretLeak());

describe('request ids and access logs', () => {
  it('generates an id, returns it and logs one JSON line with it', async () => {
    const h = makeHarness();
    const r = await h.mint();
    const id = r.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const lines = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      requestId: id,
      method: 'POST',
      path: '/api/token',
      status: 200,
      service: 'token-service',
    });
  });

  it('never reflects a caller id: a plain one is logged beside the server id, any other is dropped', async () => {
    const h = makeHarness();
    const plain = await h.request('/health', { headers: { 'x-request-id': 'abc-123' } });
    const id = plain.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const line = h.logs.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.requestId === id);
    expect(line).toMatchObject({ msg: 'request', callerRequestId: 'abc-123' });
    for (const odd of ['a"b\\c{}', 'x'.repeat(65), 'two words']) {
      const r = await h.request('/health', { headers: { 'x-request-id': odd } });
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(h.logs.filter((l) => l.includes('callerRequestId'))).toHaveLength(1);
  });

  it('logs the refusal reason', async () => {
    const h = makeHarness();
    await h.mint({ voice: 'nova', language: 'en', mode: 'push-to-talk' });
    expect(h.logs.some((l) => l.includes('"reason":"invalid_voice"') && l.includes('"status":400'))).toBe(true);
  });
});
