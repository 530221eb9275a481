/**
 * A fake chrome.i18n for component tests: getMessage answers from locales/<code>.json (read as the build reads it), so
 * a test can render the panel in any locale and see every text that locale really has. `useLocale('de')` switches;
 * the vitest setup (tests/support/i18n-setup.ts) starts every test file in English.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeName, substitute } from '@/lib/i18n/catalog';
import { readLocale } from './locales';

export { englishLeftIn, localeCodes, readLocale } from './locales';

/** Messages asked for that the locale lacks (getMessage answered ''), since the last useLocale. */
export const missing = new Set<string>();

/** Make chrome.i18n answer in `code`; returns that locale's messages by dotted key. */
export function useLocale(code: string): Map<string, string> {
  const messages = readLocale(code);
  const byChromeName = new Map([...messages].map(([k, v]) => [chromeName(k), v]));
  missing.clear();
  const i18n = fakeBrowser.i18n as unknown as Record<string, unknown>;
  i18n.getMessage = (name: string, subs?: string | string[]) => {
    const message = byChromeName.get(name);
    if (message === undefined) {
      missing.add(name);
      return '';
    }
    return substitute(message, typeof subs === 'string' ? [subs] : (subs ?? []));
  };
  i18n.getUILanguage = () => code.replace('_', '-');
  return messages;
}
