/**
 * The engine publishes a snapshot several times a second while a reply streams. Sending the whole transcript each
 * time grows with the session (a 1,000-turn session would post megabytes a second), so the transcript travels as a
 * delta: the entries from the first one that changed since the last publish (the reducer never mutates entries, so
 * identity tells what changed). A receiver that missed a revision asks for a full snapshot.
 */
import type { TranscriptEntry } from './types';

export interface TranscriptDelta {
  /** Revision after this delta; `baseRev` is the revision it applies to. */
  rev: number;
  baseRev: number;
  /** Entries before `from` are unchanged; `tail` replaces everything from there on. */
  from: number;
  tail: TranscriptEntry[];
}

export function createTranscriptPublisher() {
  let last: readonly TranscriptEntry[] = [];
  let rev = 0;
  return {
    get rev(): number {
      return rev;
    },
    delta(entries: readonly TranscriptEntry[]): TranscriptDelta {
      let from = 0;
      const common = Math.min(last.length, entries.length);
      while (from < common && last[from] === entries[from]) from++;
      const baseRev = rev;
      if (from < entries.length || entries.length !== last.length) rev++;
      last = entries;
      return { rev, baseRev, from, tail: entries.slice(from) };
    },
  };
}

/** The receiver's side: the next transcript, or null when the delta does not follow what it has (ask for a full one). */
export function applyTranscriptDelta(
  current: { rev: number; entries: TranscriptEntry[] },
  d: TranscriptDelta,
): { rev: number; entries: TranscriptEntry[] } | null {
  if (d.baseRev === d.rev && d.rev === current.rev) return current; // nothing changed
  if (d.baseRev !== current.rev || d.from > current.entries.length) return null;
  return { rev: d.rev, entries: [...current.entries.slice(0, d.from), ...d.tail] };
}
