// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import type { TranscriptEntry } from '@/lib/conversation/types';
import TranscriptList from './TranscriptList.vue';

const broken: TranscriptEntry = {
  id: 'snippet_1',
  role: 'tool',
  text: 'Members',
  status: 'done',
  at: 1,
  snippet: {
    language: 'ampscript',
    title: 'Members',
    code: '%%[\nSET @rows = LookupRow("Members")\n]%%',
    check: {
      ok: false,
      problems: [
        {
          line: 2,
          column: 13,
          severity: 'error',
          rule: 'unknown-function',
          message: 'LookupRow is not an AMPscript function; did you mean LookupRows?',
        },
      ],
    },
  },
};
const fixed: TranscriptEntry = {
  ...broken,
  id: 'snippet_2',
  at: 2,
  snippet: {
    ...broken.snippet!,
    code: '%%[\nSET @rows = LookupRows("Members", "Status", "Active")\n]%%',
    check: { ok: true, problems: [] },
    supersedes: 'snippet_1',
  },
};

describe('TranscriptList', () => {
  it('a checked card shows its badge, marks the problem line and lists the problem', async () => {
    const w = mount(TranscriptList, { props: { entries: [broken] } });
    await flushPromises();
    expect(w.find('[data-testid="check-badge"]').text()).toBe('1 problem');
    expect(w.find('.gutter li.error').attributes('data-line')).toBe('2');
    expect(w.find('[data-testid="check-problems"]').text()).toContain(
      'Line 2:13 — LookupRow is not an AMPscript function',
    );
  });

  it('keeps the corrected card on top with the broken one folded under it', async () => {
    const w = mount(TranscriptList, { props: { entries: [broken, fixed] } });
    await flushPromises();
    const items = w.findAll('[data-testid="entry"]');
    expect(items).toHaveLength(1);
    const cards = items[0]!.findAll('[data-testid="snippet"]');
    expect(cards[0]!.find('[data-testid="check-badge"]').text()).toBe('Checked ✓');
    expect(items[0]!.find('[data-testid="earlier-version"] summary').text()).toContain('(1 problem)');
    expect(cards[1]!.attributes('data-check')).toBe('error');
  });

  it('shows what was looked up, each linking to its source, or says the reference had nothing', () => {
    const w = mount(TranscriptList, {
      props: {
        entries: [
          {
            id: 'l1',
            role: 'tool',
            text: 'q',
            status: 'done',
            at: 1,
            lookups: {
              query: 'rows',
              found: [
                { id: 'a', title: 'LookupRows', source: 'https://developer.salesforce.com/x' },
                { id: 'b', title: 'RowCount', source: 'https://developer.salesforce.com/y' },
              ],
            },
          },
          { id: 'l2', role: 'tool', text: 'q', status: 'done', at: 2, lookups: { query: 'teleport', found: [] } },
        ],
      },
    });
    const [hit, miss] = w.findAll('[data-testid="looked-up"]');
    expect(hit!.text().replace(/\s+/g, ' ')).toBe('Looked up: LookupRows, RowCount');
    expect(hit!.findAll('a').map((a) => a.attributes('href'))).toEqual([
      'https://developer.salesforce.com/x',
      'https://developer.salesforce.com/y',
    ]);
    expect(hit!.find('a').attributes('rel')).toContain('noopener');
    expect(miss!.text()).toContain('not in the reference');
  });

  it('renders highlighted code once the highlighter has loaded, without turning code into markup', async () => {
    const evil: TranscriptEntry = {
      ...broken,
      id: 's3',
      snippet: { language: 'html', title: 'x', code: '<img src=x onerror="alert(1)"><p>%%=v(@a)=%%</p>' },
    };
    const w = mount(TranscriptList, { props: { entries: [evil] } });
    await flushPromises();
    await new Promise((r) => setTimeout(r, 50));
    await flushPromises();
    expect(w.find('code.hljs').exists()).toBe(true);
    expect(w.find('code.hljs img').exists()).toBe(false);
    expect(w.find('[data-testid="check-badge"]').exists()).toBe(false);
  });

  it('shows a preamble as a brief muted line without the speaker, and the answer as the answer', async () => {
    const entries: TranscriptEntry[] = [
      {
        id: 'p',
        role: 'assistant',
        text: 'Let me check that.',
        status: 'done',
        at: 1,
        phase: 'commentary',
        responseId: 'r',
      },
      {
        id: 'a',
        role: 'assistant',
        text: 'Turn on re-entry.',
        status: 'done',
        at: 2,
        phase: 'final_answer',
        responseId: 'r',
        costUsd: 0.0042,
      },
    ];
    const w = mount(TranscriptList, { props: { entries } });
    await flushPromises();
    const [pre, answer] = w.findAll('[data-testid="entry"]');
    expect(pre!.classes()).toContain('preamble');
    expect(pre!.find('.who').exists()).toBe(false);
    expect(pre!.find('[data-testid="preamble"]').text()).toBe('Let me check that.');
    expect(pre!.attributes('title')).toBeUndefined();
    expect(answer!.classes()).not.toContain('preamble');
    expect(answer!.find('.who').text()).toBe('Instructor');
    expect(answer!.attributes('title')).toContain('$0.0042');
  });
});
