/**
 * One call's session state machine: the `oai-events` protocol (docs/realtime-protocol.md#data-channel, docs/realtime-protocol.md#server-events-we-act-on). Every server event gets an
 * `event_…` id; client errors echo the client's `event_id`. The input side lives in input.ts, responses in response.ts.
 */
import { errors, type ApiError } from './errors.ts';
import { randomId } from './ids.ts';
import { InputTurns } from './input.ts';
import { textTokens } from './model.ts';
import type { RtcPeer } from './peer.ts';
import { isReasoningModel } from './models.ts';
import { planSteps } from './plan.ts';
import { PRACTICE_MIN_SCORE, practiceReply } from './practice.ts';
import { ResponseRun, type Item } from './response.ts';
import { applySessionPatch, voiceName, type EffectiveSession } from './session-config.ts';
import type { CallRecord, EmulatorStore, ScriptedReply } from './store.ts';
import { validateSession } from './validate.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const CLIENT_EVENTS = [
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.retrieve',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
  'output_audio_buffer.clear',
];

export class CallSession {
  readonly items: Item[] = [];
  readonly input: InputTurns;
  private active: ResponseRun | undefined;
  private runs = new Set<ResponseRun>();
  private assistantAudio = false;

  constructor(
    public session: EffectiveSession,
    readonly store: EmulatorStore,
    readonly record: CallRecord,
    readonly peer: RtcPeer,
  ) {
    const getSession = (): EffectiveSession => this.session;
    this.input = new InputTurns({
      get session() {
        return getSession();
      },
      store,
      record,
      send: (e) => this.send(e),
      error: (e, id) => this.error(e, id),
      appendItem: (it) => this.appendItem(it),
      bargeIn: () => this.bargeIn(),
      autoRespond: () => {
        if (!this.active) this.startResponse(undefined);
      },
    });
  }

  send(event: Obj): void {
    this.peer.send({ type: event.type, event_id: randomId('event'), ...event });
  }

  error(err: ApiError, clientEventId?: unknown): void {
    this.send({ type: 'error', error: { ...err, event_id: typeof clientEventId === 'string' ? clientEventId : null } });
  }

  onOpen(): void {
    this.session.expires_at = Math.floor(Date.now() / 1000) + 3600;
    this.send({ type: 'session.created', session: structuredClone(this.session) });
  }

  onMessage(text: string): void {
    let ev: unknown;
    try {
      ev = JSON.parse(text);
    } catch {
      this.recordEvent(text);
      return this.error(errors.invalidEvent('Invalid event: the message is not valid JSON.'));
    }
    this.recordEvent(ev);
    if (!isObj(ev) || typeof ev.type !== 'string')
      return this.error(errors.invalidEvent("The 'type' field is missing."), isObj(ev) ? ev.event_id : undefined);
    const id = ev.event_id;
    switch (ev.type) {
      case 'session.update':
        return this.sessionUpdate(ev, id);
      case 'input_audio_buffer.append':
        return; // WebRTC: audio comes on RTP; nothing to ack
      case 'input_audio_buffer.clear':
        return this.input.clear();
      case 'input_audio_buffer.commit': {
        this.input.commit(id);
        return;
      }
      case 'conversation.item.create':
        return this.itemCreate(ev, id);
      case 'conversation.item.retrieve':
        return this.withItem(ev, id, (it) =>
          this.send({ type: 'conversation.item.retrieved', item: structuredClone(it) }),
        );
      case 'conversation.item.delete':
        return this.withItem(ev, id, (it) => {
          this.items.splice(this.items.indexOf(it), 1);
          this.send({ type: 'conversation.item.deleted', item_id: it.id });
        });
      case 'conversation.item.truncate':
        return this.withItem(ev, id, (it) => this.truncate(it, ev, id));
      case 'response.create':
        return this.responseCreate(ev, id);
      case 'response.cancel': {
        const target = this.active;
        if (!target || (typeof ev.response_id === 'string' && ev.response_id !== target.id))
          return this.error(errors.cancelNotActive(), id);
        return target.cancel('client_cancelled');
      }
      case 'output_audio_buffer.clear':
        return this.clearOutputAudio();
      default:
        return this.error(
          errors.invalidEvent(
            `Invalid value: '${ev.type}'. Supported values are: ${CLIENT_EVENTS.map((t) => `'${t}'`).join(', ')}.`,
          ),
          id,
        );
    }
  }

  /** Tests read these; a long practice session keeps only the newest 2000. */
  private recordEvent(ev: unknown): void {
    const list = this.record.clientEvents;
    list.push(ev);
    if (list.length > 2000) list.splice(0, list.length - 2000);
  }

  onMic(pcm: Int16Array): void {
    this.input.onMic(pcm);
  }

  private sessionUpdate(ev: Obj, id: unknown): void {
    const err = validateSession(ev.session, 'session', this.session.model);
    if (err) return this.error(err, id);
    const patch = ev.session as Obj;
    const voice = ((patch.audio as Obj | undefined)?.output as Obj | undefined)?.voice;
    if (
      voice !== undefined &&
      this.assistantAudio &&
      JSON.stringify(voice) !== JSON.stringify(this.session.audio.output.voice)
    ) {
      return this.error(errors.cannotUpdateVoice(), id);
    }
    this.session = applySessionPatch(this.session, patch);
    this.input.configChanged();
    const delay = this.store.faults.sessionUpdatedDelayMs ?? 0;
    const reply = { type: 'session.updated', session: structuredClone(this.session) };
    if (delay > 0) setTimeout(() => this.send(reply), delay);
    else this.send(reply);
  }

  appendItem(item: Item, previousId?: unknown): string | null {
    if (previousId === 'root') {
      this.items.unshift(item);
      return null;
    }
    if (typeof previousId === 'string') {
      const i = this.items.findIndex((it) => it.id === previousId);
      this.items.splice(i + 1, 0, item);
      return previousId;
    }
    const prev = this.items.at(-1)?.id ?? null;
    this.items.push(item);
    return prev;
  }

  private withItem(ev: Obj, id: unknown, fn: (it: Item) => void): void {
    const it = this.items.find((x) => x.id === ev.item_id);
    if (!it) return this.error(errors.itemNotFound('item_id', String(ev.item_id)), id);
    fn(it);
  }

  private truncate(it: Item, ev: Obj, id: unknown): void {
    if (it.type !== 'message' || it.role !== 'assistant') {
      return this.error(
        {
          ...errors.invalidValue('item_id', it.id),
          message: 'Only model output audio messages can be truncated',
          code: 'unsupported_content_type',
        },
        id,
      );
    }
    const content = (it.content as Obj[])[0];
    if (content) content.transcript = '';
    this.send({
      type: 'conversation.item.truncated',
      item_id: it.id,
      content_index: ev.content_index ?? 0,
      audio_end_ms: ev.audio_end_ms ?? 0,
    });
  }

  private itemCreate(ev: Obj, id: unknown): void {
    const raw = ev.item;
    if (!isObj(raw)) return this.error(errors.missingParameter('item'), id);
    const type = raw.type ?? 'message';
    if (type === 'function_call_output') {
      if (typeof raw.call_id !== 'string') return this.error(errors.missingParameter('item.call_id'), id);
      if (!this.items.some((it) => it.type === 'function_call' && it.call_id === raw.call_id))
        return this.error(errors.unknownCallId(raw.call_id), id);
    } else if (type === 'message') {
      if (!['user', 'system', 'assistant'].includes(String(raw.role)))
        return this.error(errors.invalidValue('item.role', raw.role, ['user', 'assistant', 'system']), id);
      if (!Array.isArray(raw.content)) return this.error(errors.missingParameter('item.content'), id);
    } else if (type !== 'function_call') {
      return this.error(
        errors.invalidValue('item.type', type, ['message', 'function_call', 'function_call_output']),
        id,
      );
    }
    if (
      ev.previous_item_id !== undefined &&
      ev.previous_item_id !== 'root' &&
      ev.previous_item_id !== null &&
      !this.items.some((it) => it.id === ev.previous_item_id)
    ) {
      return this.error(errors.itemNotFound('previous_item_id', String(ev.previous_item_id)), id);
    }
    const item: Item = {
      ...structuredClone(raw),
      id: typeof raw.id === 'string' ? raw.id : randomId('item'),
      object: 'realtime.item',
      type: String(type),
      status: 'completed',
    };
    const prev = this.appendItem(item, ev.previous_item_id ?? undefined);
    this.send({ type: 'conversation.item.added', previous_item_id: prev, item: structuredClone(item) });
    this.send({ type: 'conversation.item.done', previous_item_id: prev, item: structuredClone(item) });
  }

  private responseCreate(ev: Obj, id: unknown): void {
    const opts = isObj(ev.response) ? ev.response : {};
    const outOfBand = opts.conversation === 'none';
    if (!outOfBand && this.active) return this.error(errors.activeResponse(this.active.id), id);
    this.startResponse(opts);
  }

  private startResponse(opts: Obj | undefined): void {
    const outOfBand = opts?.conversation === 'none';
    const reply: ScriptedReply = (outOfBand ? undefined : this.store.nextReply()) ?? this.practice();
    const steps = planSteps(reply, !outOfBand && isReasoningModel(this.session.model));
    const output = (opts?.audio as Obj | undefined)?.output as Obj | undefined;
    const modalities = (opts?.output_modalities as ('audio' | 'text')[] | undefined) ?? this.session.output_modalities;
    const run = new ResponseRun(
      {
        send: (e) => this.send(e),
        peer: this.peer,
        addItem: (it) => this.appendItem(it),
        inputTokens: () => this.inputTokens(),
        onAudioStopped: () => this.input.armIdleTimeout(),
        onFinished: (r) => {
          this.runs.delete(r);
          if (this.active === r) this.active = undefined;
          this.input.flushLate();
        },
      },
      {
        steps,
        modalities,
        voice: typeof output?.voice === 'string' ? output.voice : voiceName(this.session),
        speed: this.session.audio.output.speed,
        format: (output?.format as Obj | undefined) ?? this.session.audio.output.format,
        outOfBand,
        metadata: opts?.metadata ?? null,
        maxOutputTokens: opts?.max_output_tokens ?? this.session.max_output_tokens,
      },
    );
    if (!outOfBand) this.active = run;
    this.runs.add(run);
    if (modalities.includes('audio') && steps.some((st) => st.kind === 'message')) this.assistantAudio = true;
    run.start();
  }

  /** No scripted reply queued: answer the latest typed question from the reference pack (practice.ts). */
  private practice(): ScriptedReply {
    const snippetTool = this.session.tools.some((t) => t.type === 'function' && t.name === 'show_snippet');
    return practiceReply(this.items, this.store.reference, { minScore: PRACTICE_MIN_SCORE, snippetTool });
  }

  private inputTokens(): { text: number; audio: number } {
    let text = textTokens(this.session.instructions);
    for (const it of this.items) {
      for (const c of (it.content as Obj[] | undefined) ?? []) text += textTokens(String(c.text ?? c.transcript ?? ''));
      if (typeof it.output === 'string') text += textTokens(it.output);
    }
    return { text, audio: InputTurns.audioTokens(this.items) };
  }

  /** VAD speech during a response or playback: clear the audio, then cancel with `turn_detected` (§6 C). */
  private bargeIn(): void {
    const active = this.active;
    if (this.peer.playing) this.clearOutputAudio(active);
    active?.cancel('turn_detected');
  }

  /** Stops the RTP audio now. Runs still generating finish at once, except `cancelling` (about to be cancelled). */
  private clearOutputAudio(cancelling?: ResponseRun): void {
    const tags = this.peer.clearAudio();
    const responseId = tags[0] || this.active?.id || null;
    this.send({ type: 'output_audio_buffer.cleared', response_id: responseId });
    for (const run of this.runs) if (run !== cancelling && tags.includes(run.id)) run.audioCleared();
  }

  dispose(): void {
    this.input.dispose();
    for (const run of this.runs) run.dispose();
  }
}
