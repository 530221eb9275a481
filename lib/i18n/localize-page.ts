/**
 * Fill a static page's texts in the browser's language: every element with `data-i18n="key"` gets that message as
 * its text, and `<html lang>` says which language it is. Elements whose key has no message keep their English.
 */
import { browserUiLanguage } from './ui-language';

export function localizePage(
  doc: Document,
  message: (key: string) => string | undefined,
  lang = browserUiLanguage(),
): void {
  if (lang) doc.documentElement.lang = lang;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const text = message(el.dataset.i18n ?? '');
    if (text) el.textContent = text;
  }
}
