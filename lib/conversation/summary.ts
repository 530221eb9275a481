/**
 * A short text recap of the last turns, sent as a system message after a reconnect (the new session starts empty).
 * Oldest turns are dropped first to fit `maxChars`. Preambles ("Let me check that.") are left out: they are not
 * content, and the recap's room is better spent on answers.
 */
import { isPreamble, type TranscriptEntry } from './types';

export const RECAP_HEADER = 'Conversation so far (resumed after a reconnect):';

function line(entry: TranscriptEntry): string | undefined {
  const text = entry.text.replace(/\s+/g, ' ').trim();
  if (isPreamble(entry)) return undefined;
  if (entry.role === 'user') return text ? `User: ${text}` : undefined;
  if (entry.role === 'assistant')
    return text ? `Instructor: ${text}${entry.status === 'cut' ? ' (interrupted)' : ''}` : undefined;
  if (entry.role === 'tool' && entry.snippet)
    return `(Instructor showed a ${entry.snippet.language} snippet: ${entry.snippet.title})`;
  if (entry.role === 'tool' && entry.tool) return `(Tool ${entry.tool.name}: ${entry.tool.summary})`;
  return undefined; // notices are UI-only
}

export function summarizeForReconnect(entries: TranscriptEntry[], maxChars = 1500): string {
  const lines = entries.map(line).filter((l): l is string => l !== undefined);
  if (lines.length === 0) return '';
  const kept: string[] = [];
  let size = RECAP_HEADER.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const next = lines[i]!;
    if (size + 1 + next.length <= maxChars) {
      kept.unshift(next);
      size += 1 + next.length;
      continue;
    }
    if (kept.length === 0) {
      // Even the last turn alone is too long: keep its end.
      const room = maxChars - size - 2;
      if (room > 0) kept.unshift(`…${next.slice(next.length - room)}`);
    }
    break;
  }
  return kept.length ? [RECAP_HEADER, ...kept].join('\n') : '';
}
