import { describe, expect, it } from 'vitest';
import { flattenLocale, placeholdersOf, substitute } from './catalog';
import { usedKeys } from './usage';

describe('locale catalog', () => {
  it('flattens groups to dotted keys and joins plural forms as the build does', () => {
    const m = flattenLocale({ app: { title: 'T', deep: { x: 'X' } }, n: { '1': 'one', n: '$1 many' } });
    expect([...m]).toEqual([
      ['app.title', 'T'],
      ['app.deep.x', 'X'],
      ['n', 'one | $1 many'],
    ]);
  });
  it('reads placeholders, not escaped dollars', () => {
    expect(placeholdersOf('Step $2 of $1, $$5')).toEqual([1, 2]);
    expect(placeholdersOf('no placeholders')).toEqual([]);
  });
  it('substitutes like chrome.i18n', () => {
    expect(substitute('Step $1 of $2 costs $$3', ['2', '5'])).toBe('Step 2 of 5 costs $3');
  });
  it('finds keys in t() calls, data-i18n attributes and __MSG_ names', () => {
    const src = `{{ t('app.title') }} <p data-i18n="mic.heading"></p> t("a.b", [x]) name: '__MSG_manifest_name__' '@@ui' __MSG_@@ui_locale__ at('no') i18n?.getMessage?.('app_locale')`;
    expect(usedKeys(src)).toEqual({
      keys: ['app.title', 'a.b', 'mic.heading'],
      chromeNames: ['manifest_name', 'app_locale'],
    });
  });
});
