/**
 * Pure helpers over a locale file (locales/<code>.json, the @wxt-dev/i18n format): flatten it to the keys the code
 * uses, read a message the way chrome.i18n does ($1…$9, `$$` for a dollar sign, plural forms split on " | "). Used by
 * the locale checks and by the fake i18n of component tests, so both read the files exactly as the build writes them.
 */

/** A locale file: nested groups of messages; a plural message is `{ "1": "…", "n": "…" }` (optionally `"0"`). */
export type LocaleFile = { [key: string]: string | LocaleFile };

/** One message per dotted key ("app.title"); plural forms joined with " | " as in the built messages.json. */
export function flattenLocale(file: LocaleFile, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(file)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') out.set(key, value);
    else if (isPlural(value)) out.set(key, Object.values(value).join(' | '));
    else for (const [k, v] of flattenLocale(value, key)) out.set(k, v);
  }
  return out;
}

function isPlural(value: LocaleFile): boolean {
  return (
    Object.keys(value).every((k) => k === 'n' || /^\d+$/.test(k)) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/** The positional placeholders a message uses ($1…$9, not `$$`), sorted: "Step $1 of $2" → [1, 2]. */
export function placeholdersOf(message: string): number[] {
  const found = new Set<number>();
  for (const m of message.matchAll(/\$(\$|[1-9])/g)) if (m[1] !== '$') found.add(Number(m[1]));
  return [...found].sort((a, b) => a - b);
}

/** Fill $1…$9 (and `$$` → `$`) as chrome.i18n.getMessage does. */
export function substitute(message: string, substitutions: readonly string[] = []): string {
  return message.replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (substitutions[Number(d) - 1] ?? '')));
}

/** The chrome.i18n name of a dotted key: "app.title" → "app_title". */
export const chromeName = (key: string): string => key.replaceAll('.', '_');
