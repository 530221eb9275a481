/**
 * Regression for issue 10 ("the token service answers as an oracle on its secrets"): 0.1 echoed a caller's
 * X-Request-Id unless it was part of a secret, so comparing answers recovered the API key and the access keys
 * character by character. Here every probe — pieces of each secret and random ids of the same shape — must get an
 * answer that is identical once the values that are random anyway (the server's id, the minted key) are masked.
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  ACCESS_KEY,
  API_KEY,
  assertNoSecretLeak,
  EXT_ORIGIN,
  makeHarness,
  OTHER_ACCESS_KEY,
  SECRETS,
} from '../../testing/harness';

afterAll(() => assertNoSecretLeak());

const PLAIN = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-';

/** Prefixes, suffixes and middle pieces of a secret, at most 64 characters (the plain-id length limit of 0.1). */
function piecesOf(secret: string): string[] {
  const out = new Set<string>();
  for (const n of [1, 2, 3, 5, 8, 13, 21, secret.length]) {
    out.add(secret.slice(0, Math.min(n, 64)));
    out.add(secret.slice(-Math.min(n, 64)));
  }
  for (let i = 1; i + 6 <= secret.length; i += 5) out.add(secret.slice(i, i + 6));
  return [...out];
}

/** Random ids with the same lengths, none of which happens to be part of a secret or to look like a minted key. */
function controlsLike(ids: string[]): string[] {
  return ids.map((id) => {
    for (;;) {
      const bytes = crypto.getRandomValues(new Uint8Array(id.length));
      const candidate = Array.from(bytes, (b) => PLAIN[b % PLAIN.length]).join('');
      if (!SECRETS.some((s) => s.includes(candidate)) && !candidate.includes('ek_')) return candidate;
    }
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** What a caller can observe, with truly random values replaced by their shape. */
function fingerprint(r: { status: number; headers: Headers; text: string }, sentId: string): string {
  const headers = [...r.headers].map(([k, v]) => {
    if (k !== 'x-request-id') return [k, v];
    return [k, v === sentId ? 'echoed' : UUID.test(v) ? 'uuid' : `other:${v}`];
  });
  const body = r.text.replace(/"ek_[A-Za-z0-9_-]+"/g, '"ek_*"').replace(/"expires_at":\d+/g, '"expires_at":0');
  return JSON.stringify({ status: r.status, headers: headers.sort(), body });
}

type Probe = (id: string) => Promise<string>;

const probes: Record<string, Probe> = {
  'GET /health': async (id) =>
    fingerprint(await makeHarness().request('/health', { headers: { 'x-request-id': id } }), id),
  'GET /ready': async (id) =>
    fingerprint(await makeHarness().request('/ready', { headers: { 'x-request-id': id } }), id),
  'POST /api/token without a key': async (id) =>
    fingerprint(await makeHarness().mint(undefined, { 'x-request-id': id, authorization: '' }), id),
  'POST /api/token with a key': async (id) =>
    fingerprint(await makeHarness().mint(undefined, { 'x-request-id': id }), id),
  'OPTIONS /api/token': async (id) =>
    fingerprint(
      await makeHarness().request('/api/token', {
        method: 'OPTIONS',
        headers: { origin: EXT_ORIGIN, 'access-control-request-method': 'POST', 'x-request-id': id },
      }),
      id,
    ),
};

describe('X-Request-Id is no oracle on secrets (issue 10)', () => {
  const secretIds = [...new Set([API_KEY, ACCESS_KEY, OTHER_ACCESS_KEY].flatMap(piecesOf))];
  const controls = controlsLike(secretIds);

  it('probes pieces of every secret and as many random controls', () => {
    expect(secretIds.length).toBeGreaterThan(40);
    expect(secretIds).toContain(API_KEY.slice(0, 8));
    expect(secretIds).toContain(ACCESS_KEY);
    expect(controls.every((c, i) => c.length === secretIds[i]?.length)).toBe(true);
  });

  it.each(Object.keys(probes))('%s answers a piece of a secret exactly as a random id', async (name) => {
    const probe = probes[name] as Probe;
    const seen = new Map<string, string[]>();
    for (const [group, ids] of [
      ['secret', secretIds],
      ['random', controls],
    ] as const) {
      for (const id of ids) {
        const f = await probe(id);
        seen.set(f, [...(seen.get(f) ?? []), `${group}:${id.length}`]);
      }
    }
    // One single observable answer for all probes; on failure, show which groups got which answer.
    expect([...seen.values()].map((groups) => [...new Set(groups.map((g) => g.split(':')[0]))])).toEqual([
      ['secret', 'random'],
    ]);
  });
});
