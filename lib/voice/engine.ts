/**
 * The voice engine: the single owner of mic, audio graph, transport and playback, living in the offscreen document.
 * The connection lives in link.ts (it reports by events); this file runs the state machine (state-machine.ts), the
 * turn protocol (lib/talk/push-to-talk.ts and the response gate), the conversation record, tools and the commands the side panel, the
 * shortcuts and the hold key send. Page context (page-context.ts) and the periodic checks (housekeeping.ts) are parts
 * of their own. Everything outside the offscreen document's logic is injected (`EngineDeps`, `EngineIO`), so the
 * engine runs in unit tests with a fake transport (engine.test.ts). The side panel only mirrors its snapshots.
 */
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { classifyServerError } from '@/lib/realtime/errors';
import type { AudioStats } from '@/lib/realtime/transport';
import { createResponseGate } from '@/lib/conversation/response-gate';
import { summarizeForReconnect } from '@/lib/conversation/summary';
import { createTranscriptPublisher } from '@/lib/conversation/transcript-sync';
import type { PageContext } from '@/lib/sfmc/types';
import { walkthroughModelItem } from '@/lib/walkthrough/state';
import { pageErrors } from '@/lib/walkthrough/explain-error';
import { pricesFor } from '@/lib/conversation/prices';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { CommandReply } from '@/lib/messaging/protocol';
import { createConversation } from './conversation-record';
import type { EngineIO } from './engine-io';
import { isActivity, signalFor } from './event-signals';
import { createHousekeeping } from './housekeeping';
import { createLink, type LinkDeps } from './link';
import { createPageContextFeed } from './page-context';
import { isLive, modeOf, nextStatus, type EngineSignal } from './state-machine';
import { capStopText, capWarningText, evaluateCaps, type CapVerdict } from './caps';
import { createPanelPresence, listenForPanels } from './panel-presence';
import { createEngineTools } from './tool-handlers';
import { createTalkController, GATE_DELAY_MS } from '@/lib/talk/push-to-talk';
import type { DeliveredCommand, EngineError, EngineSnapshot, EngineStatus, MicPermission } from './types';

type Reply = CommandReply;

export const HOLD_KEY_IDLE_HINT =
  'The hold key talks in an open session only. Connect from the side panel (or press Alt+Shift+K), then hold the key to talk.';

/** What the engine uses of the browser: the link's parts (key minting, transport, audio graph, mic) and audio warm-up. */
export interface EngineDeps extends LinkDeps {
  prewarmAudio(): Promise<unknown>;
}

export function createVoiceEngine(io: EngineIO, deps: EngineDeps, options: { sessionRefreshMs?: number } = {}) {
  let status: EngineStatus = 'idle';
  let settings: Settings = DEFAULT_SETTINGS;
  let error: EngineError | undefined;
  let micPermission: MicPermission = 'unknown';
  let muted = false;
  let audioStats: AudioStats = { packetsLost: 0, concealedSamples: 0 };
  let recentlyCancelled = 0;
  /** The talk key went down before the session was ready: start listening once it is. */
  let pendingTalk = false;
  /** A question typed before the session was ready: sent once it is. */
  let pendingText: string | undefined;
  /** Wall clock of this session's first ready (kept across reconnects) and the cost total then: for the caps. */
  let session: { startedAt: number; costAtStart: number; caps: CapVerdict } | undefined;
  const panels = createPanelPresence(() => Date.now());
  const stopPanelWatch = listenForPanels((m) => panels.onMessage(m));

  const link = createLink(deps, { sessionRefreshMs: options.sessionRefreshMs, busy: () => status !== 'ready' });
  /** Settings are read at connect and at every reconnect; the engine keeps the session's copy. */
  const readSettings = async () => (settings = await io.getSettings());
  /** `given`: the settings a connect command brought along, used for its first key; reconnects read fresh ones. */
  const connect = (given?: Settings) => {
    let first = given;
    void link.connect(async () => {
      if (!first) return readSettings();
      settings = first;
      first = undefined;
      return settings;
    });
  };
  link.on('status', signal);
  link.on('event', onServerEvent);
  link.on('ready', ({ resumed }) => onReady(resumed));
  link.on('reset', () => {
    talk.reset();
    responses.reset();
  });
  link.on('failed', (e) => {
    error = e;
    if (e.code === 'mic_denied' || e.code === 'mic_permission')
      micPermission = e.code === 'mic_denied' ? 'denied' : 'prompt';
    pendingTalk = false;
    pendingText = undefined;
  });
  link.on('mic-ready', () => {
    micPermission = 'granted';
    onMicReady();
  });
  link.on('mic-failed', (e) => {
    pendingTalk = false;
    conversation.notice(`${e.message} This session is text only: type your question below. ${e.fix ?? ''}`.trim());
  });
  link.on('changed', () => publish());
  const send = (event: RealtimeClientEvent) => link.send(event);
  const responses = createResponseGate(send);
  const gate = { open: () => link.graph()?.gate.open(), close: () => link.graph()?.gate.close() };
  const talk = createTalkController({
    send: (e) => {
      if (e.type === 'response.cancel') recentlyCancelled = Date.now();
      send(e);
    },
    gate,
    responses,
    stopPlayback: () => link.graph()?.setPlaybackMuted(true),
    now: () => performance.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    gateDelayMs: GATE_DELAY_MS,
  });
  const conversation = createConversation(io, () => publish());
  const tools = createEngineTools({
    io,
    sharePageContext: () => settings.sharePageContext,
    addEntry: (entry) => conversation.add(entry),
  });
  const page = createPageContextFeed({
    send,
    live: () => link.kind === 'live',
    sharing: () => settings.sharePageContext,
    changed: () => publish(),
  });
  const housekeeping = createHousekeeping({
    now: () => Date.now(),
    live: () => link.kind === 'live',
    status: () => status,
    settings: () => settings,
    sessionStartedAt: () => session?.startedAt,
    panelClosedForMs: (since) => panels.closedForMs(since),
    disconnect: (why) => void disconnect(why),
    checkCaps,
    audioStats: () => link.audioStats(),
    onAudioStats: (stats) => {
      audioStats = stats;
      publish();
    },
  });

  function signal(s: EngineSignal): void {
    status = nextStatus(status, s);
    publish();
  }

  function snapshot(): EngineSnapshot {
    return {
      status,
      mode: modeOf(status),
      talkMode: settings.mode,
      micLive: link.graph()?.gate.isOpen ?? false,
      muted,
      micPermission,
      timings: link.timings,
      usage: conversation.usage,
      transcript: conversation.entries,
      transcriptRev: transcriptPublisher.rev,
      error,
      reconnectAttempt: status === 'reconnecting' || status === 'connecting' ? link.attempt : undefined,
      contextSent: page.sent,
      pageErrors: settings.sharePageContext ? pageErrors(page.current) : [],
      audio: audioStats,
      model: link.model,
      endpoint: link.endpoint,
      caps: session?.caps,
      micOpening: link.micState === 'opening' || undefined,
      textOnly: link.micState === 'failed' || undefined,
    };
  }

  /** The mic came on after the session was ready: a press that waited for it starts listening now. */
  function onMicReady(): void {
    if (settings.mode === 'hands-free' && link.kind === 'live' && !muted) gate.open();
    if (pendingTalk && link.kind === 'live') {
      pendingTalk = false;
      if (talk.press()) signal('talk-start');
    }
  }

  /** Cost and minutes caps: a notice at 80 %, a disconnect that says why at 100 %. */
  function checkCaps(): void {
    if (!session) return;
    const limits = { costCapUsd: settings.costCapUsd ?? 0, minutesCap: settings.minutesCap ?? 0 };
    const used = {
      costUsd: conversation.usage.costUsd - session.costAtStart,
      minutes: (Date.now() - session.startedAt) / 60_000,
    };
    const verdict = evaluateCaps(used, limits);
    const warnedBefore = session.caps.level === 'warn';
    session.caps = verdict;
    if (verdict.level === 'stop') return void disconnect(capStopText(verdict, limits));
    if (verdict.level === 'warn' && !warnedBefore) conversation.notice(capWarningText(verdict, used, limits));
    publish();
  }

  const transcriptPublisher = createTranscriptPublisher();
  let publishQueued = false;
  function publish(): void {
    if (publishQueued) return;
    publishQueued = true;
    queueMicrotask(() => {
      publishQueued = false;
      const { transcript, ...rest } = snapshot();
      io.publish({ snapshot: rest, transcript: transcriptPublisher.delta(transcript) });
    });
  }

  async function onReady(resumed: boolean): Promise<void> {
    housekeeping.touch();
    if (!resumed || !session)
      session = { startedAt: Date.now(), costAtStart: conversation.usage.costUsd, caps: { level: 'ok', share: 0 } };
    if (resumed) {
      const recap = summarizeForReconnect(conversation.entries);
      if (recap)
        send({
          type: 'conversation.item.create',
          item: { type: 'message', role: 'system', content: [{ type: 'input_text', text: recap }] },
        });
      conversation.notice('Reconnected. The instructor has a recap of the conversation.');
    }
    await page.resend(() => io.getPageContext());
    if (settings.mode === 'hands-free' && !muted) gate.open();
    if (pendingText !== undefined) {
      const text = pendingText;
      pendingText = undefined;
      sendText(text);
    }
    if (pendingTalk && link.micState !== 'opening') {
      pendingTalk = false; // still opening: onMicReady presses
      if (link.micState === 'ready' && talk.press()) signal('talk-start');
    }
  }

  async function disconnect(why?: string): Promise<void> {
    page.stop();
    session = undefined;
    pendingTalk = false;
    pendingText = undefined;
    await link.teardown();
    error = undefined;
    signal('disconnect');
    if (why) conversation.notice(why);
    void deps.prewarmAudio().catch(() => undefined);
  }

  // ── server events ─────────────────────────────────────────────────────────────────────────────────────────────
  /** A server event of the live transport, parsed and checked there (lib/realtime/parse.ts). */
  function onServerEvent(event: RealtimeServerEvent): void {
    // The transcript reducer and the response gate read any event defensively, field by field.
    const loose = event as unknown as { type: string; [k: string]: unknown };
    conversation.apply(loose);
    responses.onServerEvent(loose);
    if (isActivity(event.type)) housekeeping.touch();
    switch (event.type) {
      case 'response.created':
        // A response we asked for before this key press started only now: the user is talking over it, so it is stale.
        if (talk.pressed) {
          recentlyCancelled = Date.now();
          send({ type: 'response.cancel' });
        }
        break;
      case 'input_audio_buffer.speech_started':
        io.clearHighlight();
        break;
      case 'output_audio_buffer.started':
        link.graph()?.setPlaybackMuted(false); // a barge-in muted the last reply
        break;
      case 'response.done':
        onResponseDone(event);
        break;
      case 'error':
        onServerError(event.error);
        break;
    }
    const s = signalFor(event.type);
    if (s) signal(s);
  }

  function onResponseDone(event: Extract<RealtimeServerEvent, { type: 'response.done' }>): void {
    const response = event.response;
    // Prices follow the session's model (a dated snapshot bills at its family's row).
    conversation.addUsage(response.usage, pricesFor(link.model, settings.prices), response.id);
    checkCaps();
    const calls = tools.callsIn(event);
    if (calls.length === 0) {
      if (!responses.audioPlaying) signal('response-done');
      return;
    }
    // Answer the calls; ask for the follow-up unless the user started talking meanwhile (their commit asks for it).
    void tools.run(calls, send).then(() => {
      if (!talk.pressed && status !== 'listening') responses.requestResponse();
    });
  }

  function onServerError(err: { code?: string | null; type?: string; message?: string }): void {
    const verdict = classifyServerError(err, { recentlyCancelled: Date.now() - recentlyCancelled < 3_000 });
    if (verdict.benign) return;
    if (verdict.reconnect) return void link.lose(err.code ?? 'server asked to reconnect');
    if (verdict.engineError) {
      error = verdict.engineError;
      conversation.notice(
        `${verdict.engineError.message}${verdict.engineError.fix ? ` ${verdict.engineError.fix}` : ''}`,
      );
    }
  }

  // ── commands ──────────────────────────────────────────────────────────────────────────────────────────────────
  async function command(cmd: DeliveredCommand): Promise<Reply> {
    switch (cmd.type) {
      case 'connect':
        error = undefined;
        connect(cmd.settings);
        break;
      case 'disconnect':
        await disconnect();
        break;
      case 'talk-start':
        return talkStart(cmd.via);
      case 'talk-end':
        talkEnd();
        break;
      case 'talk-toggle':
        return talk.pressed ? (talkEnd(), { ok: true }) : talkStart(cmd.via);
      case 'interrupt':
        interrupt();
        break;
      case 'set-muted':
        setMuted(cmd.muted);
        break;
      case 'send-text':
        return sendText(cmd.text);
      case 'clear-transcript':
        conversation.clear();
        break;
      case 'recheck-mic':
        micPermission = await deps.queryMicPermission();
        if (micPermission === 'granted' && status === 'error' && error?.code.startsWith('mic_')) {
          error = undefined;
          connect();
        }
        publish();
        break;
    }
    return { ok: true };
  }

  function talkStart(via: 'panel' | 'hold-key' | 'command'): Reply {
    housekeeping.touch();
    if (muted) return { ok: false, error: 'Microphone is muted' };
    if (status === 'idle' || status === 'error') {
      // The hold key lives in SFMC's pages: it may talk in a session the user opened, never open one by itself.
      if (via === 'hold-key') return holdKeyWhileIdle();
      pendingTalk = true;
      error = undefined;
      connect();
      return { ok: true };
    }
    if (link.kind !== 'live') return ((pendingTalk = true), { ok: true });
    if (link.micState === 'failed') return micUnavailable();
    if (link.micState === 'opening') {
      // The session is up before the mic (push-to-talk does not wait for it): this press waits, and says so.
      if (!pendingTalk)
        conversation.notice('The microphone is still starting: keep holding, listening begins in a moment.');
      pendingTalk = true;
      return { ok: true };
    }
    error = undefined; // a non-fatal error banner goes away with the next turn
    io.clearHighlight();
    responses.dropQueued(); // an answer still waiting to start would be stale once the user talks
    if (settings.mode === 'hands-free') return (interrupt(), { ok: true });
    if (talk.press()) signal('talk-start');
    return { ok: true };
  }

  function micUnavailable(): Reply {
    const hint =
      'The microphone is not available in this session: type your question instead, or reconnect after fixing the microphone.';
    if (conversation.entries.at(-1)?.text !== hint) conversation.notice(hint);
    return { ok: false, error: hint };
  }

  function holdKeyWhileIdle(): Reply {
    const hint = HOLD_KEY_IDLE_HINT;
    if (conversation.entries.at(-1)?.text !== hint) conversation.notice(hint);
    return { ok: false, error: hint };
  }

  function talkEnd(): void {
    pendingTalk = false;
    housekeeping.touch();
    const outcome = talk.release();
    if (outcome === 'committed') signal('talk-end');
    else if (outcome === 'dropped') signal('talk-cancel');
  }

  function interrupt(): void {
    io.clearHighlight();
    responses.dropQueued();
    if (responses.responseActive) {
      recentlyCancelled = Date.now();
      send({ type: 'response.cancel' });
    }
    if (responses.audioPlaying) send({ type: 'output_audio_buffer.clear' });
    link.graph()?.setPlaybackMuted(true);
  }

  function setMuted(on: boolean): void {
    muted = on;
    if (muted) {
      talk.reset();
      gate.close();
    } else if (settings.mode === 'hands-free' && isLive(status)) gate.open();
    publish();
  }

  function sendText(text: string): Reply {
    if (link.kind !== 'live') {
      // Typing is a way to start too: connect (a user action in the panel) and send the question once ready.
      pendingText = text;
      if (status === 'idle' || status === 'error') {
        error = undefined;
        connect();
      }
      return { ok: true };
    }
    error = undefined; // a non-fatal error banner goes away with the next turn
    interrupt();
    send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
    });
    conversation.add({ id: `text_${Date.now()}`, role: 'user', text, status: 'done', at: Date.now() });
    responses.requestResponse();
    housekeeping.touch();
    return { ok: true };
  }

  return {
    command,
    snapshot,
    onPageContext: (ctx: PageContext) => page.update(ctx),
    /**
     * A walkthrough step was done (or skipped, missed, stopped): a line in the transcript, one data item for the
     * model, and a response through the gate — never over the user's own turn (their commit asks for one anyway).
     */
    onWalkthroughItem(text: string): void {
      conversation.notice(text);
      if (link.kind !== 'live') return;
      send({
        type: 'conversation.item.create',
        item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: walkthroughModelItem(text) }] },
      });
      if (!talk.pressed && status !== 'listening') responses.requestResponse();
    },
    restore: () => conversation.restore(),
    /** Warm the audio context and worklet now so a later connect only opens the mic. */
    prewarm: () => deps.prewarmAudio().catch((e: unknown) => console.warn('[engine] audio prewarm failed', e)),
    levels: () => link.graph()?.levels,
    gateOpenedAt: () => link.graph()?.gate.openedAt ?? 0,
    dispose(): void {
      housekeeping.stop();
      page.stop();
      stopPanelWatch();
      void link.teardown();
    },
  };
}

export type VoiceEngine = ReturnType<typeof createVoiceEngine>;
