/**
 * The locale check: every locale has exactly English's keys with the same placeholders and no empty message; every
 * key is used somewhere in the extension and every key the code uses is defined. Fails on a missing or unused key.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromeName, placeholdersOf } from './catalog';
import { usedKeys } from './usage';
import { localeCodes, readLocale } from '@/tests/support/fake-i18n';

const ROOT = path.resolve(import.meta.dirname, '../..');
/** Where UI text lives: the panel, its pages, the manifest. */
const SOURCES = ['components', 'composables', 'entrypoints', 'lib', 'stores'];
const REQUIRED = ['de', 'en', 'es', 'fr', 'ja', 'pt_BR'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(p);
    return /\.(vue|ts|html)$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [p] : [];
  });
}

const en = readLocale('en');
// These two only describe the syntax in their comments.
const SYNTAX_DOCS = ['lib/i18n/usage.ts', 'lib/i18n/localize-page.ts'].map((f) => path.join(ROOT, f));
const files = [...SOURCES.flatMap((d) => sourceFiles(path.join(ROOT, d))), path.join(ROOT, 'wxt.config.ts')].filter(
  (f) => !SYNTAX_DOCS.includes(f),
);
const byChromeName = new Map([...en.keys()].map((k) => [chromeName(k), k]));
const used = new Map<string, string[]>();
for (const file of files) {
  const { keys, chromeNames } = usedKeys(fs.readFileSync(file, 'utf8'));
  for (const key of [...keys, ...chromeNames.map((n) => byChromeName.get(n) ?? `__MSG_${n}__`)]) {
    used.set(key, [...(used.get(key) ?? []), path.relative(ROOT, file)]);
  }
}

describe('locales', () => {
  it('has the six required locales', () => {
    expect(localeCodes()).toEqual(expect.arrayContaining(REQUIRED));
  });
  it.each(localeCodes())('%s has exactly the English keys, the same placeholders and no empty message', (code) => {
    const messages = readLocale(code);
    expect([...messages.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, message] of messages) {
      expect(message.trim(), `${code} ${key}`).not.toBe('');
      expect(placeholdersOf(message), `${code} ${key}: "${message}"`).toEqual(placeholdersOf(en.get(key)!));
    }
    // Chrome Web Store limits for what the manifest shows.
    expect(messages.get('manifest.name')!.length).toBeLessThanOrEqual(75);
    expect(messages.get('manifest.description')!.length).toBeLessThanOrEqual(132);
  });
  it('every key the code uses is defined in English', () => {
    const undefinedKeys = [...used.entries()]
      .filter(([key]) => !en.has(key))
      .map(([key, where]) => `${key} (${where.join(', ')})`);
    expect(undefinedKeys).toEqual([]);
  });
  it('every English key is used somewhere in the extension', () => {
    expect([...en.keys()].filter((key) => !used.has(key))).toEqual([]);
  });
});
