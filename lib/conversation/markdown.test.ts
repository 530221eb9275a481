import { describe, expect, it } from 'vitest';
import { transcriptToMarkdown } from './markdown';
import { reduceTranscript } from './transcript';
import type { TranscriptEntry } from './types';
import { ORDER_A, ORDER_C } from './fixtures/orders';

describe('transcriptToMarkdown', () => {
  it('renders a reduced conversation as notes with a title, date and app', () => {
    const entries = [...ORDER_A, ...ORDER_C].reduce<TranscriptEntry[]>((acc, e) => reduceTranscript(acc, e, 0), []);
    const md = transcriptToMarkdown(entries, {
      title: 'Data extensions',
      date: new Date('2026-11-25T16:05:00Z'),
      app: 'Email Studio',
    });
    expect(md).toBe(
      [
        '# Data extensions',
        '*2026-11-25 16:05 UTC · Email Studio*',
        '**You:** What is a data extension?',
        '**Instructor:** A data extension is a table in Marketing Cloud.',
        '**You:** Explain journeys',
        '**Instructor:** Journey Builder lets you orchestrate *(interrupted)*',
        '**You:** *(not transcribed)*',
      ].join('\n\n') + '\n',
    );
  });

  it('renders snippets as fenced code with their language, and tools as short italic lines', () => {
    const code = 'SET @name = AttributeValue("FirstName")\n%%=v(@name)=%%';
    const entries: TranscriptEntry[] = [
      {
        id: 's1',
        role: 'tool',
        text: 'Greeting',
        status: 'done',
        at: 0,
        snippet: { language: 'AMPscript', title: 'Greeting', code },
      },
      {
        id: 't1',
        role: 'tool',
        text: '',
        status: 'done',
        at: 0,
        tool: { name: 'highlight_element', summary: 'Highlighted Send', ok: true },
      },
      {
        id: 't2',
        role: 'tool',
        text: '',
        status: 'done',
        at: 0,
        tool: { name: 'get_page_context', summary: 'Timed out after 8 s', ok: false },
      },
      { id: 'n1', role: 'notice', text: 'Reconnected', status: 'done', at: 0 },
    ];
    const md = transcriptToMarkdown(entries);
    expect(md).toContain('# SFMC Voice Instructor notes');
    expect(md).toContain(`**Greeting** (AMPscript)\n\n\`\`\`ampscript\n${code}\n\`\`\``);
    expect(md).toContain('*Tool: highlight_element (Highlighted Send)*');
    expect(md).toContain('*Tool failed: get_page_context (Timed out after 8 s)*');
    expect(md).toContain('> Reconnected');
  });

  it('uses a longer fence when the code itself contains backticks', () => {
    const md = transcriptToMarkdown([
      {
        id: 's',
        role: 'tool',
        text: '',
        status: 'done',
        at: 0,
        snippet: { language: 'ssjs', title: 'T', code: 'var s = `a ``` b`;' },
      },
    ]);
    expect(md).toContain('````ssjs\nvar s = `a ``` b`;\n````');
  });

  it('says so when there is nothing yet', () => {
    expect(transcriptToMarkdown([])).toBe('# SFMC Voice Instructor notes\n\n*No conversation yet.*\n');
  });

  it('leaves out preambles and keeps the answer of the same response', () => {
    const md = transcriptToMarkdown([
      { id: 'u', role: 'user', text: 'How do I allow re-entry?', status: 'done', at: 0 },
      {
        id: 'p',
        role: 'assistant',
        text: 'Let me check that.',
        status: 'done',
        at: 0,
        phase: 'commentary',
        responseId: 'r',
      },
      {
        id: 'a',
        role: 'assistant',
        text: 'Turn on re-entry in the settings.',
        status: 'done',
        at: 0,
        phase: 'final_answer',
        responseId: 'r',
      },
    ]);
    expect(md).not.toContain('Let me check that.');
    expect(md).toContain('**Instructor:** Turn on re-entry in the settings.');
  });
});
