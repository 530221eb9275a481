/**
 * The OpenAI key check (issue 17: "/ready is 200 today with a garbage key"): the verdicts of `GET /models`, how mints
 * update it, and what `/ready` answers for each.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { API_KEY, assertNoSecretLeak, makeHarness } from '../testing/harness';
import { createStubUpstream } from '../testing/stub-upstream';
import { checkUpstreamKey, RECHECK_REFUSED_AFTER_MS, UpstreamKeyStatus, type KeyCheckResult } from './key-check';

afterAll(() => assertNoSecretLeak());

const check = (stub: ReturnType<typeof createStubUpstream>, apiKey = API_KEY, timeoutMs = 1000) =>
  checkUpstreamKey({ baseURL: 'http://upstream.test/v1', apiKey, timeoutMs, fetch: stub.fetch });

describe('checkUpstreamKey', () => {
  it('accepted on 200, refused on 401, and it sends the key as a bearer', async () => {
    const stub = createStubUpstream(API_KEY);
    expect(await check(stub)).toEqual({ state: 'accepted', detail: { upstreamStatus: 200 } });
    expect(await check(stub, 'sk-wrong-key-000000000000')).toEqual({
      state: 'refused',
      detail: { upstreamStatus: 401 },
    });
    expect(stub.modelChecks).toBe(2);
  });

  it.each([
    ['missing', 404],
    ['forbidden', 403],
    ['server_error', 500],
  ] as const)('"could not check" when the upstream answers %s (%i)', async (models, status) => {
    const stub = createStubUpstream(API_KEY);
    stub.models = models;
    expect(await check(stub)).toEqual({ state: 'unknown', detail: { upstreamStatus: status } });
  });

  it('"could not check" when the upstream is unreachable or silent', async () => {
    const down = await checkUpstreamKey({
      baseURL: 'http://upstream.test/v1',
      apiKey: API_KEY,
      timeoutMs: 1000,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    expect(down).toEqual({ state: 'unknown', detail: { error: 'TypeError' } });
    const silent = await checkUpstreamKey({
      baseURL: 'http://upstream.test/v1',
      apiKey: API_KEY,
      timeoutMs: 50,
      fetch: (_url, init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    });
    expect(silent.state).toBe('unknown');
    expect(silent.detail.error).toBe('TimeoutError');
  });
});

describe('UpstreamKeyStatus', () => {
  it('is checking while the check runs, then holds its verdict; one check at a time', async () => {
    let finish!: (r: KeyCheckResult) => void;
    let calls = 0;
    const status = new UpstreamKeyStatus(() => {
      calls++;
      return new Promise((r) => (finish = r));
    });
    expect(status.state).toBe('unchecked');
    const a = status.run();
    const b = status.run();
    expect(status.state).toBe('checking');
    finish({ state: 'refused', detail: { upstreamStatus: 401 } });
    expect(await a).toEqual(await b);
    expect(calls).toBe(1);
    expect(status.state).toBe('refused');
  });

  it('re-checks a refusal only once it is a minute old', async () => {
    let clock = 1_000_000;
    let verdict: KeyCheckResult['state'] = 'refused';
    let calls = 0;
    const status = new UpstreamKeyStatus(
      async () => {
        calls++;
        return { state: verdict, detail: {} };
      },
      () => clock,
    );
    await status.run();
    verdict = 'accepted';
    status.refreshIfStale();
    expect(calls).toBe(1);
    clock += RECHECK_REFUSED_AFTER_MS;
    status.refreshIfStale();
    await status.run();
    expect(calls).toBe(2);
    expect(status.state).toBe('accepted');
  });

  it('a re-check that cannot tell keeps a refusal', async () => {
    let verdict: KeyCheckResult['state'] = 'refused';
    const status = new UpstreamKeyStatus(async () => ({ state: verdict, detail: {} }));
    await status.run();
    verdict = 'unknown';
    await status.run();
    expect(status.state).toBe('refused');
    const fresh = new UpstreamKeyStatus(async () => ({ state: 'unknown', detail: { upstreamStatus: 404 } }));
    await fresh.run();
    expect(fresh.state).toBe('unknown');
  });
});

describe('/ready and the key', () => {
  it('503 upstream_auth after a refused check, 503 not_ready while checking, 200 when accepted or unknown', async () => {
    const stub = createStubUpstream(API_KEY);
    const refused = new UpstreamKeyStatus(() => check(stub, 'sk-wrong-key-000000000000'));
    await refused.run();
    const r = await makeHarness({ deps: { keyStatus: refused } }).request('/ready');
    expect(r.status).toBe(503);
    expect(r.json()).toMatchObject({ error: { code: 'upstream_auth' } });

    const pending = new UpstreamKeyStatus(() => new Promise(() => {}));
    void pending.run();
    const p = await makeHarness({ deps: { keyStatus: pending } }).request('/ready');
    expect(p.status).toBe(503);
    expect(p.json()).toMatchObject({ error: { code: 'not_ready', message: 'Checking the OpenAI key.' } });

    const accepted = new UpstreamKeyStatus(() => check(stub));
    await accepted.run();
    expect((await makeHarness({ deps: { keyStatus: accepted } }).request('/ready')).json()).toEqual({
      status: 'ready',
      store: 'memory',
      upstream_key: 'accepted',
    });
    stub.models = 'missing';
    const unknown = new UpstreamKeyStatus(() => check(stub));
    await unknown.run();
    expect((await makeHarness({ deps: { keyStatus: unknown } }).request('/ready')).status).toBe(200);
  });

  it('a mint refused by OpenAI turns /ready 503, a later good mint turns it back', async () => {
    const keyStatus = new UpstreamKeyStatus();
    const h = makeHarness({ deps: { keyStatus } });
    h.stub.behaviour = 'unauthorized';
    expect((await h.mint()).json()).toMatchObject({ error: { code: 'upstream_auth' } });
    expect((await h.request('/ready')).json()).toMatchObject({ error: { code: 'upstream_auth' } });
    h.stub.behaviour = 'ok';
    expect((await h.mint()).status).toBe(200);
    expect((await h.request('/ready')).json()).toMatchObject({ status: 'ready', upstream_key: 'accepted' });
  });
});
