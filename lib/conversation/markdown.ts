/**
 * Exports a transcript as Markdown notes: who said what, code cards as fenced blocks, tool calls as short lines.
 * Preambles of reasoning models ("Let me check that.") are left out: notes keep the answers.
 */
import { isPreamble, type CodeSnippet, type TranscriptEntry } from './types';

function fence(snippet: CodeSnippet): string {
  const longest = Math.max(0, ...(snippet.code.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  const language = snippet.language.toLowerCase().replace(/[^a-z0-9+#-]/g, '');
  return `${ticks}${language}\n${snippet.code.replace(/\n+$/, '')}\n${ticks}`;
}

function italic(text: string): string {
  return `*${text.replace(/\*/g, '\\*')}*`;
}

function block(entry: TranscriptEntry): string | undefined {
  const text = entry.text.trim();
  if (isPreamble(entry)) return undefined;
  switch (entry.role) {
    case 'user':
      return `**You:** ${text || italic('(not transcribed)')}`;
    case 'assistant':
      if (!text && entry.status !== 'cut') return undefined;
      return ['**Instructor:**', text, entry.status === 'cut' ? italic('(interrupted)') : ''].filter(Boolean).join(' ');
    case 'tool': {
      if (entry.snippet)
        return `**${entry.snippet.title || 'Snippet'}** (${entry.snippet.language})\n\n${fence(entry.snippet)}`;
      if (entry.tool)
        return italic(`${entry.tool.ok ? 'Tool' : 'Tool failed'}: ${entry.tool.name} (${entry.tool.summary})`);
      return text ? italic(text) : undefined;
    }
    case 'notice':
      return text ? `> ${text}` : undefined;
  }
}

function stamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function transcriptToMarkdown(
  entries: TranscriptEntry[],
  meta: { title?: string; date?: Date; app?: string } = {},
): string {
  const parts = [`# ${meta.title?.trim() || 'SFMC Voice Instructor notes'}`];
  const byline = [meta.date ? stamp(meta.date) : undefined, meta.app?.trim() || undefined].filter(Boolean).join(' · ');
  if (byline) parts.push(italic(byline));
  const body = entries.map(block).filter((b): b is string => b !== undefined);
  parts.push(...(body.length ? body : [italic('No conversation yet.')]));
  return `${parts.join('\n\n')}\n`;
}
