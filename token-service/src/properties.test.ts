/** Property tests: thousands of malformed bodies and headers, and only ever a specific 4xx (never a 5xx, never upstream). */
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ACCESS_KEY, assertNoSecretLeak, EXT_ORIGIN, makeHarness } from './testing/harness';
import { MODES, VOICES } from './session/config';

afterAll(() => assertNoSecretLeak());

const VALID = { voice: 'marin', language: 'en', mode: 'push-to-talk' } as const;
const KEYS = ['voice', 'language', 'mode'];
const printable = (min = 0, max = 60) =>
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)),
    minLength: min,
    maxLength: max,
  });

/** True if `raw` happens to be a well-formed request (the generators below are built to avoid this; the filter makes sure). */
function accidentallyValid(raw: string): boolean {
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    return (
      typeof o === 'object' &&
      o !== null &&
      !Array.isArray(o) &&
      Object.keys(o).sort().join() === 'language,mode,voice' &&
      (VOICES as readonly unknown[]).includes(o.voice) &&
      (MODES as readonly unknown[]).includes(o.mode) &&
      typeof o.language === 'string' &&
      /^[A-Za-z]{2}/.test(o.language)
    );
  } catch {
    return false;
  }
}

const notVoice = fc.jsonValue().filter((v) => !(VOICES as readonly unknown[]).includes(v));
const notMode = fc.jsonValue().filter((v) => !(MODES as readonly unknown[]).includes(v));
const notLanguage = fc.oneof(
  fc.jsonValue().filter((v) => typeof v !== 'string' || !/^[A-Za-z]{2}/.test(v)),
  fc.constantFrom('xx', 'zz', 'qq', 'e', 'eng', 'en_', 'en-', 'EN-x', '12', 'e\u0301n'),
);

const malformedBody: fc.Arbitrary<string> = fc
  .oneof(
    printable(0, 200),
    fc.string({ maxLength: 200 }),
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'undefined'),
    fc.record({ voice: notVoice }).map((m) => JSON.stringify({ ...VALID, ...m })),
    fc.record({ language: notLanguage }).map((m) => JSON.stringify({ ...VALID, ...m })),
    fc.record({ mode: notMode }).map((m) => JSON.stringify({ ...VALID, ...m })),
    fc
      .constantFrom(...KEYS)
      .map((k) => JSON.stringify(Object.fromEntries(Object.entries(VALID).filter(([key]) => key !== k)))),
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !KEYS.includes(k)),
        fc.jsonValue({ maxDepth: 2 }),
      )
      .map(
        ([k, v]) =>
          `{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'},"voice":"marin","language":"en","mode":"push-to-talk"}`,
      ),
    fc.constantFrom(
      '{"__proto__":{"voice":"marin"},"voice":"marin","language":"en","mode":"push-to-talk"}',
      '{"constructor":{},"voice":"marin","language":"en","mode":"push-to-talk"}',
    ),
    fc.integer({ min: 1, max: 2000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.integer({ min: 1, max: 400 }).map((n) => '{"voice":'.repeat(n)),
    fc.constantFrom(
      '\uFEFF{}',
      '{"voice":"marin","voice":"cedar"',
      '{"voice":"\ud800"}',
      'NaN',
      '1e999',
      '{}'.repeat(3),
    ),
  )
  .filter((raw) => !accidentallyValid(raw));

describe('hostile input (fast-check)', () => {
  it('answers 1,000+ malformed bodies with a specific 400/413 and never calls upstream', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000' } });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(malformedBody, async (body) => {
        runs++;
        const r = await h.mint(body);
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        const err = (r.json() as { error: { code: string; message: string } }).error;
        expect(err.code).toMatch(
          /^(invalid_json|invalid_body|invalid_voice|invalid_language|invalid_mode|unknown_field|body_too_large)$/,
        );
        expect(err.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 1200 },
    );
    expect(runs).toBeGreaterThanOrEqual(1200);
    expect(h.stub.received).toHaveLength(0);
  });

  it('answers 1,000+ requests with malformed headers with a 4xx and never calls upstream', async () => {
    const h = makeHarness({ env: { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_GLOBAL_PER_MINUTE: '1000000' } });
    const headerValue = printable(0, 80);
    const headerSet = fc
      .record({
        authorization: fc.oneof(
          fc.constant(`Bearer ${ACCESS_KEY}`),
          fc.constant(undefined),
          headerValue,
          headerValue.map((v) => `Bearer ${v}`),
          fc.constantFrom(
            `Bearer ${ACCESS_KEY.toUpperCase()}`,
            `Bearer ${ACCESS_KEY} `,
            `Bearer\t${ACCESS_KEY}x`,
            'Bearer a.b.c',
            `Bearer ${'A'.repeat(5000)}`,
          ),
        ),
        origin: fc.oneof(
          fc.constant(EXT_ORIGIN),
          fc.constant(undefined),
          headerValue,
          fc.constantFrom('null', `${EXT_ORIGIN}/`, EXT_ORIGIN.toUpperCase()),
        ),
        'content-type': fc.oneof(
          fc.constant('application/json'),
          fc.constant(undefined),
          headerValue,
          fc.constantFrom('application/json; charset=latin1', 'text/json', 'multipart/form-data; boundary=x'),
        ),
        'x-request-id': fc.option(headerValue, { nil: undefined }),
        extra: fc.option(fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerValue), { nil: undefined }),
      })
      .filter((hs) => {
        const authOk = hs.authorization === `Bearer ${ACCESS_KEY}` || hs.authorization === `Bearer ${ACCESS_KEY} `;
        const originOk = hs.origin === undefined || hs.origin === EXT_ORIGIN;
        const ctOk =
          hs['content-type'] !== undefined &&
          /^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(hs['content-type'].trim());
        return !(authOk && originOk && ctOk);
      });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(headerSet, fc.constantFrom('POST', 'OPTIONS', 'PUT', 'GET'), async (hs, method) => {
        runs++;
        const headers = new Headers();
        for (const [k, v] of Object.entries(hs)) if (typeof v === 'string' && k !== 'extra') headers.set(k, v);
        if (hs.extra) headers.set(hs.extra[0], hs.extra[1]);
        const body = method === 'GET' ? undefined : JSON.stringify(VALID);
        const r = await h.request('/api/token', { method, headers, body });
        // An allowed preflight is the only non-error answer: 204 with no body and nothing minted.
        if (method === 'OPTIONS' && r.status === 204) {
          expect(headers.get('origin')).toBe(EXT_ORIGIN);
          return;
        }
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect((r.json() as { error: { code: string } }).error.code).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 1200 },
    );
    expect(runs).toBeGreaterThanOrEqual(1200);
    expect(h.stub.received).toHaveLength(0);
  });
});
