/**
 * Card labels → checker.
 */
import { describe, expect, it } from 'vitest';
import { checkLanguageFor } from './language.ts';

describe('checkLanguageFor', () => {
  it('direct labels, any case', () => {
    expect(checkLanguageFor('AMPscript', '')).toBe('ampscript');
    expect(checkLanguageFor('amp', '')).toBe('ampscript');
    expect(checkLanguageFor('SSJS', '')).toBe('ssjs');
    expect(checkLanguageFor('T-SQL', '')).toBe('sql');
    expect(checkLanguageFor(' html ', '')).toBe('html');
  });
  it('javascript is SSJS only when it is SFMC server code', () => {
    expect(checkLanguageFor('javascript', 'var r = Platform.Function.Lookup("a","b","c","d");')).toBe('ssjs');
    expect(checkLanguageFor('js', '<script runat="server">Write(1);</script>')).toBe('ssjs');
    expect(checkLanguageFor('javascript', 'document.querySelector("form").submit();')).toBeUndefined();
  });
  it('other languages are not checked', () => {
    expect(checkLanguageFor('json', '{}')).toBeUndefined();
    expect(checkLanguageFor('text', 'SELECT 1')).toBeUndefined();
  });
});
