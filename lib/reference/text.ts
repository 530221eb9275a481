/**
 * Text processing shared by indexing and querying the reference pack: a tokenizer that understands code names
 * (LookupRows → lookuprows + lookup + rows, _Bounce → _bounce + bounce, re-entry → reentry + re + entry, dotted
 * Platform.Function.Lookup), a stop-word list for learner phrasing, and a small suffix stemmer so "bounces",
 * "bounced" and "bouncing" meet "bounce". Both sides of the index go through the same functions.
 */
import { wordSet } from '../word-set.ts';

const STOP_WORDS = wordSet(
  'a an the and or but of to in on at by for from with into about as is are was were be been being am ' +
    'i me my we our you your it its this that these those there here what which who whom how why when where ' +
    'do does did doing done can could should would will shall may might must have has had having ' +
    'get gets got want wanted need needs needed like please tell explain show give know ' +
    'some any just so than then too very also way thing things something anything use using used ' +
    'sfmc marketing cloud salesforce mc s t d ll ve m',
);

/** Lower-case pieces of a code-ish word: camelCase, dotted and snake parts, plus the whole. */
function splitWord(word: string): string[] {
  const out = new Set<string>();
  const lower = word.toLowerCase();
  out.add(lower);
  if (lower.startsWith('_') && lower.length > 1) out.add(lower.replace(/^_+/, ''));
  if (word.includes('-')) {
    out.add(lower.replace(/-/g, ''));
    for (const part of lower.split('-')) if (part) out.add(part);
  }
  if (word.includes('.')) {
    for (const part of lower.split('.')) if (part) out.add(part);
  }
  // camelCase / PascalCase boundaries: LookupRows → lookup, rows; HTTPGet → http, get
  const camel = word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (camel.length > 1) for (const part of camel) out.add(part.toLowerCase());
  return [...out];
}

const PLAIN = /^[A-Z]?[a-z0-9]+$/;

/** Splits text into raw terms (not yet stemmed). Keeps `_`, `.`, `-` inside words so code names survive. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/[^A-Za-z0-9_.@-]+/)) {
    if (!chunk) continue;
    // Fast path: plain or capitalised words (most prose) need no splitting.
    if (PLAIN.test(chunk)) {
      out.push(chunk.toLowerCase());
      continue;
    }
    const word = chunk.replace(/^[.@-]+|[.-]+$/g, '');
    if (word) out.push(...splitWord(word));
  }
  return out;
}

/** A light English suffix stemmer: enough to merge plural and verb forms of the pack's vocabulary. */
export function stem(term: string): string {
  let t = term;
  if (t.length <= 3 || /\d/.test(t)) return t;
  if (t.endsWith('ies') && t.length > 4) t = `${t.slice(0, -3)}y`;
  else if (t.endsWith('sses')) t = t.slice(0, -2);
  else if (t.endsWith('s') && !/(ss|us|is)$/.test(t)) t = t.slice(0, -1);
  if (t.endsWith('ing') && t.length > 5 && VOWEL.test(t.slice(0, -3))) t = undouble(t.slice(0, -3));
  else if (t.endsWith('ed') && t.length > 4 && VOWEL.test(t.slice(0, -2))) t = undouble(t.slice(0, -2));
  if (t.endsWith('e') && t.length > 3) t = t.slice(0, -1);
  return t;
}

const VOWEL = /[aeiouy]/;

function undouble(t: string): string {
  return /([b-df-hj-kmnp-rtv-z])\1$/.test(t) && !/(ll|ss|zz)$/.test(t) ? t.slice(0, -1) : t;
}

const processed = new Map<string, string | null>();
const CACHE_LIMIT = 20_000;

/** Index- and query-time term processing: lower-case, drop stop words, stem. Memoized: the vocabulary is small. */
export function processTerm(term: string): string | null {
  const cached = processed.get(term);
  if (cached !== undefined) return cached;
  const t = term.toLowerCase();
  const out = !t || STOP_WORDS.has(t) ? null : stem(t);
  if (processed.size >= CACHE_LIMIT) processed.clear(); // queries add terms too; keep the memo bounded
  processed.set(term, out);
  return out;
}
