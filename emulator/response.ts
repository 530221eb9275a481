/**
 * One model response, emitting the GA orders of realtime-protocol.md §6 A.5 (spoken message) and B (function calls):
 * created → message item/part → output_audio_buffer.started when RTP audio starts → transcript deltas timed along the
 * playback → audio/transcript/part/item done → function calls → response.done (+usage) → rate_limits.updated;
 * output_audio_buffer.stopped comes from the player once the audio has really been played.
 */
import { randomId } from './ids.ts';
import { splitDeltas, textTokens } from './model.ts';
import type { RtcPeer } from './peer.ts';
import { SAMPLE_RATE, synthesize } from './speech.ts';
import type { ScriptedToolCall } from './store.ts';

type Obj = Record<string, unknown>;
export type Item = Obj & { id: string; type: string };

export interface ResponsePlan {
  text: string;
  toolCalls: ScriptedToolCall[];
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

export class ResponseRun {
  readonly id = randomId('resp');
  status: 'in_progress' | 'completed' | 'cancelled' = 'in_progress';
  private output: Item[] = [];
  private timers: NodeJS.Timeout[] = [];
  private message?: { item: Item; prev: string | null; sent: string; deltas: string[]; next: number };
  private audioMs = 0;
  private playedFrom = 0;
  private playing = false;

  constructor(private host: ResponseHost, private plan: ResponsePlan) {}

  private shell(): Obj {
    const { plan } = this;
    return {
      id: this.id, object: 'realtime.response', status: this.status, status_details: null, output: [],
      conversation_id: plan.outOfBand ? null : 'conv_emulator', output_modalities: plan.modalities,
      max_output_tokens: plan.maxOutputTokens, audio: { output: { format: plan.format, voice: plan.voice } }, usage: null,
      metadata: plan.metadata ?? null,
    };
  }

  private ids(extra: Obj = {}): Obj {
    return { response_id: this.id, item_id: this.message?.item.id, output_index: 0, content_index: 0, ...extra };
  }

  private addOutputItem(item: Item): string | null {
    const index = this.output.length;
    this.output.push(item);
    this.host.send({ type: 'response.output_item.added', response_id: this.id, output_index: index, item: structuredClone(item) });
    const prev = this.plan.outOfBand ? null : this.host.addItem(item);
    if (!this.plan.outOfBand) this.host.send({ type: 'conversation.item.added', previous_item_id: prev, item: structuredClone(item) });
    return prev;
  }

  private finishOutputItem(item: Item, prev: string | null, status: string): void {
    item.status = status;
    this.host.send({ type: 'response.output_item.done', response_id: this.id, output_index: this.output.indexOf(item), item: structuredClone(item) });
    if (!this.plan.outOfBand) this.host.send({ type: 'conversation.item.done', previous_item_id: prev, item: structuredClone(item) });
  }

  async start(): Promise<void> {
    this.host.send({ type: 'response.created', response: this.shell() });
    const { plan } = this;
    if (!plan.text) return this.afterMessage();
    const audio = plan.modalities.includes('audio');
    const item: Item = { id: randomId('item'), object: 'realtime.item', type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    const prev = this.addOutputItem(item);
    this.message = { item, prev, sent: '', deltas: splitDeltas(plan.text), next: 0 };
    this.host.send({ type: 'response.content_part.added', ...this.ids(), part: audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' } });
    if (!audio) {
      this.scheduleDeltas(this.message.deltas.map((_, i) => 30 * (i + 1)));
      return;
    }
    const pcm = await synthesize(plan.text, plan.voice, plan.speed);
    if (this.status !== 'in_progress') return;
    this.audioMs = (pcm.length / SAMPLE_RATE) * 1000;
    const total = plan.text.length;
    this.host.peer.play({
      pcm, tag: this.id,
      onStart: () => {
        this.playing = true;
        this.playedFrom = performance.now();
        this.host.send({ type: 'output_audio_buffer.started', response_id: this.id });
        let before = 0;
        const offsets = this.message!.deltas.map((d) => { const at = (this.audioMs * before) / total; before += d.length; return at; });
        this.scheduleDeltas(offsets);
      },
      onEnd: () => {
        this.playing = false;
        this.host.send({ type: 'output_audio_buffer.stopped', response_id: this.id });
        this.host.onAudioStopped(this.id);
      },
    });
  }

  private scheduleDeltas(offsets: number[]): void {
    offsets.forEach((at, i) => {
      this.timers.push(setTimeout(() => this.emitDelta(i), at));
    });
  }

  private emitDelta(i: number): void {
    const m = this.message;
    if (!m || this.status !== 'in_progress' || i !== m.next) return;
    const delta = m.deltas[i];
    m.next++;
    m.sent += delta;
    const audio = this.plan.modalities.includes('audio');
    this.host.send({ type: audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta', ...this.ids(), delta });
    if (m.next === m.deltas.length) this.closeMessage('completed');
  }

  /** The client cleared the output audio: the generation is already ahead, so the remaining deltas come at once. */
  audioCleared(): void {
    this.playing = false;
    const m = this.message;
    if (!m || this.status !== 'in_progress') return;
    while (m.next < m.deltas.length && this.status === 'in_progress') this.emitDelta(m.next);
  }

  private closeMessage(status: 'completed' | 'incomplete'): void {
    const m = this.message!;
    const audio = this.plan.modalities.includes('audio');
    if (audio) {
      this.host.send({ type: 'response.output_audio.done', ...this.ids() });
      this.host.send({ type: 'response.output_audio_transcript.done', ...this.ids(), transcript: m.sent });
    } else {
      this.host.send({ type: 'response.output_text.done', ...this.ids(), text: m.sent });
    }
    const part = audio ? { type: 'audio', transcript: m.sent } : { type: 'text', text: m.sent };
    this.host.send({ type: 'response.content_part.done', ...this.ids(), part });
    m.item.content = [audio ? { type: 'output_audio', transcript: m.sent } : { type: 'output_text', text: m.sent }];
    this.finishOutputItem(m.item, m.prev, status);
    if (status === 'completed') this.afterMessage();
  }

  private afterMessage(): void {
    for (const call of this.plan.toolCalls) {
      const args = JSON.stringify(call.arguments ?? {});
      const item: Item = { id: randomId('item'), object: 'realtime.item', type: 'function_call', status: 'in_progress', name: call.name, call_id: randomId('call', 16), arguments: '' };
      const prev = this.addOutputItem(item);
      const base = { response_id: this.id, item_id: item.id, output_index: this.output.indexOf(item), call_id: item.call_id };
      for (let i = 0; i < args.length; i += 24) this.host.send({ type: 'response.function_call_arguments.delta', ...base, delta: args.slice(i, i + 24) });
      this.host.send({ type: 'response.function_call_arguments.done', ...base, name: call.name, arguments: args });
      item.arguments = args;
      this.finishOutputItem(item, prev, 'completed');
    }
    this.finish('completed');
  }

  /** `client_cancelled` keeps ~300 ms of already generated audio playing; `turn_detected` callers clear audio first. */
  cancel(reason: 'client_cancelled' | 'turn_detected'): void {
    if (this.status !== 'in_progress') return;
    if (this.playing) this.host.peer.truncate(this.id, 300);
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
    const spokenMs = status === 'completed' ? this.audioMs : this.playing ? Math.min(this.audioMs, performance.now() - this.playedFrom + 300) : 0;
    const outText = this.output.reduce((n, it) => n + textTokens(String((it.content as Obj[] | undefined)?.[0]?.transcript ?? (it.content as Obj[] | undefined)?.[0]?.text ?? it.arguments ?? '')), 0);
    const outAudio = Math.round((spokenMs / 1000) * 20);
    const input = this.host.inputTokens();
    const inTotal = input.text + input.audio;
    const usage = {
      total_tokens: inTotal + outText + outAudio, input_tokens: inTotal, output_tokens: outText + outAudio,
      input_token_details: { text_tokens: input.text, audio_tokens: input.audio, image_tokens: 0, cached_tokens: 0, cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 } },
      output_token_details: { text_tokens: outText, audio_tokens: outAudio },
    };
    this.host.send({ type: 'response.done', response: { ...this.shell(), status, status_details: details, output: structuredClone(this.output), usage } });
    this.host.send({
      type: 'rate_limits.updated',
      rate_limits: [
        { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
        { name: 'tokens', limit: 40000, remaining: Math.max(0, 40000 - usage.total_tokens), reset_seconds: 0.5 },
      ],
    });
    this.host.onFinished(this);
  }
}
