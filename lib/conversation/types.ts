/** Transcript entries assembled by the conversation reducer (lib/conversation/transcript.ts). */
import type { CheckResult } from '@/lib/check/types';

export interface CodeSnippet {
  language: 'ampscript' | 'sql' | 'ssjs' | 'html' | string;
  title: string;
  code: string;
  /** What the code checker found (lib/check), when the language is one it checks. */
  check?: CheckResult;
  /** The id of the earlier card (with errors) this one corrects: the panel shows it folded under this one. */
  supersedes?: string;
}

/** One reference entry the instructor looked up (lookup_sfmc_reference), shown as a link under the answer. */
export interface LookedUp {
  id: string;
  title: string;
  source: string;
}

export interface TranscriptEntry {
  /** Realtime item id (`item_…`), or a local id for snippets and notices. */
  id: string;
  role: 'user' | 'assistant' | 'tool' | 'notice';
  /** Text so far (deltas appended). */
  text: string;
  /** `in_progress` while deltas arrive; `done`; `cut` when the reply was interrupted. */
  status: 'in_progress' | 'done' | 'cut';
  /** Wall-clock ms when the entry was created. */
  at: number;
  /** For role 'tool': the tool name and a short result summary. */
  tool?: { name: string; summary: string; ok: boolean };
  /** For the `lookup_sfmc_reference` tool: the entries found (empty = the reference had nothing). */
  lookups?: { query: string; found: LookedUp[] };
  /** A code card shown by the `show_snippet` tool. */
  snippet?: CodeSnippet;
  /** For assistant entries: the `resp_…` that produced it (used to mark a cancelled response's entries cut). */
  responseId?: string;
  /** For assistant entries: `playing` between `output_audio_buffer.started` and `stopped`, then `finished`. */
  playback?: 'playing' | 'finished';
  /** For user entries: input transcription failed (the text stays empty). */
  transcriptFailed?: boolean;
  /**
   * For assistant entries of reasoning models (gpt-realtime-2): `commentary` is a spoken preamble ("Let me check
   * that."), `final_answer` the answer. One response can hold both, as separate items. Absent on older models.
   */
  phase?: AssistantPhase;
  /** For the last assistant entry of a response: that response's estimated cost in USD (lib/conversation/usage.ts). */
  costUsd?: number;
}

export type AssistantPhase = 'commentary' | 'final_answer';

/** A preamble: spoken while the model works on the answer; not the answer itself. */
export function isPreamble(entry: Pick<TranscriptEntry, 'role' | 'phase'>): boolean {
  return entry.role === 'assistant' && entry.phase === 'commentary';
}
