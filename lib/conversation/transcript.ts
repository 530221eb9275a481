/**
 * The transcript reducer: folds Realtime events (server events, plus the client `conversation.item.create` for typed
 * text) into `TranscriptEntry[]`, keyed by item id. Immutable: returns the same array when nothing changed.
 * Late user transcripts update the user entry in place, so it stays before the reply that answered it.
 */
import type { AssistantPhase, TranscriptEntry } from './types';
import { asItem, asRecord, isAppItemText, itemText, str, type EventLike, type ItemLike } from './items';

type Patch = Partial<TranscriptEntry>;
const PENDING = 'pending:';

function indexOf(entries: TranscriptEntry[], id: string | undefined): number {
  return id === undefined ? -1 : entries.findIndex((e) => e.id === id);
}

function patchAt(entries: TranscriptEntry[], index: number, changes: Patch): TranscriptEntry[] {
  const current = entries[index];
  if (!current) return entries;
  const keys = Object.keys(changes) as (keyof TranscriptEntry)[];
  if (keys.every((k) => current[k] === changes[k])) return entries;
  const next = entries.slice();
  next[index] = { ...current, ...changes };
  return next;
}

function patchWhere(entries: TranscriptEntry[], changes: (e: TranscriptEntry) => Patch | undefined): TranscriptEntry[] {
  let next = entries;
  for (let i = 0; i < entries.length; i++) {
    const patch = changes(entries[i]!);
    if (patch) next = patchAt(next, i, patch);
  }
  return next;
}

function finalStatus(entry: TranscriptEntry | undefined, itemStatus: string | undefined): TranscriptEntry['status'] {
  if (itemStatus === 'incomplete' || entry?.status === 'cut') return 'cut';
  return itemStatus === 'completed' ? 'done' : (entry?.status ?? 'in_progress');
}

function onUserItem(entries: TranscriptEntry[], item: ItemLike, id: string, now: number): TranscriptEntry[] {
  const { text, audioPending } = itemText(item);
  if (isAppItemText(text)) return entries; // page context and walkthrough progress: context, not a user turn
  let index = indexOf(entries, id);
  if (index < 0 && text) {
    // Typed text already shown under a local id (engine or client create): adopt the server id, don't duplicate.
    index = entries.findIndex((e) => e.role === 'user' && !e.id.startsWith('item_') && e.text === text);
    if (index >= 0) entries = patchAt(entries, index, { id });
  }
  if (index < 0) {
    const status = audioPending && !text ? 'in_progress' : 'done';
    return [...entries, { id, role: 'user', text, status, at: now }];
  }
  const current = entries[index]!;
  if (!text || current.text === text) return entries;
  return patchAt(entries, index, { text, status: 'done' });
}

function phaseOf(item: ItemLike): AssistantPhase | undefined {
  return item.phase === 'commentary' || item.phase === 'final_answer' ? item.phase : undefined;
}

function onAssistantItem(
  entries: TranscriptEntry[],
  item: ItemLike,
  id: string,
  now: number,
  final: boolean,
  responseId?: string,
): TranscriptEntry[] {
  const { text } = itemText(item);
  const phase = phaseOf(item);
  const index = indexOf(entries, id);
  const current = entries[index];
  const status = final ? finalStatus(current, item.status) : (current?.status ?? 'in_progress');
  if (!current)
    return [
      ...entries,
      {
        id,
        role: 'assistant',
        text,
        status,
        at: now,
        ...(responseId ? { responseId } : {}),
        ...(phase ? { phase } : {}),
      },
    ];
  const patch: Patch = { status };
  if (text && (final || text.length > current.text.length)) patch.text = text;
  if (responseId && !current.responseId) patch.responseId = responseId;
  if (phase && current.phase !== phase) patch.phase = phase;
  return patchAt(entries, index, patch);
}

function onItem(
  entries: TranscriptEntry[],
  raw: unknown,
  now: number,
  final: boolean,
  responseId?: string,
): TranscriptEntry[] {
  const item = asItem(raw);
  const id = str(item?.id);
  if (!item || !id || item.type !== 'message') return entries; // function calls and outputs are not text entries
  if (item.role === 'user') return onUserItem(entries, item, id, now);
  if (item.role === 'assistant') return onAssistantItem(entries, item, id, now, final, responseId);
  return entries; // system messages are context, not conversation
}

function onClientCreate(entries: TranscriptEntry[], raw: unknown, now: number): TranscriptEntry[] {
  const item = asItem(raw);
  if (!item || item.type !== 'message' || item.role !== 'user') return entries;
  const { text } = itemText(item);
  const id = str(item.id) ?? `${PENDING}${now}:${entries.length}`;
  if (!text || isAppItemText(text) || indexOf(entries, id) >= 0) return entries;
  return [...entries, { id, role: 'user', text, status: 'done', at: now }];
}

function onUserTranscript(
  entries: TranscriptEntry[],
  id: string | undefined,
  now: number,
  patch: (e: TranscriptEntry) => Patch,
): TranscriptEntry[] {
  if (!id) return entries;
  let index = indexOf(entries, id);
  if (index < 0) {
    entries = [...entries, { id, role: 'user', text: '', status: 'in_progress', at: now }];
    index = entries.length - 1;
  }
  return patchAt(entries, index, patch(entries[index]!));
}

function onAssistantText(
  entries: TranscriptEntry[],
  event: EventLike,
  now: number,
  delta?: string,
  full?: string,
): TranscriptEntry[] {
  const id = str(event.item_id);
  if (!id) return entries;
  const responseId = str(event.response_id);
  let index = indexOf(entries, id);
  if (index < 0) {
    entries = [
      ...entries,
      { id, role: 'assistant', text: '', status: 'in_progress', at: now, ...(responseId ? { responseId } : {}) },
    ];
    index = entries.length - 1;
  }
  const current = entries[index]!;
  const patch: Patch = {};
  if (delta) patch.text = current.text + delta;
  if (full !== undefined) {
    if (full) patch.text = full;
    if (current.status !== 'cut') patch.status = 'done';
  }
  if (responseId && !current.responseId) patch.responseId = responseId;
  return patchAt(entries, index, patch);
}

function onResponseDone(entries: TranscriptEntry[], event: EventLike, now: number): TranscriptEntry[] {
  const response = asRecord(event.response);
  const responseId = str(response?.id);
  const output = Array.isArray(response?.output) ? (response.output as unknown[]) : [];
  for (const raw of output) entries = onItem(entries, raw, now, true, responseId);
  if (response?.status !== 'cancelled') return entries;
  const itemStatus = new Map(output.map((raw) => [str(asItem(raw)?.id), str(asItem(raw)?.status)]));
  return patchWhere(entries, (e) => {
    const ofResponse = e.role === 'assistant' && ((responseId && e.responseId === responseId) || itemStatus.has(e.id));
    return ofResponse && itemStatus.get(e.id) !== 'completed' ? { status: 'cut' } : undefined;
  });
}

function onPlayback(entries: TranscriptEntry[], event: EventLike): TranscriptEntry[] {
  const responseId = str(event.response_id);
  const mine = (e: TranscriptEntry) =>
    e.role === 'assistant' && (responseId ? e.responseId === responseId : e.playback === 'playing');
  if (event.type === 'output_audio_buffer.started')
    return patchWhere(entries, (e) => (mine(e) ? { playback: 'playing' } : undefined));
  if (event.type === 'output_audio_buffer.stopped')
    return patchWhere(entries, (e) => (mine(e) ? { playback: 'finished' } : undefined));
  // cleared: whatever of that response was still being spoken was cut off. A finished preamble that a later item of
  // the same response followed was heard in full (audio plays in item order): it keeps its status.
  const spokenBefore = (i: number) => {
    const e = entries[i]!;
    return (
      e.phase === 'commentary' &&
      e.status === 'done' &&
      entries.slice(i + 1).some((x) => x.role === 'assistant' && x.responseId === e.responseId && x.text)
    );
  };
  return patchWhere(entries, (e) => {
    if (!mine(e) || e.playback === 'finished') return undefined;
    return spokenBefore(entries.indexOf(e)) ? { playback: 'finished' } : { status: 'cut', playback: 'finished' };
  });
}

/**
 * Puts one response's cost on its last assistant entry (the answer, after any preamble), so the transcript can show
 * a per-turn cost. Returns the same array when the response has no assistant entry.
 */
export function setResponseCost(
  entries: TranscriptEntry[],
  responseId: string | undefined,
  costUsd: number,
): TranscriptEntry[] {
  if (!responseId) return entries;
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.role === 'assistant' && e.responseId === responseId)
      return patchAt(entries, i, { costUsd: (e.costUsd ?? 0) + costUsd });
  }
  return entries;
}

export function reduceTranscript(
  entries: TranscriptEntry[],
  event: { type: string; [k: string]: unknown },
  now: number,
): TranscriptEntry[] {
  switch (event.type) {
    case 'input_audio_buffer.committed':
      return onUserTranscript(entries, str(event.item_id), now, () => ({}));
    case 'conversation.item.added':
    case 'conversation.item.created':
      return onItem(entries, event.item, now, false);
    case 'conversation.item.done':
      return onItem(entries, event.item, now, true);
    case 'response.output_item.added':
    case 'response.output_item.done':
      return onItem(entries, event.item, now, event.type === 'response.output_item.done', str(event.response_id));
    case 'conversation.item.create':
      return onClientCreate(entries, event.item, now);
    case 'conversation.item.input_audio_transcription.delta':
      return onUserTranscript(entries, str(event.item_id), now, (e) => ({ text: e.text + (str(event.delta) ?? '') }));
    case 'conversation.item.input_audio_transcription.completed':
      return onUserTranscript(entries, str(event.item_id), now, (e) => ({
        text: str(event.transcript) || e.text,
        status: 'done',
      }));
    case 'conversation.item.input_audio_transcription.failed':
      return onUserTranscript(entries, str(event.item_id), now, () => ({ status: 'done', transcriptFailed: true }));
    case 'response.output_audio_transcript.delta':
    case 'response.output_text.delta':
      return onAssistantText(entries, event, now, str(event.delta));
    case 'response.output_audio_transcript.done':
      return onAssistantText(entries, event, now, undefined, str(event.transcript) ?? '');
    case 'response.output_text.done':
      return onAssistantText(entries, event, now, undefined, str(event.text) ?? '');
    case 'response.done':
      return onResponseDone(entries, event, now);
    case 'output_audio_buffer.started':
    case 'output_audio_buffer.stopped':
    case 'output_audio_buffer.cleared':
      return onPlayback(entries, event);
    case 'conversation.item.truncated': {
      const index = indexOf(entries, str(event.item_id));
      return index < 0 ? entries : patchAt(entries, index, { status: 'cut' });
    }
    case 'conversation.item.deleted': {
      const index = indexOf(entries, str(event.item_id));
      return index < 0 ? entries : entries.filter((_, i) => i !== index);
    }
    default:
      return entries;
  }
}

export function addLocalEntry(entries: TranscriptEntry[], entry: TranscriptEntry): TranscriptEntry[] {
  const index = indexOf(entries, entry.id);
  if (index < 0) return [...entries, entry];
  const next = entries.slice();
  next[index] = entry;
  return next;
}
