/**
 * The input side of a call: mic frames into the input audio buffer, mic statistics for the control API, server/semantic
 * VAD (speech_started/stopped, auto commit, auto response, barge-in) and the asynchronous input transcription.
 */
import { errors, type ApiError } from './errors.ts';
import { randomId } from './ids.ts';
import { splitDeltas, textTokens } from './model.ts';
import { practiceTranscript } from './practice.ts';
import type { Item } from './response.ts';
import type { EffectiveSession } from './session-config.ts';
import type { CallRecord, EmulatorStore } from './store.ts';
import { EnergyVad, InputBuffer, frameStats } from './vad.ts';

type Obj = Record<string, unknown>;

export interface InputHost {
  session: EffectiveSession;
  store: EmulatorStore;
  record: CallRecord;
  send(event: Obj): void;
  error(err: ApiError, clientEventId?: unknown): void;
  appendItem(item: Item): string | null;
  /** Speech started while a response is active or audio is playing (interrupt_response). */
  bargeIn(): void;
  /** VAD committed a turn and create_response is on. */
  autoRespond(): void;
}

export class InputTurns {
  private buffer = new InputBuffer();
  private posMs = 0;
  private vad: EnergyVad | undefined;
  private speechItemId: string | undefined;
  private liveSumSq = 0;
  private liveSamples = 0;
  private late: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private host: InputHost) {
    this.configChanged();
  }

  configChanged(): void {
    const td = this.host.session.audio.input.turn_detection;
    if (!td) {
      this.vad = undefined;
      return;
    }
    if (this.vad) this.vad.update(td);
    else this.vad = new EnergyVad(td);
  }

  resetStats(): void {
    this.liveSumSq = 0;
    this.liveSamples = 0;
  }

  onMic(pcm: Int16Array): void {
    const frameMs = (pcm.length / 48_000) * 1000;
    const { sumSq, peak } = frameStats(pcm);
    const rms = pcm.length ? Math.sqrt(sumSq / pcm.length) : 0;
    this.posMs += frameMs;
    this.buffer.push(pcm.length, sumSq);
    const mic = this.host.record.mic;
    mic.receivedMs = Math.round(mic.receivedMs + frameMs);
    mic.peak = Math.max(mic.peak, peak);
    if (rms > 1e-4) {
      this.liveSumSq += sumSq;
      this.liveSamples += pcm.length;
      mic.rmsWhileLive = Math.sqrt(this.liveSumSq / this.liveSamples);
    }
    const ev = this.vad?.feed(rms, frameMs, this.posMs);
    if (!ev) return;
    const td = this.host.session.audio.input.turn_detection;
    if (ev.kind === 'start') {
      this.buffer.keepLast((td?.prefix_padding_ms ?? 300) + (this.posMs - ev.atMs));
      this.speechItemId = randomId('item');
      clearTimeout(this.idleTimer);
      this.host.send({
        type: 'input_audio_buffer.speech_started',
        audio_start_ms: ev.atMs,
        item_id: this.speechItemId,
      });
      if (td?.interrupt_response !== false) this.host.bargeIn();
    } else {
      const itemId = this.speechItemId ?? randomId('item');
      this.speechItemId = undefined;
      this.host.send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: ev.atMs, item_id: itemId });
      if (this.commit(undefined, itemId) && td?.create_response !== false) this.host.autoRespond();
    }
  }

  /**
   * server_vad `idle_timeout_ms`: counted from the end of the assistant's playback; when it passes without speech the
   * server emits `input_audio_buffer.timeout_triggered`, commits what it has, and responds.
   */
  armIdleTimeout(): void {
    clearTimeout(this.idleTimer);
    const td = this.host.session.audio.input.turn_detection;
    if (td?.type !== 'server_vad' || !td.idle_timeout_ms || this.vad?.inSpeech) return;
    const from = this.posMs;
    this.idleTimer = setTimeout(() => {
      const itemId = randomId('item');
      this.host.send({
        type: 'input_audio_buffer.timeout_triggered',
        audio_start_ms: Math.round(from),
        audio_end_ms: Math.round(this.posMs),
        item_id: itemId,
      });
      if (this.commit(undefined, itemId, true) && td.create_response !== false) this.host.autoRespond();
    }, td.idle_timeout_ms);
  }

  clear(): void {
    this.buffer.clear();
    this.host.send({ type: 'input_audio_buffer.cleared' });
  }

  /** Commits the buffer as a user audio item. Returns false (and sends the error) when it holds < 100 ms. */
  commit(clientEventId?: unknown, itemId = randomId('item'), force = false): boolean {
    const ms = this.buffer.durationMs;
    if (ms < 100 && !force) {
      this.host.error(errors.commitEmpty(ms), clientEventId);
      return false;
    }
    const rms = this.buffer.rms;
    this.buffer.clear();
    this.vad?.reset();
    this.host.record.mic.commits.push({ durationMs: Math.round(ms), rms: Number(rms.toFixed(4)) });
    const scripted = this.host.store.peekReply()?.userTranscript;
    const heard = scripted ?? practiceTranscript(ms / 1000);
    const item: Item = {
      id: itemId,
      object: 'realtime.item',
      type: 'message',
      status: 'completed',
      role: 'user',
      content: [{ type: 'input_audio', transcript: null }],
    };
    Object.defineProperty(item, 'audioMs', { value: ms, enumerable: false });
    Object.defineProperty(item, 'heard', { value: scripted ?? '', enumerable: false, writable: true });
    const prev = this.host.appendItem(item);
    this.host.send({ type: 'input_audio_buffer.committed', previous_item_id: prev, item_id: item.id });
    this.host.send({ type: 'conversation.item.added', previous_item_id: prev, item: structuredClone(item) });
    this.host.send({ type: 'conversation.item.done', previous_item_id: prev, item: structuredClone(item) });
    const transcription = this.host.session.audio.input.transcription;
    if (transcription) this.scheduleTranscription(item, heard, ms, String(transcription.model));
    return true;
  }

  private scheduleTranscription(item: Item, transcript: string, ms: number, model: string): void {
    const { faults } = this.host.store;
    const emit = (): void => {
      if (faults.transcriptionFailed) {
        this.host.send({
          type: 'conversation.item.input_audio_transcription.failed',
          item_id: item.id,
          content_index: 0,
          error: errors.transcriptionFailed(),
        });
        return;
      }
      const deltas = model === 'whisper-1' ? [transcript] : splitDeltas(transcript);
      for (const delta of deltas)
        this.host.send({
          type: 'conversation.item.input_audio_transcription.delta',
          item_id: item.id,
          content_index: 0,
          delta,
        });
      const audioTokens = Math.round((ms / 1000) * 10);
      const usage =
        model === 'whisper-1'
          ? { type: 'duration', seconds: Number((ms / 1000).toFixed(1)) }
          : {
              type: 'tokens',
              input_tokens: audioTokens,
              output_tokens: textTokens(transcript),
              total_tokens: audioTokens + textTokens(transcript),
              input_token_details: { text_tokens: 0, audio_tokens: audioTokens },
            };
      (item.content as Obj[])[0].transcript = transcript;
      this.host.send({
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: item.id,
        content_index: 0,
        transcript,
        usage,
      });
    };
    if (faults.lateTranscription) {
      this.late.push(emit);
      this.timers.push(setTimeout(() => this.flushLate(0), 8000));
    } else {
      this.timers.push(setTimeout(emit, 250));
    }
  }

  /** Called after each response.done: late transcriptions (fault) arrive shortly after it. */
  flushLate(delayMs = 200): void {
    const pending = this.late.splice(0);
    if (pending.length) this.timers.push(setTimeout(() => pending.forEach((f) => f()), delayMs));
  }

  /** Audio tokens of all user audio in the conversation (~10 per second). */
  static audioTokens(items: Item[]): number {
    let ms = 0;
    for (const it of items) ms += (it as { audioMs?: number }).audioMs ?? 0;
    return Math.round((ms / 1000) * 10);
  }

  dispose(): void {
    clearTimeout(this.idleTimer);
    for (const t of this.timers) clearTimeout(t);
    this.late = [];
  }
}
