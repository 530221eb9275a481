// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import CheckMyCode from './CheckMyCode.vue';
import { guessLanguage } from './guess-language';

describe('CheckMyCode', () => {
  it('checks pasted code locally, shows the problems, and sends nothing until asked', async () => {
    const w = mount(CheckMyCode, { props: { canAsk: true } });
    await w.find('[data-testid="check-code"]').setValue('SELECT * FROM _Opens ORDER BY EventDate');
    await w.find('form').trigger('submit');
    await vi.waitFor(
      async () => (await flushPromises(), expect(w.find('[data-testid="check-summary"]').exists()).toBe(true)),
      { timeout: 10_000 },
    );
    expect(w.find('[data-testid="check-summary"]').text()).toMatch(/^checked: \d+ error/);
    expect(w.find('[data-testid="check-problems"]').text()).toMatch(/_Open/);
    expect(w.emitted('ask')).toBeUndefined();
    await w.find('[data-testid="check-ask"]').trigger('click');
    const [text] = w.emitted('ask')![0] as [string];
    expect(text).toContain('```sql\nSELECT * FROM _Opens ORDER BY EventDate\n```');
    expect(text).toMatch(/Checker result: checked:/);
  });

  it('cannot ask while disconnected', async () => {
    const w = mount(CheckMyCode, { props: { canAsk: false } });
    await w.find('[data-testid="check-code"]').setValue('%%[ SET @a = 1 ]%%');
    await w.find('form').trigger('submit');
    await vi.waitFor(
      async () => (await flushPromises(), expect(w.find('[data-testid="check-ask"]').exists()).toBe(true)),
      { timeout: 10_000 },
    );
    expect(w.find('[data-testid="check-ask"]').attributes('disabled')).toBeDefined();
  });

  it('guesses the language of a paste', () => {
    expect(guessLanguage('%%[ SET @a = 1 ]%%')).toBe('ampscript');
    expect(guessLanguage('<p>%%=v(@a)=%%</p>')).toBe('html');
    expect(guessLanguage('<script runat="server">Platform.Load("Core","1");</script>')).toBe('ssjs');
    expect(guessLanguage('select top 10 * from _Sent')).toBe('sql');
    expect(guessLanguage('var rows = Platform.Function.LookupRows("a","b","c");')).toBe('ssjs');
  });
});
