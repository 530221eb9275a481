/**
 * The engine's conversation record: transcript (pure reducer in lib/conversation) and usage totals, saved through
 * the service worker so a closed panel, an offscreen reload or a browser restart keeps it. Saving happens when an
 * entry is added, removed or finished — not on every streamed word — and keeps only the newest entries that fit
 * the storage budget (chrome.storage.local is shared with everything else the extension keeps).
 */
import type { RealtimeResponseUsage } from 'openai/resources/realtime/realtime';
import { addLocalEntry, reduceTranscript, setResponseCost } from '@/lib/conversation/transcript';
import type { TranscriptEntry } from '@/lib/conversation/types';
import { addUsage, emptyUsage } from '@/lib/conversation/usage';
import type { PriceTable } from '@/lib/settings';
import type { EngineIO } from './engine-io';

/** At most this many entries and characters of transcript are kept in storage (the newest). */
export const SAVED_ENTRIES_CAP = 400;
export const SAVED_CHARS_CAP = 200_000;

/** The newest entries that fit both caps. */
export function entriesToSave(entries: readonly TranscriptEntry[]): TranscriptEntry[] {
  let chars = 0;
  let start = entries.length;
  while (start > 0 && entries.length - start < SAVED_ENTRIES_CAP) {
    const e = entries[start - 1]!;
    chars += e.text.length + (e.snippet?.code.length ?? 0) + 64;
    if (chars > SAVED_CHARS_CAP) break;
    start--;
  }
  return entries.slice(start);
}

/**
 * Changes only when an entry finished (or a finished one was removed or changed): a new in-progress entry and
 * streamed words alone do not trigger a save. Scans from the end, so it costs a few steps per event.
 */
function settledSignature(entries: readonly TranscriptEntry[]): string {
  let i = entries.length - 1;
  while (i >= 0 && entries[i]!.status === 'in_progress') i--;
  const e = entries[i];
  return e ? `${i}:${e.id}:${e.status}:${e.text.length}` : 'none';
}

export function createConversation(
  io: Pick<EngineIO, 'saveTranscript' | 'loadTranscript'>,
  onChange: () => void,
  saveDelayMs = 500,
) {
  let entries: TranscriptEntry[] = [];
  let usage = emptyUsage();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let savedSignature = settledSignature([]);

  function set(next: TranscriptEntry[]): void {
    if (next === entries) return;
    entries = next;
    const signature = settledSignature(entries);
    if (signature !== savedSignature) {
      savedSignature = signature;
      clearTimeout(saveTimer);
      saveTimer = setTimeout(() => io.saveTranscript(entriesToSave(entries)), saveDelayMs);
    }
    onChange();
  }

  return {
    get entries(): TranscriptEntry[] {
      return entries;
    },
    get usage() {
      return usage;
    },
    apply(event: { type: string; [k: string]: unknown }): void {
      set(reduceTranscript(entries, event, Date.now()));
    },
    add(entry: TranscriptEntry): void {
      set(addLocalEntry(entries, entry));
    },
    /** A line from the instructor app itself (reconnects, errors, idle disconnects). */
    notice(text: string): void {
      set(
        addLocalEntry(entries, {
          id: `notice_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`,
          role: 'notice',
          text,
          status: 'done',
          at: Date.now(),
        }),
      );
    },
    /** Adds a response's usage to the session totals and its cost to the response's answer entry (hover). */
    addUsage(response: RealtimeResponseUsage | null | undefined, prices: PriceTable, responseId?: string): void {
      const before = usage.costUsd;
      usage = addUsage(usage, response, prices);
      if (response) set(setResponseCost(entries, responseId, usage.costUsd - before));
      onChange();
    },
    clear(): void {
      set([]);
    },
    async restore(): Promise<void> {
      entries = await io.loadTranscript().catch(() => []);
      onChange();
    },
  };
}

export type Conversation = ReturnType<typeof createConversation>;
