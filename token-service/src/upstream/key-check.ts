/**
 * Is the OpenAI key any good? Checked once at start-up with a cheap authenticated `GET <OPENAI_BASE_URL>/models` (no
 * session, no cost), then kept up to date by every mint (issue 17: `/ready` said 200 with a garbage key).
 *
 * Only a 401 counts as "refused". A 403 does not: a restricted project key may mint Realtime sessions without the
 * permission to list models. A 404 (a stand-in without the route), a 5xx, a timeout or no network mean "could not
 * check" — the service stays ready, and the first mint tells.
 */
export type KeyState = 'unchecked' | 'checking' | 'accepted' | 'refused' | 'unknown';

export interface KeyCheckResult {
  state: 'accepted' | 'refused' | 'unknown';
  /** Safe for the log: the HTTP status or the error class, never a body. */
  detail: Record<string, unknown>;
}

export async function checkUpstreamKey(opts: {
  baseURL: string;
  apiKey: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): Promise<KeyCheckResult> {
  const doFetch = opts.fetch ?? fetch;
  try {
    const res = await doFetch(`${opts.baseURL}/models`, {
      headers: { Authorization: `Bearer ${opts.apiKey}` },
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
    // The status is all we need; the model list can be large, so it is never read.
    await res.body?.cancel().catch(() => {});
    if (res.ok) return { state: 'accepted', detail: { upstreamStatus: res.status } };
    if (res.status === 401) return { state: 'refused', detail: { upstreamStatus: 401 } };
    return { state: 'unknown', detail: { upstreamStatus: res.status } };
  } catch (e) {
    return { state: 'unknown', detail: { error: e instanceof Error ? e.name : typeof e } };
  }
}

/** How long a "refused" verdict stands before a `/ready` probe re-checks in the background (the key may be fixed upstream). */
export const RECHECK_REFUSED_AFTER_MS = 60_000;

/**
 * The key's current verdict, shared by `/ready` and the token route. `run` performs the check; mints report what
 * OpenAI said through `observe`.
 */
export class UpstreamKeyStatus {
  state: KeyState = 'unchecked';
  detail: Record<string, unknown> = {};
  private checkedAt = 0;
  private running: Promise<KeyCheckResult> | undefined;

  constructor(
    private readonly check?: () => Promise<KeyCheckResult>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs the check (once at a time) and records its verdict. Without a checker the state stays `unchecked`. */
  run(): Promise<KeyCheckResult | undefined> {
    if (!this.check) return Promise.resolve(undefined);
    if (this.running) return this.running;
    if (this.state === 'unchecked') this.state = 'checking';
    this.running = this.check().then((r) => {
      this.running = undefined;
      // A re-check that cannot tell (network, 5xx) does not clear a refusal OpenAI actually gave.
      if (r.state === 'unknown' && this.state === 'refused') this.checkedAt = this.now();
      else this.record(r.state, r.detail);
      return r;
    });
    return this.running;
  }

  /** What a mint learnt: OpenAI accepted the key, or refused it (401/403 on client_secrets). */
  observe(state: 'accepted' | 'refused', detail: Record<string, unknown> = {}): void {
    this.record(state, detail);
  }

  /** Called by `/ready`: a stale "refused" is re-checked in the background so a fixed key brings the service back. */
  refreshIfStale(): void {
    if (this.state === 'refused' && this.now() - this.checkedAt >= RECHECK_REFUSED_AFTER_MS) void this.run();
  }

  private record(state: KeyState, detail: Record<string, unknown>): void {
    this.state = state;
    this.detail = detail;
    this.checkedAt = this.now();
  }
}
