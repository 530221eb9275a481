/**
 * The engine's conversation record: transcript (pure reducer in lib/conversation) and usage totals, saved through
 * the service worker shortly after each change so a closed panel, an offscreen reload or a browser restart keeps it.
 */
import type { RealtimeResponseUsage } from 'openai/resources/realtime/realtime';
import { addLocalEntry, reduceTranscript } from '@/lib/conversation/transcript';
import type { TranscriptEntry } from '@/lib/conversation/types';
import { addUsage, emptyUsage } from '@/lib/conversation/usage';
import type { PriceTable } from '@/lib/settings';
import type { EngineIO } from './engine-io';

export function createConversation(io: Pick<EngineIO, 'saveTranscript' | 'loadTranscript'>, onChange: () => void, saveDelayMs = 500) {
  let entries: TranscriptEntry[] = [];
  let usage = emptyUsage();
  let saveTimer: ReturnType<typeof setTimeout> | undefined;

  function set(next: TranscriptEntry[]): void {
    if (next === entries) return;
    entries = next;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => io.saveTranscript(entries), saveDelayMs);
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
      set(addLocalEntry(entries, { id: `notice_${Date.now()}_${Math.random().toString(36).slice(2, 6)}`, role: 'notice', text, status: 'done', at: Date.now() }));
    },
    addUsage(response: RealtimeResponseUsage | null | undefined, prices: PriceTable): void {
      usage = addUsage(usage, response, prices);
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
