// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { localizePage } from './localize-page';

describe('localizePage', () => {
  it('replaces every data-i18n text and sets the page language', () => {
    document.documentElement.innerHTML =
      '<head><title data-i18n="a.title">Title</title></head><body><h1 data-i18n="a.h">Hello</h1><p data-i18n="a.none">Keep</p><p>Plain</p></body>';
    const de: Record<string, string> = { 'a.title': 'Titel', 'a.h': 'Hallo' };
    localizePage(document, (key) => de[key], 'de');
    expect(document.documentElement.lang).toBe('de');
    expect(document.title).toBe('Titel');
    expect(document.querySelector('h1')?.textContent).toBe('Hallo');
    expect([...document.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['Keep', 'Plain']);
  });
});
