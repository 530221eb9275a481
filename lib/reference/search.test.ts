/**
 * The lookup's moving parts: tokenizing code names, stemming, learner-phrasing synonyms, exact-name ranking,
 * language preference, compact output and the shared index.
 */
import { describe, expect, it } from 'vitest';
import type { ReferenceEntry } from './schema.ts';
import { compact, createReferenceIndex, getReferenceIndex } from './search.ts';
import { dataViewHint, expandQuery } from './synonyms.ts';
import { processTerm, stem, tokenize } from './text.ts';

const ids = (query: string, limit = 3) =>
  getReferenceIndex()
    .search(query, limit)
    .map((h) => h.entry.id);

describe('text processing', () => {
  it('splits code names into the whole name and its parts', () => {
    expect(tokenize('LookupRows')).toEqual(expect.arrayContaining(['lookuprows', 'lookup', 'rows']));
    expect(tokenize('_Bounce')).toEqual(expect.arrayContaining(['_bounce', 'bounce']));
    expect(tokenize('re-entry')).toEqual(expect.arrayContaining(['reentry', 're', 'entry']));
    expect(tokenize('Platform.Function.HTTPGet')).toEqual(
      expect.arrayContaining(['platform', 'function', 'httpget', 'http', 'get']),
    );
  });

  it('stems plural and verb forms to one term', () => {
    expect(stem('bounces')).toBe(stem('bounce'));
    expect(stem('bounced')).toBe(stem('bounce'));
    expect(stem('queries')).toBe(stem('query'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('30')).toBe('30');
  });

  it('drops stop words', () => {
    expect(processTerm('the')).toBeNull();
    expect(processTerm('How')).toBeNull();
    expect(processTerm('Timeout')).toBe(stem('timeout'));
  });
});

describe('learner phrasing', () => {
  it('expands phrasing into the pack vocabulary', () => {
    expect(expandQuery('my query got killed')).toContain('timeout');
    expect(expandQuery('it timed out')).toContain('timeout');
    expect(expandQuery('read a url parameter')).toMatch(/RequestParameter.*QueryParameter/);
    expect(expandQuery('dedupe my list')).toContain('row_number');
    expect(expandQuery('can they re-enter?')).toContain('reentry');
    expect(expandQuery('nothing special here')).toBe('nothing special here');
  });

  it('maps "table with X" to the data view', () => {
    expect(dataViewHint('table with bounces')).toEqual(['_Bounce']);
    expect(dataViewHint('where are opens stored')).toEqual(['_Open']);
    expect(dataViewHint('how do bounces work')).toEqual([]);
  });

  it('answers the issue examples', () => {
    expect(ids('my query was killed')).toContain('sql.timeout');
    expect(ids('table with bounces')[0]).toBe('dataview._bounce');
    expect(ids('url parameter', 5).some((id) => /requestparameter|queryparameter|url-parameters/.test(id))).toBe(true);
    expect(ids('how do I dedupe?')[0]).toBe('sql.pattern.dedupe');
    expect(ids('can a contact re-enter?')).toContain('concept.journey-reentry');
  });
});

describe('ranking', () => {
  it('puts an exactly named function first', () => {
    for (const name of ['LookupRows', 'LookupOrderedRows', 'UpsertData', 'ParseJSON']) {
      const [best] = getReferenceIndex().search(`how do I use ${name}`);
      expect(best?.entry.function?.name, name).toBe(name);
    }
    expect(getReferenceIndex().search('lookuprows')[0]?.entry.function?.name).toBe('LookupRows');
    expect(getReferenceIndex().search('columns of _Sent')[0]?.entry.id).toBe('dataview._sent');
  });

  it('prefers the language the query names', () => {
    expect(ids('Lookup in ssjs', 1)[0]).toBe('ssjs.fn.lookup');
    expect(ids('Platform.Function.Lookup', 1)[0]).toBe('ssjs.fn.lookup');
    expect(ids('current date in sql', 1)[0]).toBe('sql.getdate-cst');
  });

  it('returns at most limit hits, best first, and nothing for an empty or unknown query', () => {
    const hits = getReferenceIndex().search('data extension', 4);
    expect(hits.length).toBe(4);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]!.score).toBeGreaterThanOrEqual(hits[i]!.score);
    expect(getReferenceIndex().search('   ')).toEqual([]);
    expect(getReferenceIndex().search('zxqv wpfk')).toEqual([]);
  });

  it('searches only the entries it was given', () => {
    const entries: ReferenceEntry[] = [
      {
        id: 'x.one',
        kind: 'concept',
        title: 'Alpha widgets',
        text: 'Alpha widgets explained in enough words.',
        keywords: [],
        source: 'https://help.salesforce.com/a',
      },
      {
        id: 'x.two',
        kind: 'concept',
        title: 'Beta gadgets',
        text: 'Beta gadgets explained in enough words.',
        keywords: [],
        source: 'https://help.salesforce.com/b',
      },
    ];
    const index = createReferenceIndex(entries);
    expect(index.size).toBe(2);
    expect(index.search('gadgets').map((h) => h.entry.id)).toEqual(['x.two']);
    expect(index.search('timeout')).toEqual([]);
  });

  it('tolerates one typo in longer words', () => {
    expect(ids('query activity timout', 2)).toContain('sql.timeout');
    expect(ids('dedupliccate rows')).toContain('sql.pattern.dedupe');
  });

  it('builds the shared index once', () => {
    expect(getReferenceIndex()).toBe(getReferenceIndex());
  });
});

describe('compact', () => {
  it('keeps id, title, source and a capped text led by the signature', () => {
    const [hit] = getReferenceIndex().search('Platform.Function.LookupOrderedRows');
    const c = compact(hit!);
    expect(Object.keys(c).sort()).toEqual(['id', 'source', 'text', 'title']);
    expect(c.id).toBe('ssjs.fn.lookuporderedrows');
    expect(c.text.startsWith('Platform.Function.LookupOrderedRows(')).toBe(true);
    expect(c.source).toMatch(/^https:\/\/developer\.salesforce\.com\//);
  });

  it('caps long text near 400 characters at a word boundary', () => {
    const long: ReferenceEntry = {
      id: 'x.long',
      kind: 'concept',
      title: 'Long',
      text: 'word '.repeat(200).trim(),
      keywords: [],
      source: 'https://help.salesforce.com/x',
    };
    const c = compact(long);
    expect(c.text.length).toBeLessThanOrEqual(400);
    expect(c.text.endsWith('word…')).toBe(true);
    expect(compact({ ...long, text: 'short text that is long enough' }).text).toBe('short text that is long enough');
  });
});
