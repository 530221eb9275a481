/** The locale files (locales/<code>.json) as the build reads them, for unit and browser tests alike. */
import fs from 'node:fs';
import path from 'node:path';
import { flattenLocale, type LocaleFile } from '../../lib/i18n/catalog';

export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../locales');

/** Every locale file's code: ['de', 'en', …]. */
export function localeCodes(): string[] {
  return fs
    .readdirSync(LOCALES_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** One locale's messages by dotted key ("app.title"). */
export function readLocale(code: string): Map<string, string> {
  return flattenLocale(JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, `${code}.json`), 'utf8')) as LocaleFile);
}

/** English messages that must not show in a panel in `code` (long enough not to be a shared word like "Mode"). */
export function englishLeftIn(code: string, text: string): string[] {
  if (code === 'en') return [];
  const own = [...readLocale(code).values()].join('\n');
  return [...readLocale('en').values()].filter(
    (m) => m.length >= 8 && !m.includes('$') && !own.includes(m) && text.includes(m),
  );
}
