import { describe, expect, it } from 'vitest';
import { grammarFor, highlightCode } from './index';

describe('highlightCode', () => {
  it('highlights AMPscript: keywords, variables, functions, strings, personalization strings', () => {
    const html = highlightCode(
      '%%[ VAR @n SET @n = Lookup("Members", "Name", "Key", _subscriberkey) IF @n == "" THEN ENDIF ]%% Hi %%FirstName%%',
      'ampscript',
    )!;
    expect(html).toContain('<span class="hljs-keyword">VAR</span>');
    expect(html).toContain('<span class="hljs-variable">@n</span>');
    expect(html).toContain('<span class="hljs-title function_">Lookup</span>');
    expect(html).toContain('<span class="hljs-string">&quot;Members&quot;</span>');
    expect(html).toContain('<span class="hljs-template-variable">%%FirstName%%</span>');
  });

  it('escapes code: markup in the snippet never becomes markup in the panel', () => {
    for (const lang of ['ampscript', 'sql', 'ssjs', 'html']) {
      const html = highlightCode('<img src=x onerror=alert(1)> %%[ SET @a = "<b>" ]%%', lang)!;
      expect(html).not.toMatch(/<img|<b>/);
    }
  });

  it('picks grammars by language, HTML with AMPscript as AMPscript', () => {
    expect(grammarFor('SSJS', '')).toBe('javascript');
    expect(grammarFor('html', '<p>%%=v(@x)=%%</p>')).toBe('ampscript');
    expect(grammarFor('html', '<p>hi</p>')).toBe('xml');
    expect(highlightCode('x', 'text')).toBeNull();
    expect(highlightCode('SELECT TOP 10 SubscriberKey FROM _Open', 'sql')).toContain(
      '<span class="hljs-keyword">SELECT</span>',
    );
  });
});
