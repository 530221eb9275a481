/**
 * The engine's connection: microphone and audio graph, then a call per attempt (fresh key, SDP, ICE, wait for
 * session.created), retries by EngineFailure.recovery, reconnects that keep the mic and graph, and the planned
 * refresh before the API's 60-minute cap. What exists is exactly what the phase owns (`Resources`).
 *
 * The send track comes from the audio graph, so the call does not need the microphone: it opens off the critical
 * path (beside the call, or right after it for push-to-talk with a granted mic). Push-to-talk is ready without it (the first press waits for it only if it is still opening);
 * hands-free waits for it. A microphone that fails for want of hardware leaves a text-only session (`micState`
 * 'failed', typing still works); a missing permission stays an error, since the panel's permission step fixes it.
 */
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { backoffDelay } from '@/lib/conversation/backoff';
import type { Settings } from '@/lib/settings';
import { createAudioGraph, type AudioGraph } from './audio-graph';
import { openCall, type Call } from './call';
import { EngineFailure } from './failure';
import { openMic, queryMicPermission } from './mic';
import type { EngineSignal } from './state-machine';
import { mintToken, type MintedToken } from './token';
import type { ConnectTimings, EngineError } from './types';

const MAX_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 10_000;
/** Reconnect on our own terms shortly before the API's 60-minute cap. */
const SESSION_REFRESH_MS = 58 * 60_000;

export type Resources =
  | { kind: 'none' }
  | { kind: 'preparing'; abort: AbortController }
  | { kind: 'connecting'; abort: AbortController; graph: AudioGraph }
  | { kind: 'live'; graph: AudioGraph; call: Call };

export interface LinkHooks {
  /** Read settings at the start of a connect (the engine keeps them for the session). */
  loadSettings(): Promise<Settings>;
  onMessage(data: unknown): void;
  signal(s: EngineSignal): void;
  /** The session is ready (first connect, or again after a reconnect). */
  onReady(resumed: boolean): void | Promise<void>;
  /** Forget turn state (held key, response gate) before a reconnect or teardown. */
  onReset(): void;
  onFail(error: EngineError): void;
  onMicGranted(): void;
  /** The microphone is attached (after the session may already be ready). */
  onMicReady(): void;
  /** The microphone could not be opened, for a reason other than permission: the session stays, text only. */
  onMicFailed(error: EngineError): void;
  /** True while a turn is in progress (a planned refresh waits for it). */
  busy(): boolean;
  changed(): void;
}

export function createLink(hooks: LinkHooks, options: { sessionRefreshMs?: number } = {}) {
  let res: Resources = { kind: 'none' };
  let timings: ConnectTimings = {};
  let model: string | undefined;
  let endpoint: string | undefined;
  let attemptNo: number | undefined;
  let readyWaiter: (() => void) | undefined;
  /** The call being set up or live; events of any other (replaced) call are ignored. */
  let activeCall: Call | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let connectStartedAt = 0;
  /** Start of what `timings.totalMs` measures: the user's click, or the reconnect attempt. */
  let totalFrom = 0;
  let micState: 'none' | 'opening' | 'ready' | 'failed' = 'none';
  /** A microphone opened in this document before (the permission stands unless revoked: then the mic fails). */
  let micOpenedBefore = false;
  /** A key minted ahead for the next attempt (the first of a connect), used once. */
  let pretoken: Promise<MintedToken> | undefined;

  async function connect(): Promise<void> {
    if (res.kind !== 'none') return;
    connectStartedAt = performance.now();
    const abort = new AbortController();
    res = { kind: 'preparing', abort };
    hooks.signal('prepare');
    try {
      // Inside the try: settings that cannot be read fail this connect with a message instead of leaving it stuck.
      const settings = await hooks.loadSettings();
      const t0 = performance.now();
      // The first key is fetched while the audio graph is built: neither needs the other.
      const firstToken = mintToken(settings, abort.signal);
      firstToken.catch(() => undefined); // its failure is handled where the first attempt awaits it
      pretoken = firstToken;
      // Asking for the permission state takes tens of ms here: once a mic opened in this document it is not asked
      // again, and otherwise it may not hold up the graph (no answer in time counts as "not granted").
      const graphReady = createAudioGraph();
      const permission = micOpenedBefore ? 'granted' : await Promise.race([queryMicPermission(), graphReady.then(() => 'unknown' as const)]);
      const graph = await graphReady;
      if (abort.signal.aborted) return void (await graph.close());
      const t1 = performance.now();
      timings = { prepareMs: t1 - connectStartedAt, settingsMs: t0 - connectStartedAt, graphMs: t1 - t0 };
      res = { kind: 'connecting', abort, graph };
      // A permission refusal rejects (the connect fails: the panel's permission step fixes it); other failures leave a
      // text-only session. With push-to-talk and a granted mic, the mic opens once the call is up: opening it costs
      // ~50 ms of this document's time and slowed the token fetch and SDP when run beside them. Otherwise it opens at
      // once, so hands-free is ready with it and a refusal fails before any call is made.
      micState = 'opening';
      let mic: Promise<void> | undefined;
      const startMic = (): Promise<void> => {
        const from = performance.now();
        return (mic ??= openMic(settings.micDeviceId).then(
          (stream) => {
            if (abort.signal.aborted) return void stream.getTracks().forEach((t) => t.stop());
            graph.attachMic(stream);
            micState = 'ready';
            micOpenedBefore = true;
            timings = { ...timings, micMs: performance.now() - from };
            hooks.onMicGranted();
            hooks.onMicReady();
            hooks.changed();
          },
          (e: unknown) => {
            if (abort.signal.aborted) return;
            const error = e instanceof EngineFailure ? e.engineError : undefined;
            if (!error || error.code === 'mic_permission' || error.code === 'mic_denied') throw e;
            micState = 'failed';
            hooks.onMicFailed(error);
            hooks.changed();
          },
        ));
      };
      if (settings.mode !== 'hands-free' && permission === 'granted') {
        await establish(settings, graph, abort, false, undefined, () => void startMic().catch(() => undefined));
        await mic; // a refusal after all (the grant was revoked meanwhile) fails the session like before
      } else {
        await Promise.all([startMic(), establish(settings, graph, abort, false, settings.mode === 'hands-free' ? startMic() : undefined)]);
      }
    } catch (e) {
      if (!abort.signal.aborted) {
        abort.abort();
        await fail(e);
      }
    }
  }

  /** `mic`: wait for it before ready (hands-free); `onLive`: runs as the session becomes ready (opens a deferred mic). */
  async function establish(settings: Settings, graph: AudioGraph, abort: AbortController, resumed: boolean, mic?: Promise<void>, onLive?: () => void): Promise<void> {
    res = { kind: 'connecting', abort, graph };
    hooks.signal('connect');
    for (let attempt = 1; ; attempt++) {
      attemptNo = attempt;
      hooks.changed();
      try {
        await attemptOnce(settings, graph, abort, resumed);
        break;
      } catch (e) {
        if (abort.signal.aborted) return;
        const failure = e instanceof EngineFailure ? e : undefined;
        if (!failure || failure.recovery === 'none' || attempt >= MAX_ATTEMPTS) throw e;
        const wait = failure.recovery === 'fresh-key' && attempt === 1 ? 0 : Math.max(backoffDelay(attempt), failure.retryAfterMs);
        await new Promise((r) => setTimeout(r, wait));
        if (abort.signal.aborted) return;
      }
    }
    await mic;
    if (abort.signal.aborted) return;
    timings = { ...timings, totalMs: performance.now() - totalFrom };
    attemptNo = undefined;
    onLive?.();
    hooks.signal('ready');
    await hooks.onReady(resumed);
  }

  async function attemptOnce(settings: Settings, graph: AudioGraph, abort: AbortController, resumed: boolean): Promise<void> {
    const t0 = performance.now();
    const early = pretoken;
    pretoken = undefined;
    const token = await (early ?? mintToken(settings, abort.signal));
    const t1 = performance.now();
    model = token.model;
    endpoint = new URL(token.realtime_url).origin;
    const mine: { call?: Call } = {};
    const ready = new Promise<void>((resolve) => (readyWaiter = resolve));
    const { call, timings: t } = await openCall(
      token,
      graph.sendTrack,
      {
        // Before openCall returns, this call is the current one; afterwards only while it is the active call.
        onMessage: (data) => {
          if (!mine.call || mine.call === activeCall) hooks.onMessage(data);
        },
        onLost: (reason) => {
          if (res.kind === 'live' && res.call === mine.call) void lose(reason);
        },
        onRemoteStream: (stream) => graph.playRemote(stream),
      },
      abort.signal,
    );
    mine.call = activeCall = call;
    abort.signal.addEventListener('abort', () => call.close(), { once: true }); // e.g. the mic was refused meanwhile
    const t2 = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const aborted = new Promise<never>((_, reject) => abort.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }));
    aborted.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EngineFailure({ code: 'session_timeout', message: 'The Realtime API did not start the session.', fix: 'Try again; if it persists, check the token service logs.' }, 'backoff')), READY_TIMEOUT_MS);
    });
    try {
      await Promise.race([ready, timeout, aborted]);
    } catch (e) {
      call.close();
      throw e;
    } finally {
      clearTimeout(timer);
    }
    if (abort.signal.aborted) {
      call.close();
      throw new DOMException('aborted', 'AbortError');
    }
    const t3 = performance.now();
    // totalMs: from the user's click (incl. mic and audio graph), or on a reconnect from this attempt.
    const prepareMs = resumed ? undefined : timings.prepareMs;
    timings = { ...(resumed ? {} : timings), prepareMs, tokenMs: t1 - t0, sdpMs: t.sdpMs, iceMs: t.iceMs, readyMs: t3 - t2 };
    // totalMs is taken once the session is ready (after the mic, on a first connect): see establish().
    totalFrom = resumed ? t0 : connectStartedAt;
    res = { kind: 'live', graph, call };
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, options.sessionRefreshMs ?? SESSION_REFRESH_MS);
  }

  /** The call dropped (or hit its cap): keep mic, graph and transcript; reconnect with a fresh key. */
  async function lose(reason: string): Promise<void> {
    if (res.kind !== 'live') return;
    const { graph, call } = res;
    activeCall = undefined;
    call.close();
    hooks.onReset();
    const abort = new AbortController();
    res = { kind: 'connecting', abort, graph };
    attemptNo = 1;
    hooks.signal('lost');
    console.info(`[engine] connection lost (${reason}); reconnecting`);
    try {
      await establish(await hooks.loadSettings(), graph, abort, true);
    } catch (e) {
      if (!abort.signal.aborted) await fail(e);
    }
  }

  function refresh(): void {
    if (res.kind !== 'live') return;
    if (hooks.busy()) {
      refreshTimer = setTimeout(refresh, 5_000);
      return;
    }
    void lose('session refresh before the 60-minute cap');
  }

  async function fail(e: unknown): Promise<void> {
    const error = e instanceof EngineFailure ? e.engineError : { code: 'unexpected', message: e instanceof Error ? e.message : String(e) };
    await teardown();
    hooks.onFail(error);
    hooks.signal('fail');
  }

  async function teardown(): Promise<void> {
    const old = res;
    res = { kind: 'none' };
    micState = 'none';
    pretoken = undefined;
    activeCall = undefined;
    clearTimeout(refreshTimer);
    hooks.onReset();
    if (old.kind === 'preparing' || old.kind === 'connecting') old.abort.abort();
    if (old.kind === 'live') old.call.close();
    if (old.kind === 'connecting' || old.kind === 'live') await old.graph.close();
  }

  return {
    connect,
    lose,
    teardown,
    /** session.created arrived on the call being set up. */
    sessionCreated(): void {
      readyWaiter?.();
      readyWaiter = undefined;
    },
    send(event: RealtimeClientEvent): boolean {
      return res.kind === 'live' ? res.call.send(event) : false;
    },
    graph(): AudioGraph | undefined {
      return res.kind === 'connecting' || res.kind === 'live' ? res.graph : undefined;
    },
    call(): Call | undefined {
      return res.kind === 'live' ? res.call : undefined;
    },
    get kind(): Resources['kind'] {
      return res.kind;
    },
    get timings(): ConnectTimings {
      return timings;
    },
    get model(): string | undefined {
      return model;
    },
    /** Origin of the Realtime API the token service sent us to (the stand-in in practice mode). */
    get endpoint(): string | undefined {
      return endpoint;
    },
    get attempt(): number | undefined {
      return attemptNo;
    },
    /** `opening` from connect until the mic is attached (or failed: text-only); `none` when disconnected. */
    get micState(): 'none' | 'opening' | 'ready' | 'failed' {
      return micState;
    },
  };
}

export type Link = ReturnType<typeof createLink>;
