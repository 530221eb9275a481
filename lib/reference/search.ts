/**
 * Full-text lookup over the reference pack, run wherever the caller runs (offscreen document, service worker, the
 * practice stand-in, the sfmc:ask CLI): no network. MiniSearch (BM25, field boosts, prefix and fuzzy matching) over
 * title, code names, keywords, text and kind; learner phrasing is widened by `expandQuery` (synonyms.ts) and terms
 * are stemmed (text.ts). A query that names a function, object or data view exactly (`LookupRows`, `_Bounce`) puts
 * that entry first.
 */
import MiniSearch from 'minisearch';
import type { EntryKind, ReferenceEntry } from './schema.ts';
import { ALL_ENTRIES } from './pack/index.ts';
import { dataViewHint, expandQuery } from './synonyms.ts';
import { processTerm, tokenize } from './text.ts';

export interface ReferenceHit {
  entry: ReferenceEntry;
  score: number;
}

export interface ReferenceIndex {
  /** Best first; at most `limit` hits (default 5); empty when nothing matches. */
  search(query: string, limit?: number): ReferenceHit[];
  /** The underlying MiniSearch, for serialisation (`JSON.stringify(index.mini)`) and the benchmark. */
  readonly mini: MiniSearch<IndexedDoc>;
  readonly size: number;
}

/** The compact shape tools and the CLI return. */
export interface CompactEntry {
  id: string;
  title: string;
  text: string;
  source: string;
}

interface IndexedDoc {
  id: string;
  title: string;
  names: string;
  keywords: string;
  text: string;
  kind: string;
}

const KIND_WORDS: Record<EntryKind, string> = {
  'ampscript-function': 'ampscript function',
  'ampscript-language': 'ampscript language syntax',
  'ssjs-function': 'ssjs server-side javascript platform function',
  'ssjs-object': 'ssjs server-side javascript core object',
  'ssjs-language': 'ssjs server-side javascript language syntax',
  'sql-rule': 'sql query rule',
  'sql-pattern': 'sql query pattern example',
  'data-view': 'sql data view table',
  concept: 'concept',
  error: 'error message problem fix',
};

const QUERY_AS_TERMS = { tokenize: (s: string) => s.split(' '), processTerm: (t: string) => t };

const FIELD_BOOST = { names: 4, title: 3, keywords: 2, text: 1, kind: 0.6 };

/** Code names an entry answers to: its function name, a data view's name, identifier-looking keywords. */
function namesOf(entry: ReferenceEntry): string[] {
  const names = new Set<string>();
  if (entry.function) names.add(entry.function.name);
  if (entry.kind === 'data-view') names.add(entry.title);
  if (entry.kind === 'ampscript-function' || entry.kind === 'ssjs-function') names.add(entry.title);
  for (const k of entry.keywords) if (/^[A-Za-z_][\w.]*$/.test(k) && /[A-Z_.]/.test(k.slice(1))) names.add(k);
  return [...names];
}

interface NamedEntries {
  ids: string[];
  /** The canonical spelling is a compound code name (LookupRows, WSProxy, _Bounce, Platform.Load). */
  compound: boolean;
}

const COMPOUND = /^_|\.|^.+[A-Z]/;

/** Lower-cased code name → entry ids; dotted names also under their last segment (Script.Util.WSProxy → wsproxy). */
function buildNameMap(entries: readonly ReferenceEntry[]): Map<string, NamedEntries> {
  const map = new Map<string, NamedEntries>();
  const add = (name: string, id: string) => {
    const key = name.toLowerCase();
    const named = map.get(key) ?? { ids: [], compound: false };
    if (!named.ids.includes(id)) named.ids.push(id);
    named.compound ||= COMPOUND.test(name);
    map.set(key, named);
  };
  for (const entry of entries) {
    const primary = entry.function?.name ?? (entry.kind === 'data-view' ? entry.title : undefined);
    if (primary) add(primary, entry.id);
    // SSJS objects answer to the code name their title starts with (Script.Util.WSProxy, DataExtension.Rows, …).
    const code = entry.kind === 'ssjs-object' ? /^[A-Za-z_][\w.]*/.exec(entry.title)?.[0] : undefined;
    if (code) {
      add(code, entry.id);
      if (code.includes('.')) add(code.split('.').pop()!, entry.id);
    }
  }
  return map;
}

/**
 * Entries the query names as code: a compound name in any case ("lookuprows", "wsproxy", "_sent"), or a plain name
 * written like a call or in its own capitalised form after the first word (`Now()`, "what does Lookup return") —
 * so the everyday words "now", "subscriber" or "lookup" in a sentence do not count.
 */
function namedInQuery(query: string, names: Map<string, NamedEntries>): Set<string> {
  const ids = new Set<string>();
  const words = query.split(/[^A-Za-z0-9_.]+/).filter(Boolean);
  words.forEach((raw, i) => {
    for (const word of new Set([raw, raw.split('.').pop() ?? raw])) {
      const named = names.get(word.toLowerCase());
      if (!named) continue;
      const called = new RegExp(`\\b${escapeRe(word)}\\s*\\(`).test(query);
      const cased = i > 0 && /^[A-Z]/.test(word) && word !== word.toUpperCase();
      if (named.compound || called || cased) for (const id of named.ids) ids.add(id);
    }
  });
  return ids;
}

type Family = 'ampscript' | 'ssjs' | 'sql';

const LANGUAGE_BOOST = 1.4;

/** "What is a triggered send?" asks for the concept (or a language overview), not the API object of that name. */
const DEFINITIONAL = /^\s*(what(['’]s| is| are)|explain|define|meaning of)\b/i;
const CONCEPT_BOOST = 1.25;

/** The one language a query names, if exactly one ("ampscript current date" → ampscript). */
function languageOf(query: string): Family | undefined {
  const q = query.toLowerCase();
  const found: Family[] = [];
  if (/\bamp ?script\b/.test(q)) found.push('ampscript');
  if (/\bssjs\b|server[- ]side javascript|\bplatform\.function\b|\bwsproxy\b/.test(q)) found.push('ssjs');
  if (/\b(sql|query activit(y|ies)|t-sql)\b/.test(q)) found.push('sql');
  return found.length === 1 ? found[0] : undefined;
}

function familyOf(entry: ReferenceEntry): Family | undefined {
  if (entry.kind.startsWith('ampscript')) return 'ampscript';
  if (entry.kind.startsWith('ssjs')) return 'ssjs';
  if (entry.kind.startsWith('sql') || entry.kind === 'data-view') return 'sql';
  return undefined;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function createReferenceIndex(entries: readonly ReferenceEntry[] = ALL_ENTRIES): ReferenceIndex {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const names = buildNameMap(entries);
  /** Every indexed term: a query word found here is spelled right, so it skips the (costly) fuzzy search. */
  const vocabulary = new Set<string>();
  const mini = new MiniSearch<IndexedDoc>({
    fields: ['title', 'names', 'keywords', 'text', 'kind'],
    // The names field holds whole code names only (lookuprows), so a camelCase part (rows) does not outrank prose.
    tokenize: (text, field) =>
      field === 'names'
        ? text
            .split(/\s+/)
            .filter(Boolean)
            .map((n) => n.toLowerCase())
        : tokenize(text),
    processTerm: (term) => {
      const t = processTerm(term);
      if (t) vocabulary.add(t);
      return t;
    },
    searchOptions: {
      boost: FIELD_BOOST,
      combineWith: 'OR',
      prefix: (term) => term.length >= 4 && !vocabulary.has(term),
      // One typo, only in unknown plain words of 6+ letters (not code names with dots/underscores).
      fuzzy: (term) => (term.length >= 6 && !vocabulary.has(term) && !/[._]/.test(term) ? 0.2 : false),
      maxFuzzy: 1,
      weights: { prefix: 0.3, fuzzy: 0.25 },
    },
  });
  mini.addAll(
    entries.map((e) => ({
      id: e.id,
      title: e.title,
      names: namesOf(e).join(' '),
      keywords: e.keywords.join(' . '),
      text: e.text,
      kind: KIND_WORDS[e.kind],
    })),
  );

  function search(query: string, limit = 5): ReferenceHit[] {
    const q = query.trim();
    if (!q) return [];
    const language = languageOf(q);
    const definitional = DEFINITIONAL.test(q);
    const named = namedInQuery(`${q} ${dataViewHint(q).join(' ')}`, names);
    // Tokenize, stem and de-duplicate once here; MiniSearch then takes the terms as they are.
    const terms = [
      ...new Set(
        tokenize(expandQuery(q))
          .map(processTerm)
          .filter((t): t is string => !!t),
      ),
    ];
    if (terms.length === 0) return [];
    const results = mini.search(terms.join(' '), QUERY_AS_TERMS);
    if (results.length === 0) return [];
    const top = results[0]?.score ?? 0;
    const hits: ReferenceHit[] = [];
    for (const r of results) {
      const entry = byId.get(r.id as string);
      if (!entry) continue;
      let score = r.score * (language && familyOf(entry) === language ? LANGUAGE_BOOST : 1);
      if (definitional && (entry.kind === 'concept' || entry.id.endsWith('.overview'))) score *= CONCEPT_BOOST;
      hits.push({ entry, score: named.has(entry.id) ? score + top : score });
    }
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }

  return { search, mini, size: entries.length };
}

let shared: ReferenceIndex | undefined;

/** The index over the whole pack, built on first use (a few ms) and kept. */
export function getReferenceIndex(): ReferenceIndex {
  shared ??= createReferenceIndex();
  return shared;
}

const TEXT_CAP = 400;

/** A hit as tools return it: id, title, text (signature first when there is one; capped near 400 chars), source. */
export function compact(hit: ReferenceHit | ReferenceEntry): CompactEntry {
  const entry = 'entry' in hit ? hit.entry : hit;
  const full =
    entry.signature && !entry.text.includes(entry.signature) ? `${entry.signature} — ${entry.text}` : entry.text;
  return { id: entry.id, title: entry.title, text: cap(full, TEXT_CAP), source: entry.source };
}

function cap(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.—-]+$/, '')}…`;
}
