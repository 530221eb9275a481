/**
 * The catalogue derived from reference entries, and the real one built from the pack.
 */
import { describe, expect, it } from 'vitest';
import type { ReferenceEntry } from '../reference/schema.ts';
import { arity, buildCatalog } from './catalog.ts';
import { defaultCatalog } from './default-catalog.ts';

const fn = (
  kind: ReferenceEntry['kind'],
  name: string,
  minArgs: number,
  maxArgs: number | null,
  extra = {},
): ReferenceEntry => ({
  id: `x.${name.toLowerCase()}`,
  kind,
  title: name,
  text: 'twenty characters of text',
  keywords: [],
  source: 'https://developer.salesforce.com/x',
  function: { name, params: [], minArgs, maxArgs, returns: 'string', ...extra },
});

describe('buildCatalog', () => {
  it('keys by lower-case name; strips Platform.Function.; skips Core methods; data views from titles', () => {
    const c = buildCatalog({
      ampscript: [
        fn('ampscript-function', 'LookupRows', 3, null, { contexts: ['email'] }),
        fn('ampscript-language', 'IF', 0, 0),
      ],
      ssjs: [fn('ssjs-function', 'Platform.Function.Lookup', 4, 4), fn('ssjs-function', 'DataExtension.Init', 1, 1)],
      sql: [
        { ...fn('data-view', '_Open', 0, 0), function: undefined } as ReferenceEntry,
        { ...fn('sql-rule', 'No UPDATE', 0, 0), function: undefined } as ReferenceEntry,
      ],
    });
    expect([...c.ampscript.keys()]).toEqual(['lookuprows']);
    expect(c.ampscript.get('lookuprows')).toEqual({
      name: 'LookupRows',
      minArgs: 3,
      maxArgs: null,
      contexts: ['email'],
    });
    expect([...c.ssjsPlatform.keys()]).toEqual(['lookup']);
    expect([...c.dataViews.entries()]).toEqual([['_open', '_Open']]);
  });

  it('arity wording', () => {
    expect(arity({ name: 'a', minArgs: 1, maxArgs: 1 })).toBe('1 argument');
    expect(arity({ name: 'a', minArgs: 2, maxArgs: 4 })).toBe('2 to 4 arguments');
    expect(arity({ name: 'a', minArgs: 3, maxArgs: null })).toBe('at least 3 arguments');
  });
});

describe('defaultCatalog (the reference pack)', () => {
  it('has the AMPscript functions, the Platform functions and the data views', () => {
    const c = defaultCatalog();
    expect(c.ampscript.size).toBeGreaterThanOrEqual(150);
    expect(c.ampscript.get('lookuprows')?.name).toBe('LookupRows');
    expect(c.ssjsPlatform.size).toBeGreaterThanOrEqual(40);
    expect(c.ssjsPlatform.has('parsejson')).toBe(true);
    expect(c.dataViews.get('_open')).toBe('_Open');
    expect(c.dataViews.size).toBeGreaterThanOrEqual(20);
    expect(defaultCatalog()).toBe(c);
  });
});
