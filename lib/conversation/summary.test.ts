import { describe, expect, it } from 'vitest';
import { summarizeForReconnect } from './summary';
import type { TranscriptEntry } from './types';

const entry = (role: TranscriptEntry['role'], text: string, extra: Partial<TranscriptEntry> = {}): TranscriptEntry => ({
  id: `${role}_${text}`,
  role,
  text,
  status: 'done',
  at: 0,
  ...extra,
});

describe('summarizeForReconnect', () => {
  it('is empty without conversation', () => {
    expect(summarizeForReconnect([])).toBe('');
    expect(summarizeForReconnect([entry('notice', 'Reconnecting…'), entry('user', '')])).toBe('');
  });

  it('recaps user and instructor turns in order, marking interrupted replies', () => {
    const recap = summarizeForReconnect([
      entry('user', 'What is a data extension?'),
      entry('assistant', 'A table  in\nMarketing Cloud.'),
      entry('notice', 'Connection lost'),
      entry('tool', 'Select', { snippet: { language: 'sql', title: 'Select subscribers', code: 'SELECT 1' } }),
      entry('assistant', 'Then you', { status: 'cut' }),
    ]);
    expect(recap).toBe(
      [
        'Conversation so far (resumed after a reconnect):',
        'User: What is a data extension?',
        'Instructor: A table in Marketing Cloud.',
        '(Instructor showed a sql snippet: Select subscribers)',
        'Instructor: Then you (interrupted)',
      ].join('\n'),
    );
  });

  it('drops the oldest turns first to fit maxChars', () => {
    const entries = Array.from({ length: 40 }, (_, i) =>
      entry(i % 2 ? 'assistant' : 'user', `turn number ${i} ${'x'.repeat(30)}`),
    );
    const recap = summarizeForReconnect(entries, 300);
    expect(recap.length).toBeLessThanOrEqual(300);
    expect(recap).toContain('turn number 39');
    expect(recap).not.toContain('turn number 0 ');
    const kept = recap
      .split('\n')
      .slice(1)
      .map((l) => Number(/turn number (\d+)/.exec(l)![1]));
    expect(kept).toEqual([...kept].sort((a, b) => a - b));
    expect(kept.at(-1)).toBe(39);
  });

  it('keeps the end of a single over-long last turn', () => {
    const recap = summarizeForReconnect([entry('user', `${'a'.repeat(500)}END`)], 120);
    expect(recap.length).toBeLessThanOrEqual(120);
    expect(recap.endsWith('END')).toBe(true);
  });

  it('leaves out preambles: the recap carries the answer only', () => {
    const recap = summarizeForReconnect([
      entry('user', 'How do I allow re-entry?'),
      entry('assistant', 'Let me check that.', { phase: 'commentary', responseId: 'r' }),
      entry('assistant', 'Turn on re-entry in the settings.', { phase: 'final_answer', responseId: 'r' }),
    ]);
    expect(recap.split('\n').slice(1)).toEqual([
      'User: How do I allow re-entry?',
      'Instructor: Turn on re-entry in the settings.',
    ]);
  });
});
