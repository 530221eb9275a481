/**
 * The engine's connection: microphone and audio graph, then a transport per attempt (fresh key, open, wait for
 * session.created), retries by EngineFailure.recovery, reconnects that keep the mic and graph, and the planned
 * refresh before the API's 60-minute cap. What exists is exactly what the phase owns (`Resources`).
 *
 * Everything it touches outside itself is injected (`LinkDeps`: key minting, the transport, audio graph, mic), and it
 * reports by events (`LinkEvents`), so it runs in unit tests with fakes and a second transport needs no change here.
 *
 * The send track comes from the audio graph, so the transport does not need the microphone: it opens off the critical
 * path (beside the call, or right after it for push-to-talk with a granted mic). Push-to-talk is ready without it (the
 * first press waits for it only if it is still opening); hands-free waits for it. A microphone that fails for want of
 * hardware leaves a text-only session (`micState` 'failed', typing still works); a missing permission stays an error,
 * since the panel's permission step fixes it.
 */
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { backoffDelay } from '@/lib/realtime/backoff';
import { EngineFailure, type EngineError } from '@/lib/realtime/failure';
import type { MintedToken } from '@/lib/realtime/token';
import type { OpenTransport, RealtimeTransport } from '@/lib/realtime/transport';
import type { Settings } from '@/lib/settings';
import type { AudioGraph } from './audio-graph';
import { createEmitter } from './emitter';
import type { EngineSignal } from './state-machine';
import type { ConnectTimings, MicPermission } from './types';

const MAX_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 10_000;
/** Reconnect on our own terms shortly before the API's 60-minute cap. */
const SESSION_REFRESH_MS = 58 * 60_000;

export interface LinkDeps {
  mintToken(settings: Settings, signal: AbortSignal): Promise<MintedToken>;
  openTransport: OpenTransport;
  createAudioGraph(): Promise<AudioGraph>;
  openMic(deviceId: string): Promise<MediaStream>;
  queryMicPermission(): Promise<MicPermission>;
}

/** What the link reports. `status` drives the engine's state machine; `reset` asks it to forget turn state. */
export interface LinkEvents {
  status: EngineSignal;
  /** The session is ready (first connect, or again after a reconnect). */
  ready: { resumed: boolean };
  /** The connect (or a reconnect) failed for good; resources are released. */
  failed: EngineError;
  /** A server event of the live transport (events of a replaced transport are dropped). */
  event: RealtimeServerEvent;
  /** Turn state (held key, response gate) is stale: before a reconnect and at teardown. */
  reset: undefined;
  /** The microphone is attached (possibly after the session is ready); its permission stands. */
  'mic-ready': undefined;
  /** The microphone could not be opened for a reason other than permission: the session stays, text only. */
  'mic-failed': EngineError;
  /** Something a snapshot shows changed (attempt, timings, mic state). */
  changed: undefined;
}

export interface LinkOptions {
  sessionRefreshMs?: number;
  /** True while a turn is in progress: the planned refresh waits for it. */
  busy?: () => boolean;
}

/** Where a connect reads its settings: at connect and again at every reconnect (a refreshed sign-in reaches the next key). */
export type SettingsSource = () => Promise<Settings>;

export type Resources =
  | { kind: 'none' }
  | { kind: 'preparing'; abort: AbortController }
  | { kind: 'connecting'; abort: AbortController; graph: AudioGraph }
  | { kind: 'live'; graph: AudioGraph; transport: RealtimeTransport };

export type MicState = 'none' | 'opening' | 'ready' | 'failed';

export function createLink(deps: LinkDeps, options: LinkOptions = {}) {
  const events = createEmitter<LinkEvents>();
  const emit = events.emit;
  let res: Resources = { kind: 'none' };
  let settingsSource: SettingsSource | undefined;
  let timings: ConnectTimings = {};
  let model: string | undefined;
  let endpoint: string | undefined;
  let attemptNo: number | undefined;
  let readyWaiter: (() => void) | undefined;
  /** The transport being set up or live; events of any other (replaced) transport are ignored. */
  let active: RealtimeTransport | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  let connectStartedAt = 0;
  /** Start of what `timings.totalMs` measures: the user's click, or the reconnect attempt. */
  let totalFrom = 0;
  let micState: MicState = 'none';
  /** A microphone opened in this document before (the permission stands unless revoked: then the mic fails). */
  let micOpenedBefore = false;
  /** A key minted ahead for the next attempt (the first of a connect), used once. */
  let pretoken: Promise<MintedToken> | undefined;

  async function connect(source: SettingsSource): Promise<void> {
    if (res.kind !== 'none') return;
    settingsSource = source;
    connectStartedAt = performance.now();
    const abort = new AbortController();
    res = { kind: 'preparing', abort };
    emit('status', 'prepare');
    try {
      // Inside the try: settings that cannot be read fail this connect with a message instead of leaving it stuck.
      const settings = await source();
      const t0 = performance.now();
      // The first key is fetched while the audio graph is built: neither needs the other.
      const firstToken = deps.mintToken(settings, abort.signal);
      firstToken.catch(() => undefined); // its failure is handled where the first attempt awaits it
      pretoken = firstToken;
      // Asking for the permission state takes tens of ms here: once a mic opened in this document it is not asked
      // again, and otherwise it may not hold up the graph (no answer in time counts as "not granted").
      const graphReady = deps.createAudioGraph();
      const permission = micOpenedBefore
        ? 'granted'
        : await Promise.race([deps.queryMicPermission(), graphReady.then(() => 'unknown' as const)]);
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
      const startMic = (): Promise<void> => (mic ??= openMicInto(graph, settings.micDeviceId, abort.signal));
      if (settings.mode !== 'hands-free' && permission === 'granted') {
        await establish(settings, graph, abort, false, undefined, () => void startMic().catch(() => undefined));
        await mic; // a refusal after all (the grant was revoked meanwhile) fails the session like before
      } else {
        await Promise.all([
          startMic(),
          establish(settings, graph, abort, false, settings.mode === 'hands-free' ? startMic() : undefined),
        ]);
      }
    } catch (e) {
      if (!abort.signal.aborted) {
        abort.abort();
        await fail(e);
      }
    }
  }

  function openMicInto(graph: AudioGraph, deviceId: string, signal: AbortSignal): Promise<void> {
    const from = performance.now();
    return deps.openMic(deviceId).then(
      (stream) => {
        if (signal.aborted) return void stream.getTracks().forEach((t) => t.stop());
        graph.attachMic(stream);
        micState = 'ready';
        micOpenedBefore = true;
        timings = { ...timings, micMs: performance.now() - from };
        emit('mic-ready', undefined);
        emit('changed', undefined);
      },
      (e: unknown) => {
        if (signal.aborted) return;
        const error = e instanceof EngineFailure ? e.engineError : undefined;
        if (!error || error.code === 'mic_permission' || error.code === 'mic_denied') throw e;
        micState = 'failed';
        emit('mic-failed', error);
        emit('changed', undefined);
      },
    );
  }

  /** `mic`: wait for it before ready (hands-free); `onLive`: runs as the session becomes ready (opens a deferred mic). */
  async function establish(
    settings: Settings,
    graph: AudioGraph,
    abort: AbortController,
    resumed: boolean,
    mic?: Promise<void>,
    onLive?: () => void,
  ): Promise<void> {
    res = { kind: 'connecting', abort, graph };
    emit('status', 'connect');
    for (let attempt = 1; ; attempt++) {
      attemptNo = attempt;
      emit('changed', undefined);
      try {
        await attemptOnce(settings, graph, abort, resumed);
        break;
      } catch (e) {
        if (abort.signal.aborted) return;
        const failure = e instanceof EngineFailure ? e : undefined;
        if (!failure || failure.recovery === 'none' || attempt >= MAX_ATTEMPTS) throw e;
        const wait =
          failure.recovery === 'fresh-key' && attempt === 1 ? 0 : Math.max(backoffDelay(attempt), failure.retryAfterMs);
        await new Promise((r) => setTimeout(r, wait));
        if (abort.signal.aborted) return;
      }
    }
    await mic;
    if (abort.signal.aborted) return;
    timings = {
      ...timings,
      totalMs: performance.now() - totalFrom,
      readyAt: performance.timeOrigin + performance.now(),
    };
    attemptNo = undefined;
    onLive?.();
    emit('status', 'ready');
    emit('ready', { resumed });
  }

  async function attemptOnce(
    settings: Settings,
    graph: AudioGraph,
    abort: AbortController,
    resumed: boolean,
  ): Promise<void> {
    const t0 = performance.now();
    const early = pretoken;
    pretoken = undefined;
    let t1 = t0;
    // The transport gets the key as it is minted: it prepares what does not need the key meanwhile.
    const key = (early ?? deps.mintToken(settings, abort.signal)).then((token) => {
      t1 = performance.now();
      model = token.model;
      endpoint = new URL(token.realtime_url).origin;
      return token;
    });
    key.catch(() => undefined); // a failed key rejects openTransport too, which is where it is handled
    const mine: { transport?: RealtimeTransport } = {};
    const ready = new Promise<void>((resolve) => (readyWaiter = resolve));
    const { transport, timings: t } = await deps.openTransport(
      key,
      graph.sendTrack,
      {
        // Before openTransport returns, this transport is the current one; afterwards only while it is the active one.
        onEvent: (event) => {
          if (mine.transport && mine.transport !== active) return;
          if (event.type === 'session.created') {
            readyWaiter?.();
            readyWaiter = undefined;
          }
          emit('event', event);
        },
        onLost: (reason) => {
          if (res.kind === 'live' && res.transport === mine.transport) void lose(reason);
        },
        onRemoteAudio: (stream) => graph.playRemote(stream),
      },
      abort.signal,
    );
    mine.transport = active = transport;
    abort.signal.addEventListener('abort', () => transport.close(), { once: true }); // e.g. the mic was refused meanwhile
    const t2 = performance.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const aborted = new Promise<never>((_, reject) =>
      abort.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true }),
    );
    aborted.catch(() => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new EngineFailure(
              {
                code: 'session_timeout',
                message: 'The Realtime API did not start the session.',
                fix: 'Try again; if it persists, check the token service logs.',
              },
              'backoff',
            ),
          ),
        READY_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([ready, timeout, aborted]);
    } catch (e) {
      transport.close();
      throw e;
    } finally {
      clearTimeout(timer);
    }
    if (abort.signal.aborted) {
      transport.close();
      throw new DOMException('aborted', 'AbortError');
    }
    const t3 = performance.now();
    // totalMs: from the user's click (incl. mic and audio graph), or on a reconnect from this attempt.
    const prepareMs = resumed ? undefined : timings.prepareMs;
    timings = {
      ...(resumed ? {} : timings),
      prepareMs,
      tokenMs: t1 - t0,
      sdpMs: t.sdpMs,
      iceMs: t.iceMs,
      readyMs: t3 - t2,
    };
    // totalMs is taken once the session is ready (after the mic, on a first connect): see establish().
    totalFrom = resumed ? t0 : connectStartedAt;
    res = { kind: 'live', graph, transport };
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, options.sessionRefreshMs ?? SESSION_REFRESH_MS);
  }

  /** The transport dropped (or hit its cap): keep mic, graph and transcript; reconnect with a fresh key. */
  async function lose(reason: string): Promise<void> {
    if (res.kind !== 'live') return;
    const { graph, transport } = res;
    active = undefined;
    transport.close();
    emit('reset', undefined);
    const abort = new AbortController();
    res = { kind: 'connecting', abort, graph };
    attemptNo = 1;
    emit('status', 'lost');
    console.info(`[engine] connection lost (${reason}); reconnecting`);
    try {
      await establish(await settingsSource!(), graph, abort, true);
    } catch (e) {
      if (!abort.signal.aborted) await fail(e);
    }
  }

  function refresh(): void {
    if (res.kind !== 'live') return;
    if (options.busy?.()) {
      refreshTimer = setTimeout(refresh, 5_000);
      return;
    }
    void lose('session refresh before the 60-minute cap');
  }

  async function fail(e: unknown): Promise<void> {
    const error =
      e instanceof EngineFailure
        ? e.engineError
        : { code: 'unexpected', message: e instanceof Error ? e.message : String(e) };
    await teardown();
    emit('failed', error);
    emit('status', 'fail');
  }

  async function teardown(): Promise<void> {
    const old = res;
    res = { kind: 'none' };
    micState = 'none';
    pretoken = undefined;
    active = undefined;
    readyWaiter = undefined;
    clearTimeout(refreshTimer);
    emit('reset', undefined);
    if (old.kind === 'preparing' || old.kind === 'connecting') old.abort.abort();
    if (old.kind === 'live') old.transport.close();
    if (old.kind === 'connecting' || old.kind === 'live') await old.graph.close();
  }

  return {
    on: events.on,
    connect,
    lose,
    teardown,
    send(event: RealtimeClientEvent): boolean {
      return res.kind === 'live' ? res.transport.send(event) : false;
    },
    /** The audio graph while connecting or live: the talk gate and playback. */
    graph(): AudioGraph | undefined {
      return res.kind === 'connecting' || res.kind === 'live' ? res.graph : undefined;
    },
    /** Incoming-audio drops of the live transport. */
    audioStats() {
      return res.kind === 'live' ? res.transport.audioStats() : Promise.resolve(undefined);
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
    get micState(): MicState {
      return micState;
    },
  };
}

export type Link = ReturnType<typeof createLink>;
