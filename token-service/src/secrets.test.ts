/**
 * The API key must never appear in a response, a log line or an error message. Every suite in token-service feeds its
 * responses and log lines into the audit trail and greps it in afterAll; this file drives every path once more,
 * including upstream errors whose bodies quote the key, and proves the grep itself can fail.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY, assertNoSecretLeak, auditTrail, EXT_ORIGIN, makeHarness } from './testing/harness';
import type { StubBehaviour } from './testing/stub-upstream';

afterAll(() => assertNoSecretLeak());

describe('secret hygiene', () => {
  it('the audit grep fails when the key is present (canary)', () => {
    expect(() => assertNoSecretLeak([{ kind: 'response', text: `x${API_KEY}x` }])).toThrow();
    expect(() => assertNoSecretLeak([{ kind: 'log', text: 'value ek_abc' }])).toThrow();
  });

  it('no response or log line of any path holds the key', async () => {
    const h = makeHarness({ env: { UPSTREAM_TIMEOUT_MS: '100', RATE_LIMIT_PER_MINUTE: '1000' } });
    const behaviours: StubBehaviour[] = [
      'ok',
      'unauthorized',
      'forbidden',
      'rate_limited',
      'server_error',
      'bad_request',
      'malformed_json',
      'wrong_shape',
      'echo_key',
      'hang',
    ];
    for (const b of behaviours) {
      h.stub.behaviour = b;
      await h.mint();
    }
    h.stub.behaviour = 'ok';
    await h.mint('{bad');
    await h.mint({ voice: API_KEY, language: 'en', mode: 'push-to-talk' });
    await h.mint({ voice: 'marin', language: 'en', mode: 'push-to-talk', [API_KEY]: 1 });
    await h.mint(undefined, { authorization: `Bearer ${API_KEY}` });
    await h.mint(undefined, { authorization: API_KEY });
    await h.mint(undefined, { origin: `https://${API_KEY}.example` });
    await h.request('/api/token', { method: 'OPTIONS', headers: { origin: EXT_ORIGIN } });
    await h.request('/health');
    await h.request('/ready');
    await h.request('/metrics');
    await h.request(`/${API_KEY}`);
    await h.request('/health', { headers: { 'x-request-id': API_KEY } });
    expect(h.logs.length).toBeGreaterThan(15);
    const start = auditTrail.length;
    expect(start).toBeGreaterThan(30);
    assertNoSecretLeak();
  });
});
