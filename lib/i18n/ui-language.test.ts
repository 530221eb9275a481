import { describe, expect, it } from 'vitest';
import { answerLanguageFor } from './ui-language';

describe('answerLanguageFor', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['ja', 'ja'],
    ['pt-BR', 'pt'],
    ['pt_BR', 'pt'],
    ['EN-gb', 'en'],
  ])('answers in the browser language %s → %s', (ui, expected) => {
    expect(answerLanguageFor(ui)).toBe(expected);
  });
  it('falls back to English for a language the instructor does not offer, or none', () => {
    expect(answerLanguageFor('tr')).toBe('en');
    expect(answerLanguageFor('')).toBe('en');
    expect(answerLanguageFor(undefined)).toBe('en');
  });
  it('only answers with a code from the offered list', () => {
    expect(answerLanguageFor('sv', { en: 'English', sv: 'Swedish' })).toBe('sv');
    expect(answerLanguageFor('de', { en: 'English' })).toBe('en');
  });
});
