/** Transcript entries assembled by the conversation reducer (lib/conversation/transcript.ts). */

export interface CodeSnippet {
  language: 'ampscript' | 'sql' | 'ssjs' | 'html' | string;
  title: string;
  code: string;
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
  /** A code card shown by the `show_snippet` tool. */
  snippet?: CodeSnippet;
  /** For assistant entries: the `resp_…` that produced it (used to mark a cancelled response's entries cut). */
  responseId?: string;
  /** For assistant entries: `playing` between `output_audio_buffer.started` and `stopped`, then `finished`. */
  playback?: 'playing' | 'finished';
  /** For user entries: input transcription failed (the text stays empty). */
  transcriptFailed?: boolean;
}
