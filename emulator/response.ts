/**
 * One model response, emitting the GA orders of docs/realtime-protocol.md#server-events-we-act-on (spoken message) and docs/realtime-protocol.md#function-calls
 * for each step of its plan (plan.ts): created → per message: item/part added → output_audio_buffer.started when
 * the response's RTP audio starts → transcript deltas timed along that message's playback → audio/transcript/part/item
 * done; per function call: item added → argument deltas → done → response.done (+usage) → rate_limits.updated.
 * output_audio_buffer.stopped comes once, from the player, after the response's last audio has really been played.
 */
import { randomId } from './ids.ts';
import { splitDeltas, textTokens } from './model.ts';
import type { RtcPeer } from './peer.ts';
import type { OutputStep } from './plan.ts';
import { SAMPLE_RATE, synthesize } from './speech.ts';
import type { ScriptedToolCall } from './store.ts';

type Obj = Record<string, unknown>;
export type Item = Obj & { id: string; type: string };

export interface ResponsePlan {
  steps: OutputStep[];
  modalities: ('audio' | 'text')[];
  voice: string;
  speed: number;
  format: Obj;
  outOfBand: boolean;
  metadata: unknown;
  maxOutputTokens: unknown;
}

export interface ResponseHost {
  send(event: Obj): void;
  peer: RtcPeer;
  /** Appends a model item to the conversation; returns the previous item id. */
  addItem(item: Item): string | null;
  inputTokens(): { text: number; audio: number };
  onAudioStopped(responseId: string): void;
  onFinished(run: ResponseRun): void;
}

interface MessageState {
  item: Item;
  prev: string | null;
  index: number;
  sent: string;
  deltas: string[];
  next: number;
}

export class ResponseRun {
  readonly id = randomId('resp');
  status: 'in_progress' | 'completed' | 'cancelled' = 'in_progress';
  private output: Item[] = [];
  private timers: NodeJS.Timeout[] = [];
  private message?: MessageState;
  private step = 0;
  private speech = new Map<number, Promise<Int16Array>>();
  /** Segments queued on the peer and not yet played out. */
  private pending = 0;
  private audioStarted = false;
  private stoppedSent = false;
  /** The client cleared the output audio: the rest of this response is generated without playing it. */
  private cleared = false;
  /** Audio queued so far (ms) and audio fully played (ms); `playing` is the segment on the wire now. */
  private queuedMs = 0;
  private playedMs = 0;
  private playing?: { from: number; ms: number };

  constructor(
    private host: ResponseHost,
    private plan: ResponsePlan,
  ) {}

  private get audio(): boolean {
    return this.plan.modalities.includes('audio');
  }

  private shell(): Obj {
    const { plan } = this;
    return {
      id: this.id,
      object: 'realtime.response',
      status: this.status,
      status_details: null,
      output: [],
      conversation_id: plan.outOfBand ? null : 'conv_emulator',
      output_modalities: plan.modalities,
      max_output_tokens: plan.maxOutputTokens,
      audio: { output: { format: plan.format, voice: plan.voice } },
      usage: null,
      metadata: plan.metadata ?? null,
    };
  }

  private ids(m: MessageState): Obj {
    return { response_id: this.id, item_id: m.item.id, output_index: m.index, content_index: 0 };
  }

  private addOutputItem(item: Item): string | null {
    const index = this.output.length;
    this.output.push(item);
    this.host.send({
      type: 'response.output_item.added',
      response_id: this.id,
      output_index: index,
      item: structuredClone(item),
    });
    const prev = this.plan.outOfBand ? null : this.host.addItem(item);
    if (!this.plan.outOfBand)
      this.host.send({ type: 'conversation.item.added', previous_item_id: prev, item: structuredClone(item) });
    return prev;
  }

  private finishOutputItem(item: Item, prev: string | null, status: string): void {
    item.status = status;
    this.host.send({
      type: 'response.output_item.done',
      response_id: this.id,
      output_index: this.output.indexOf(item),
      item: structuredClone(item),
    });
    if (!this.plan.outOfBand)
      this.host.send({ type: 'conversation.item.done', previous_item_id: prev, item: structuredClone(item) });
  }

  start(): void {
    this.host.send({ type: 'response.created', response: this.shell() });
    // Synthesis of every message starts now, so the answer is ready when the preamble's audio ends (no gap).
    if (this.audio) {
      this.plan.steps.forEach((s, i) => {
        if (s.kind === 'message') this.speech.set(i, synthesize(s.text, this.plan.voice, this.plan.speed));
      });
    }
    this.nextStep();
  }

  /** Emits function calls at once and starts the next message; finishes the response after the last step. */
  private nextStep(): void {
    while (this.status === 'in_progress' && this.step < this.plan.steps.length) {
      const index = this.step++;
      const s = this.plan.steps[index];
      if (s.kind === 'tool') {
        this.emitToolCall(s.call);
        continue;
      }
      void this.startMessage(index, s.text, s.phase);
      return;
    }
    if (this.status === 'in_progress') this.finish('completed');
  }

  private async startMessage(stepIndex: number, text: string, phase: string | undefined): Promise<void> {
    const item: Item = {
      id: randomId('item'),
      object: 'realtime.item',
      type: 'message',
      status: 'in_progress',
      role: 'assistant',
      ...(phase ? { phase } : {}),
      content: [],
    };
    const index = this.output.length;
    const prev = this.addOutputItem(item);
    const m: MessageState = { item, prev, index, sent: '', deltas: splitDeltas(text), next: 0 };
    this.message = m;
    this.host.send({
      type: 'response.content_part.added',
      ...this.ids(m),
      part: this.audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' },
    });
    if (!this.audio) {
      this.scheduleDeltas(m.deltas.map((_, i) => 30 * (i + 1)));
      return;
    }
    const pcm = await this.speech.get(stepIndex)!;
    if (this.status !== 'in_progress' || this.message !== m) return;
    if (this.cleared) {
      this.flushDeltas();
      return;
    }
    const audioMs = (pcm.length / SAMPLE_RATE) * 1000;
    this.queuedMs += audioMs;
    this.pending++;
    this.host.peer.play({
      pcm,
      tag: this.id,
      onStart: () => {
        this.playing = { from: performance.now(), ms: audioMs };
        if (!this.audioStarted) {
          this.audioStarted = true;
          this.host.send({ type: 'output_audio_buffer.started', response_id: this.id });
        }
        let before = 0;
        const offsets = m.deltas.map((d) => {
          const at = (audioMs * before) / text.length;
          before += d.length;
          return at;
        });
        if (this.message === m) this.scheduleDeltas(offsets);
      },
      onEnd: () => {
        this.playedMs += this.playing ? Math.min(this.playing.ms, performance.now() - this.playing.from) : 0;
        this.playing = undefined;
        this.pending = Math.max(0, this.pending - 1);
        this.maybeStopped();
      },
    });
  }

  /** The output buffer drained after the response ended (never between its items, never after a clear). */
  private maybeStopped(): void {
    if (this.pending > 0 || !this.audioStarted || this.cleared || this.stoppedSent || this.status === 'in_progress')
      return;
    this.stoppedSent = true;
    this.host.send({ type: 'output_audio_buffer.stopped', response_id: this.id });
    this.host.onAudioStopped(this.id);
  }

  private scheduleDeltas(offsets: number[]): void {
    const m = this.message!;
    offsets.forEach((at, i) => {
      this.timers.push(setTimeout(() => this.emitDelta(m, i), at));
    });
  }

  private emitDelta(m: MessageState, i: number): void {
    if (this.message !== m || this.status !== 'in_progress' || i !== m.next) return;
    const delta = m.deltas[i];
    m.next++;
    m.sent += delta;
    this.host.send({
      type: this.audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta',
      ...this.ids(m),
      delta,
    });
    if (m.next === m.deltas.length) this.closeMessage('completed');
  }

  private flushDeltas(): void {
    const m = this.message;
    if (!m) return;
    if (!m.deltas.length) {
      this.closeMessage('completed');
      return;
    }
    while (this.message === m && m.next < m.deltas.length && this.status === 'in_progress') this.emitDelta(m, m.next);
  }

  /**
   * The client cleared the output audio: the generation is already ahead, so the remaining deltas of this message
   * come at once, and later messages of this response are generated without audio.
   */
  audioCleared(): void {
    this.cleared = true;
    this.pending = 0;
    this.playing = undefined;
    if (this.status !== 'in_progress') return;
    this.flushDeltas();
  }

  private closeMessage(status: 'completed' | 'incomplete'): void {
    const m = this.message!;
    this.message = undefined;
    if (this.audio) {
      this.host.send({ type: 'response.output_audio.done', ...this.ids(m) });
      this.host.send({ type: 'response.output_audio_transcript.done', ...this.ids(m), transcript: m.sent });
    } else {
      this.host.send({ type: 'response.output_text.done', ...this.ids(m), text: m.sent });
    }
    const part = this.audio ? { type: 'audio', transcript: m.sent } : { type: 'text', text: m.sent };
    this.host.send({ type: 'response.content_part.done', ...this.ids(m), part });
    m.item.content = [
      this.audio ? { type: 'output_audio', transcript: m.sent } : { type: 'output_text', text: m.sent },
    ];
    this.finishOutputItem(m.item, m.prev, status);
    if (status === 'completed') this.nextStep();
  }

  private emitToolCall(call: ScriptedToolCall): void {
    const args = JSON.stringify(call.arguments ?? {});
    const item: Item = {
      id: randomId('item'),
      object: 'realtime.item',
      type: 'function_call',
      status: 'in_progress',
      name: call.name,
      call_id: randomId('call', 16),
      arguments: '',
    };
    const prev = this.addOutputItem(item);
    const base = {
      response_id: this.id,
      item_id: item.id,
      output_index: this.output.indexOf(item),
      call_id: item.call_id,
    };
    for (let i = 0; i < args.length; i += 24)
      this.host.send({ type: 'response.function_call_arguments.delta', ...base, delta: args.slice(i, i + 24) });
    this.host.send({ type: 'response.function_call_arguments.done', ...base, name: call.name, arguments: args });
    item.arguments = args;
    this.finishOutputItem(item, prev, 'completed');
  }

  /**
   * `client_cancelled` keeps ~300 ms of already generated audio playing; `turn_detected` callers clear audio first.
   * The message being generated ends `incomplete`; messages not yet started never appear; the segment playing is cut
   * and anything queued after it in this response is dropped (peer.truncate).
   */
  cancel(reason: 'client_cancelled' | 'turn_detected'): void {
    if (this.status !== 'in_progress') return;
    if (this.pending > 0) {
      this.pending = this.host.peer.truncate(this.id, 300);
      if (this.pending === 0) this.cleared = true; // the output buffer was cleared just before (barge-in)
    }
    if (this.message && this.message.item.status === 'in_progress') this.closeMessage('incomplete');
    this.finish('cancelled', { type: 'cancelled', reason });
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t);
    this.status = this.status === 'in_progress' ? 'cancelled' : this.status;
  }

  private finish(status: 'completed' | 'cancelled', details: Obj | null = null): void {
    this.status = status;
    for (const t of this.timers) clearTimeout(t);
    // Completed: all audio counts (it is generated); cancelled: what played, plus the ~300 ms still sent.
    const spokenMs =
      status === 'completed'
        ? this.queuedMs
        : this.playedMs + (this.playing ? Math.min(this.playing.ms, performance.now() - this.playing.from + 300) : 0);
    const outText = this.output.reduce(
      (n, it) =>
        n +
        textTokens(
          String(
            (it.content as Obj[] | undefined)?.[0]?.transcript ??
              (it.content as Obj[] | undefined)?.[0]?.text ??
              it.arguments ??
              '',
          ),
        ),
      0,
    );
    const outAudio = Math.round((spokenMs / 1000) * 20);
    const input = this.host.inputTokens();
    const inTotal = input.text + input.audio;
    const usage = {
      total_tokens: inTotal + outText + outAudio,
      input_tokens: inTotal,
      output_tokens: outText + outAudio,
      input_token_details: {
        text_tokens: input.text,
        audio_tokens: input.audio,
        image_tokens: 0,
        cached_tokens: 0,
        cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 },
      },
      output_token_details: { text_tokens: outText, audio_tokens: outAudio },
    };
    this.host.send({
      type: 'response.done',
      response: { ...this.shell(), status, status_details: details, output: structuredClone(this.output), usage },
    });
    this.host.send({
      type: 'rate_limits.updated',
      rate_limits: [
        { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
        { name: 'tokens', limit: 40000, remaining: Math.max(0, 40000 - usage.total_tokens), reset_seconds: 0.5 },
      ],
    });
    this.host.onFinished(this);
    this.maybeStopped();
  }
}
