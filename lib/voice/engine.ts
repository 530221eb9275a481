/**
 * The voice engine: the single owner of mic, audio graph, peer connection and playback, living in the offscreen
 * document. It runs the state machine (state-machine.ts), talks the GA protocol (talk.ts, response gate), keeps the
 * transcript, runs tools, and recovers from drops with a fresh key and a text recap. The side panel only mirrors its
 * snapshots and sends commands.
 */
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { backoffDelay } from '@/lib/conversation/backoff';
import { classifyServerError } from '@/lib/conversation/errors';
import { parseServerEvent } from '@/lib/conversation/parse';
import { createResponseGate } from '@/lib/conversation/response-gate';
import { summarizeForReconnect } from '@/lib/conversation/summary';
import type { PageContext } from '@/lib/sfmc/types';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { createAudioGraph, GATE_DELAY_MS, type AudioGraph } from './audio-graph';
import { openCall, type Call } from './call';
import { createConversation } from './conversation';
import { isActivity, signalFor } from './event-signals';
import type { EngineIO } from './engine-io';
import { EngineFailure } from './failure';
import { openMic, queryMicPermission } from './mic';
import { isLive, modeOf, nextStatus, type EngineSignal } from './state-machine';
import { createTalkController } from './talk';
import { createEngineTools } from './tools';
import { mintToken } from './token';
import type { ConnectTimings, EngineCommand, EngineError, EngineSnapshot, EngineStatus, MicPermission } from './types';

const MAX_ATTEMPTS = 5;
const READY_TIMEOUT_MS = 10_000;
/** Reconnect on our own terms shortly before the API's 60-minute cap. */
const SESSION_REFRESH_MS = 58 * 60_000;

/** The engine's resources, by phase: what exists is exactly what the phase owns. */
type Resources =
  | { kind: 'none' }
  | { kind: 'preparing'; abort: AbortController }
  | { kind: 'connecting'; abort: AbortController; graph: AudioGraph }
  | { kind: 'live'; graph: AudioGraph; call: Call; startedAt: number };

export function createVoiceEngine(io: EngineIO, options: { sessionRefreshMs?: number } = {}) {
  let res: Resources = { kind: 'none' };
  let status: EngineStatus = 'idle';
  let settings: Settings = DEFAULT_SETTINGS;
  let timings: ConnectTimings = {};
  let error: EngineError | undefined;
  let micPermission: MicPermission = 'unknown';
  let muted = false;
  let model: string | undefined;
  let contextSent: string | undefined;
  let pageContext: PageContext | null = null;
  let reconnectAttempt: number | undefined;
  let audioStats = { packetsLost: 0, concealedSamples: 0 };
  let lastActivity = Date.now();
  let recentlyCancelled = 0;
  let pendingTalk = false;
  let readyWaiter: (() => void) | undefined;
  /** The call being set up or live; events of any other (replaced) call are ignored. */
  let activeCall: Call | undefined;
  let contextTimer: ReturnType<typeof setTimeout> | undefined;
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;

  const send = (event: RealtimeClientEvent) => (res.kind === 'live' ? res.call.send(event) : false);
  const responses = createResponseGate(send);
  const gate = {
    open: () => graph()?.gate.open(),
    close: () => graph()?.gate.close(),
  };
  const talk = createTalkController({
    send: (e) => {
      if (e.type === 'response.cancel') recentlyCancelled = Date.now();
      send(e);
    },
    gate,
    responses,
    stopPlayback: () => graph()?.setPlaybackMuted(true),
    now: () => performance.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    gateDelayMs: GATE_DELAY_MS,
  });
  const conversation = createConversation(io, () => publish());
  const tools = createEngineTools({ io, sharePageContext: () => settings.sharePageContext, addEntry: (entry) => conversation.add(entry) });

  function graph(): AudioGraph | undefined {
    return res.kind === 'connecting' || res.kind === 'live' ? res.graph : undefined;
  }

  function signal(s: EngineSignal): void {
    status = nextStatus(status, s);
    publish();
  }

  function snapshot(): EngineSnapshot {
    return {
      status,
      mode: modeOf(status),
      talkMode: settings.mode,
      micLive: graph()?.gate.isOpen ?? false,
      muted,
      micPermission,
      timings,
      usage: conversation.usage,
      transcript: conversation.entries,
      error,
      reconnectAttempt: status === 'reconnecting' || status === 'connecting' ? reconnectAttempt : undefined,
      contextSent,
      audio: audioStats,
      model,
    };
  }

  let publishQueued = false;
  function publish(): void {
    if (publishQueued) return;
    publishQueued = true;
    queueMicrotask(() => {
      publishQueued = false;
      io.publish(snapshot());
    });
  }

  const notice = (text: string) => conversation.notice(text);

  // ── connecting ────────────────────────────────────────────────────────────────────────────────────────────────
  let connectStartedAt = 0;
  async function connect(): Promise<void> {
    if (res.kind !== 'none') return;
    connectStartedAt = performance.now();
    const abort = new AbortController();
    res = { kind: 'preparing', abort };
    error = undefined;
    settings = await io.getSettings();
    signal('prepare');
    try {
      const mic = await openMic(settings.micDeviceId);
      micPermission = 'granted';
      const audioGraph = await createAudioGraph(mic);
      if (abort.signal.aborted) return void (await audioGraph.close());
      timings = { prepareMs: performance.now() - connectStartedAt };
      await establish(audioGraph, abort, false);
    } catch (e) {
      if (!abort.signal.aborted) await fail(e);
    }
  }

  /** Mint a key, open a call and wait for session.created; retries per EngineFailure.recovery. */
  async function establish(audioGraph: AudioGraph, abort: AbortController, resumed: boolean): Promise<void> {
    res = { kind: 'connecting', abort, graph: audioGraph };
    signal('connect');
    for (let attempt = 1; ; attempt++) {
      reconnectAttempt = attempt;
      try {
        await attemptOnce(audioGraph, abort);
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
    reconnectAttempt = undefined;
    signal('ready');
    lastActivity = Date.now();
    if (resumed) {
      const recap = summarizeForReconnect(conversation.entries);
      if (recap) send({ type: 'conversation.item.create', item: { type: 'message', role: 'system', content: [{ type: 'input_text', text: recap }] } });
      notice('Reconnected. The instructor has a recap of the conversation.');
    }
    contextSent = undefined;
    pageContext = (await io.getPageContext().catch(() => null)) ?? pageContext;
    sendPageContext();
    if (settings.mode === 'hands-free' && !muted) gate.open();
    if (pendingTalk) {
      pendingTalk = false;
      if (talk.press()) signal('talk-start');
    }
  }

  async function attemptOnce(audioGraph: AudioGraph, abort: AbortController): Promise<void> {
    const t0 = performance.now();
    const token = await mintToken(settings, abort.signal);
    const t1 = performance.now();
    model = token.model;
    const current: { call?: Call } = {};
    const ready = new Promise<void>((resolve) => (readyWaiter = resolve));
    const { call, timings: t } = await openCall(
      token,
      audioGraph.sendTrack,
      {
        // Messages of a call that was replaced are ignored; before openCall returns, the call is the current one.
        onMessage: (data) => {
          if (!current.call || current.call === activeCall) onMessage(data);
        },
        onLost: (reason) => {
          if (res.kind === 'live' && res.call === current.call) void lose(reason);
        },
        onRemoteStream: (stream) => audioGraph.playRemote(stream),
      },
      abort.signal,
    );
    current.call = activeCall = call;
    const t2 = performance.now();
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new EngineFailure({ code: 'session_timeout', message: 'The Realtime API did not start the session.', fix: 'Try again; if it persists, check the token service logs.' }, 'backoff')), READY_TIMEOUT_MS),
    );
    try {
      await Promise.race([ready, timeout]);
    } catch (e) {
      call.close();
      throw e;
    }
    const t3 = performance.now();
    // totalMs: from the user's connect (incl. mic and audio graph) or, on a reconnect, from this attempt.
    const prepareMs = status === 'reconnecting' ? undefined : timings.prepareMs;
    timings = { prepareMs, tokenMs: t1 - t0, sdpMs: t.sdpMs, iceMs: t.iceMs, readyMs: t3 - t2, totalMs: t3 - (prepareMs === undefined ? t0 : connectStartedAt) };
    res = { kind: 'live', graph: audioGraph, call, startedAt: Date.now() };
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refreshSession, options.sessionRefreshMs ?? SESSION_REFRESH_MS);
  }

  /** The call dropped (or hit its cap): keep mic, graph and transcript; reconnect with a fresh key. */
  async function lose(reason: string): Promise<void> {
    if (res.kind !== 'live') return;
    const { graph: audioGraph, call } = res;
    activeCall = undefined;
    call.close();
    talk.reset();
    responses.reset();
    const abort = new AbortController();
    res = { kind: 'connecting', abort, graph: audioGraph };
    reconnectAttempt = 1;
    signal('lost');
    console.info(`[engine] connection lost (${reason}); reconnecting`);
    try {
      await establish(audioGraph, abort, true);
    } catch (e) {
      if (!abort.signal.aborted) await fail(e);
    }
  }

  function refreshSession(): void {
    if (res.kind !== 'live') return;
    if (status !== 'ready') {
      refreshTimer = setTimeout(refreshSession, 5_000);
      return;
    }
    void lose('session refresh before the 60-minute cap');
  }

  async function fail(e: unknown): Promise<void> {
    error = e instanceof EngineFailure ? e.engineError : { code: 'unexpected', message: e instanceof Error ? e.message : String(e) };
    if (error.code === 'mic_denied' || error.code === 'mic_permission') micPermission = error.code === 'mic_denied' ? 'denied' : 'prompt';
    await teardown();
    signal('fail');
  }

  async function teardown(): Promise<void> {
    const old = res;
    res = { kind: 'none' };
    activeCall = undefined;
    clearTimeout(refreshTimer);
    clearTimeout(contextTimer);
    talk.reset();
    responses.reset();
    pendingTalk = false;
    if (old.kind === 'preparing' || old.kind === 'connecting') old.abort.abort();
    if (old.kind === 'live') old.call.close();
    if (old.kind === 'connecting' || old.kind === 'live') await old.graph.close();
  }

  async function disconnect(why?: string): Promise<void> {
    await teardown();
    error = undefined;
    signal('disconnect');
    if (why) notice(why);
  }

  // ── server events ─────────────────────────────────────────────────────────────────────────────────────────────
  function onMessage(data: unknown): void {
    const parsed = parseServerEvent(data);
    if (!parsed.ok) return void console.warn('[engine] unreadable server message', parsed.error);
    if ('unknown' in parsed) return void console.info('[engine] unknown server event', parsed.unknown.type);
    const event = parsed.event as unknown as { type: string; [k: string]: unknown };
    conversation.apply(event);
    responses.onServerEvent(event);
    if (isActivity(event.type)) lastActivity = Date.now();
    if (event.type === 'session.created') {
      readyWaiter?.();
      readyWaiter = undefined;
    } else if (event.type === 'input_audio_buffer.speech_started') {
      io.clearHighlight();
    } else if (event.type === 'output_audio_buffer.started') {
      graph()?.setPlaybackMuted(false); // a barge-in muted the previous reply locally
    } else if (event.type === 'response.done') {
      onResponseDone(parsed.event);
    } else if (event.type === 'error') {
      onServerError(event.error as { code?: string; type?: string; message?: string });
    }
    const s = signalFor(event.type);
    if (s) signal(s);
  }

  function onResponseDone(event: Parameters<typeof tools.callsIn>[0]): void {
    conversation.addUsage((event as { response?: { usage?: null } }).response?.usage, settings.prices);
    const calls = tools.callsIn(event);
    if (calls.length === 0) {
      if (!responses.audioPlaying) signal('response-done');
      return;
    }
    void tools.run(calls, send).then(() => responses.requestResponse());
  }

  function onServerError(err: { code?: string; type?: string; message?: string }): void {
    const verdict = classifyServerError(err, { recentlyCancelled: Date.now() - recentlyCancelled < 3_000 });
    if (verdict.benign) return;
    if (verdict.reconnect) return void lose(err.code ?? 'server asked to reconnect');
    if (verdict.engineError) {
      error = verdict.engineError;
      notice(`${verdict.engineError.message}${verdict.engineError.fix ? ` ${verdict.engineError.fix}` : ''}`);
    }
  }

  // ── page context ──────────────────────────────────────────────────────────────────────────────────────────────
  function sendPageContext(): void {
    if (res.kind !== 'live' || !settings.sharePageContext || !pageContext) return;
    if (pageContext.text === contextSent) return;
    const sent = send({ type: 'conversation.item.create', item: { type: 'message', role: 'system', content: [{ type: 'input_text', text: pageContext.text }] } });
    if (sent) {
      contextSent = pageContext.text;
      publish();
    }
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────────────────────────────
  async function command(cmd: EngineCommand): Promise<{ ok: boolean; error?: string }> {
    switch (cmd.type) {
      case 'connect':
        void connect();
        break;
      case 'disconnect':
        await disconnect();
        break;
      case 'talk-start':
        return talkStart();
      case 'talk-end':
        talkEnd();
        break;
      case 'talk-toggle':
        if (talk.pressed) talkEnd();
        else return talkStart();
        break;
      case 'interrupt':
        interrupt();
        break;
      case 'set-muted':
        muted = cmd.muted;
        if (muted) {
          talk.reset();
          gate.close();
        } else if (settings.mode === 'hands-free' && isLive(status)) gate.open();
        publish();
        break;
      case 'send-text':
        if (res.kind !== 'live') return { ok: false, error: 'Not connected' };
        interrupt();
        send({ type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: cmd.text }] } });
        conversation.add({ id: `text_${Date.now()}`, role: 'user', text: cmd.text, status: 'done', at: Date.now() });
        responses.requestResponse();
        lastActivity = Date.now();
        break;
      case 'clear-transcript':
        conversation.clear();
        break;
      case 'recheck-mic':
        micPermission = await queryMicPermission();
        if (micPermission === 'granted' && status === 'error' && error?.code.startsWith('mic_')) void connect();
        publish();
        break;
    }
    return { ok: true };
  }

  function talkStart(): { ok: boolean; error?: string } {
    lastActivity = Date.now();
    if (isLive(status)) error = undefined; // a non-fatal error banner goes away with the next turn
    if (muted) return { ok: false, error: 'Microphone is muted' };
    if (status === 'idle' || status === 'error') {
      pendingTalk = true;
      void connect();
      return { ok: true };
    }
    if (res.kind !== 'live') {
      pendingTalk = true;
      return { ok: true };
    }
    io.clearHighlight();
    if (settings.mode === 'hands-free') return interrupt(), { ok: true };
    if (talk.press()) signal('talk-start');
    return { ok: true };
  }

  function talkEnd(): void {
    pendingTalk = false;
    lastActivity = Date.now();
    const outcome = talk.release();
    if (outcome === 'committed') signal('talk-end');
    else if (outcome === 'dropped') signal('talk-cancel');
  }

  function interrupt(): void {
    io.clearHighlight();
    if (responses.responseActive) {
      recentlyCancelled = Date.now();
      send({ type: 'response.cancel' });
    }
    if (responses.audioPlaying) send({ type: 'output_audio_buffer.clear' });
    graph()?.setPlaybackMuted(true);
  }

  // ── housekeeping ──────────────────────────────────────────────────────────────────────────────────────────────
  const housekeeping = setInterval(async () => {
    if (res.kind !== 'live') return;
    const idleMinutes = settings.idleDisconnectMinutes;
    if (idleMinutes > 0 && status === 'ready' && Date.now() - lastActivity > idleMinutes * 60_000) {
      return void disconnect(`Disconnected after ${idleMinutes} idle minutes so a forgotten panel does not bill you. Press Connect or hold the talk key to continue.`);
    }
    const stats = await res.call.pc.getStats().catch(() => undefined);
    stats?.forEach((s: { type: string; kind?: string; packetsLost?: number; concealedSamples?: number }) => {
      if (s.type === 'inbound-rtp' && s.kind === 'audio') audioStats = { packetsLost: s.packetsLost ?? 0, concealedSamples: s.concealedSamples ?? 0 };
    });
    publish();
  }, 2_000);

  return {
    command,
    snapshot,
    onPageContext(ctx: PageContext): void {
      pageContext = ctx;
      clearTimeout(contextTimer);
      contextTimer = setTimeout(sendPageContext, 600);
    },
    restore: () => conversation.restore(),
    levels: () => graph()?.levels,
    gateOpenedAt: () => graph()?.gate.openedAt ?? 0,
    dispose(): void {
      clearInterval(housekeeping);
      void teardown();
    },
  };
}

export type VoiceEngine = ReturnType<typeof createVoiceEngine>;
