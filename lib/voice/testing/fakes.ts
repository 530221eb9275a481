/**
 * Fakes of everything the engine and link take from the browser, for unit tests: a scripted Realtime transport that
 * records what the engine sends and lets a test play the server, a token service, an audio graph and a microphone.
 * Not imported by the product.
 */
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { vi } from 'vitest';
import { EngineFailure } from '@/lib/realtime/failure';
import type { MintedToken } from '@/lib/realtime/token';
import type { OpenTransport, TransportHandlers } from '@/lib/realtime/transport';
import type { AudioGraph } from '../audio-graph';
import type { EngineDeps } from '../engine';
import type { MicPermission } from '../types';

export interface FakeCall {
  token: MintedToken;
  handlers: TransportHandlers;
  sent: RealtimeClientEvent[];
  closed: boolean;
  /** Play the server: deliver an event as the transport would. */
  serve(event: Record<string, unknown> & { type: string }): void;
  /** The connection drops (not closed by us). */
  drop(reason?: string): void;
}

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

export function createFakeDeps(options: { model?: string } = {}) {
  const calls: FakeCall[] = [];
  /** Failures of the next opens, in order (undefined: that open succeeds). */
  const openFailures: (EngineFailure | undefined)[] = [];
  const mintFailures: (EngineFailure | undefined)[] = [];
  /** While set, opens wait for `releaseOpen()` (a call still being set up). */
  let holdOpens: ReturnType<typeof deferred<void>> | undefined;
  /** Send session.created as soon as a transport opens (the real API does); off to test the ready timeout. */
  let autoCreate = true;
  let minted = 0;
  let micPermission: MicPermission = 'granted';
  let mic: ReturnType<typeof deferred<MediaStream>> | undefined;
  let micMode: 'instant' | 'manual' = 'instant';
  let micOpens = 0;

  const gateState = { isOpen: false, openedAt: 0 };
  const graph = {
    context: {} as AudioContext,
    sendTrack: {} as MediaStreamTrack,
    gate: {
      open: vi.fn(() => Object.assign(gateState, { isOpen: true, openedAt: Date.now() })),
      close: vi.fn(() => void (gateState.isOpen = false)),
      get isOpen() {
        return gateState.isOpen;
      },
      get openedAt() {
        return gateState.openedAt;
      },
    },
    attachMic: vi.fn(),
    playRemote: vi.fn(),
    setPlaybackMuted: vi.fn(),
    levels: { mic: { rms: 0, peak: 0, frames: 0 }, assistant: { rms: 0, peak: 0, frames: 0 } },
    close: vi.fn(async () => undefined),
  } satisfies AudioGraph;

  const openTransport: OpenTransport = async (key, _track, handlers, signal) => {
    const token = await key;
    const hold = holdOpens;
    if (hold) await hold.promise;
    const failure = openFailures.shift();
    if (failure) throw failure;
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
    const call: FakeCall = {
      token,
      handlers,
      sent: [],
      closed: false,
      serve: (event) => {
        if (!call.closed) handlers.onEvent(event as unknown as RealtimeServerEvent);
      },
      drop: (reason = 'data channel closed') => {
        if (!call.closed) handlers.onLost(reason);
      },
    };
    calls.push(call);
    if (autoCreate) queueMicrotask(() => call.serve({ type: 'session.created', session: { model: token.model } }));
    return {
      transport: {
        id: `rtc_${calls.length}`,
        send(event) {
          if (call.closed) return false;
          call.sent.push(event);
          return true;
        },
        close() {
          call.closed = true;
        },
        audioStats: async () => ({ packetsLost: 0, concealedSamples: 0 }),
      },
      timings: { sdpMs: 1, iceMs: 1 },
    };
  };

  const deps: EngineDeps = {
    mintToken: async () => {
      minted++;
      const failure = mintFailures.shift();
      if (failure) throw failure;
      return {
        value: `ek_${minted}`,
        expires_at: 0,
        model: options.model ?? 'gpt-realtime',
        voice: 'marin',
        language: 'en',
        realtime_url: 'http://127.0.0.1:9/v1/realtime/calls',
      } as MintedToken;
    },
    openTransport,
    createAudioGraph: async () => graph,
    openMic: () => {
      micOpens++;
      if (micMode === 'instant') return Promise.resolve({ getTracks: () => [] } as unknown as MediaStream);
      mic = deferred<MediaStream>();
      return mic.promise;
    },
    queryMicPermission: async () => micPermission,
    prewarmAudio: async () => undefined,
  };

  return {
    deps,
    graph,
    calls,
    /** The transport opened last. */
    get call(): FakeCall {
      const last = calls.at(-1);
      if (!last) throw new Error('no transport was opened');
      return last;
    },
    get minted() {
      return minted;
    },
    get micOpens() {
      return micOpens;
    },
    failNextOpen: (f: EngineFailure) => void openFailures.push(f),
    failNextMint: (f: EngineFailure) => void mintFailures.push(f),
    holdOpens: () => void (holdOpens = deferred<void>()),
    releaseOpens: () => {
      holdOpens?.resolve();
      holdOpens = undefined;
    },
    noSessionCreated: () => void (autoCreate = false),
    setMicPermission: (p: MicPermission) => void (micPermission = p),
    /** The mic waits for `micReady()`/`micFails()` instead of opening at once. */
    manualMic: () => void (micMode = 'manual'),
    micReady: () => mic?.resolve({ getTracks: () => [] } as unknown as MediaStream),
    micFails: (e: unknown) => mic?.reject(e),
  };
}

export type FakeDeps = ReturnType<typeof createFakeDeps>;

/** Poll until `cond` holds (vitest's `vi.waitFor`, real timers); fails the test naming `what` if not within `ms`. */
export function until(cond: () => boolean, what = 'condition', ms = 2_000): Promise<void> {
  return vi.waitFor(
    () => {
      if (!cond()) throw new Error(`timed out waiting for ${what}`);
    },
    { timeout: ms, interval: 5 },
  );
}

export const failure = (code: string, recovery: 'none' | 'fresh-key' | 'backoff') =>
  new EngineFailure({ code, message: code }, recovery);
