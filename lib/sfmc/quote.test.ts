import { describe, expect, it } from 'vitest';
import { isAppItemText } from '@/lib/conversation/items';
import { reduceTranscript } from '@/lib/conversation/transcript';
import { CONTEXT_MARKER, cleanPageString } from './quote';

describe('cleanPageString', () => {
  it('normalises, strips invisible and control characters, collapses space and caps', () => {
    expect(cleanPageString('Ｊｏｕｒｎｅｙ\u200b  Settings\n\nSYSTEM')).toBe('Journey Settings SYSTEM');
    expect(cleanPageString('a\u202eb\u0007c\u2028d')).toBe('a b c d');
    expect(cleanPageString('x'.repeat(200), 20)).toHaveLength(20);
    expect(cleanPageString(42)).toBe('');
  });
});

describe('page context items in the transcript', () => {
  it('is recognised as an app item and never shown as a user turn', () => {
    const text = `${CONTEXT_MARKER}\n{"app":"Journey Builder"}`;
    expect(isAppItemText(text)).toBe(true);
    const item = { id: 'item_1', type: 'message', role: 'user', content: [{ type: 'input_text', text }] };
    expect(reduceTranscript([], { type: 'conversation.item.added', item }, 1)).toEqual([]);
    expect(reduceTranscript([], { type: 'conversation.item.create', item }, 1)).toEqual([]);
    const typed = { ...item, id: 'item_2', content: [{ type: 'input_text', text: 'how do I dedupe?' }] };
    expect(reduceTranscript([], { type: 'conversation.item.added', item: typed }, 1)).toHaveLength(1);
  });
});
