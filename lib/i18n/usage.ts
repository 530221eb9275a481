/**
 * Which message keys a source file uses, read from the ways the code names one: `t('group.key')` (script and
 * template), `data-i18n="group.key"` (static HTML filled at start), `__MSG_group_key__` (manifest) and
 * `getMessage('group_key')` (chrome.i18n directly, where #i18n is not at hand). Keys are always
 * literal at the call, so this list is complete: the locale check compares it with locales/en.json both ways.
 */
const CALL = /\bt\(\s*['"`]([A-Za-z0-9_.]+)['"`]/g;
const ATTRIBUTE = /\bdata-i18n(?:-[a-z]+)?="([A-Za-z0-9_.]+)"/g;
const MANIFEST = /__MSG_([A-Za-z0-9_]+)__/g;
const GET_MESSAGE = /\bgetMessage\?*\.?\(\s*['"`]([A-Za-z0-9_]+)['"`]/g;

/** Dotted keys used through t() and data-i18n, and chrome names (underscored) used through __MSG_…__. */
export function usedKeys(source: string): { keys: string[]; chromeNames: string[] } {
  const keys = [...source.matchAll(CALL), ...source.matchAll(ATTRIBUTE)].map((m) => m[1]!);
  const chromeNames = [...source.matchAll(MANIFEST), ...source.matchAll(GET_MESSAGE)]
    .map((m) => m[1]!)
    .filter((n) => !n.startsWith('@@'));
  return { keys: [...new Set(keys)], chromeNames: [...new Set(chromeNames)] };
}
