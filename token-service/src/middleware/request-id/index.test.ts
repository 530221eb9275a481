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
    expect(lines[0]).toMatchObject({ level: 'info', requestId: id, method: 'POST', path: '/api/token', status: 200, service: 'token-service' });
  });

  it('keeps a plain caller id and replaces an unsafe one', async () => {
    const h = makeHarness();
    expect((await h.request('/health', { headers: { 'x-request-id': 'abc-123' } })).headers.get('x-request-id')).toBe('abc-123');
    const bad = await h.request('/health', { headers: { 'x-request-id': 'a"b\\c{}' } });
    expect(bad.headers.get('x-request-id')).not.toBe('a"b\\c{}');
    expect((await h.request('/health', { headers: { 'x-request-id': 'x'.repeat(65) } })).headers.get('x-request-id')).toHaveLength(36);
  });

  it('logs the refusal reason', async () => {
    const h = makeHarness();
    await h.mint({ voice: 'nova', language: 'en', mode: 'push-to-talk' });
    expect(h.logs.some((l) => l.includes('"reason":"invalid_voice"') && l.includes('"status":400'))).toBe(true);
  });
});
