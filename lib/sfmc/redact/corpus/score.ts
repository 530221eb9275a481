/**
 * Scores a redactor on the corpus: per kind, how many items survived in no context (caught) and which leaked where;
 * for ordinary strings, which ones came back changed. Leaks are judged on the scanning form of the output, so a
 * value hidden behind zero-width characters or Arabic-Indic digits still counts as leaked.
 */
import { normalizeForScan } from '../normalize';
import { contexts } from './contexts';
import type { PiiItem, PiiKind } from './types';
import { wordSet } from '../../../word-set';

/** Words too common to identify anyone on their own. */
const COMMON_SET = wordSet(
  'example mail email gmail outlook yahoo hotmail test bearer basic token secret password client access refresh api key keys value authorization street road avenue lane drive north south east west rue calle via strasse straße platz weg house apartment flat suite unit floor box city',
);

const scanForm = (s: string) => normalizeForScan(s).text;

/** Kinds that are digits with separators: also judged on digits alone, 6 in a row. */
const NUMERIC: PiiKind[] = ['phone', 'card', 'iban', 'national-id', 'dob', 'ip', 'cvv'];

export function fragments(item: PiiItem): string[] {
  if (item.frags) return item.frags.map(scanForm);
  const min = item.kind === 'name' ? 2 : 4;
  const value = scanForm(item.value);
  const runs = value.match(/[\p{L}\p{N}]+/gu) ?? [];
  const useful = runs.filter(
    (r) => r.length >= min && !COMMON_SET.has(r.toLowerCase()) && (!NUMERIC.includes(item.kind) || /\d/.test(r)),
  );
  return [...new Set([...(NUMERIC.includes(item.kind) ? [] : [value]), ...useful])];
}

const digitsOnly = (s: string) => s.replace(/\D/g, '');

function digitLeak(item: PiiItem, result: string, empty: string): string | undefined {
  if (!NUMERIC.includes(item.kind)) return undefined;
  const v = digitsOnly(scanForm(item.value));
  const out = digitsOnly(result);
  const base = digitsOnly(empty);
  for (let i = 0; i + 6 <= v.length; i++) {
    const w = v.slice(i, i + 6);
    if (out.includes(w) && !base.includes(w)) return w;
  }
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const occurrences = (hay: string, frag: string) =>
  (hay.match(new RegExp(`(?<![\\p{L}\\p{N}])${escape(frag)}(?![\\p{L}\\p{N}])`, 'giu')) ?? []).length;

export interface KindScore {
  items: number;
  caught: number;
  leaks: string[];
}

export function scorePii(items: PiiItem[], redact: (s: string) => string): Map<PiiKind, KindScore> {
  const out = new Map<PiiKind, KindScore>();
  for (const item of items) {
    const score = out.get(item.kind) ?? { items: 0, caught: 0, leaks: [] };
    out.set(item.kind, score);
    score.items++;
    let leaked = false;
    for (const [ctx, t] of contexts(item.kind)) {
      const result = scanForm(redact(t(item.value)));
      const empty = scanForm(t(''));
      const hit =
        fragments(item).find((f) => occurrences(result, f) > occurrences(empty, f)) ?? digitLeak(item, result, empty);
      if (hit !== undefined) {
        leaked = true;
        score.leaks.push(
          `${ctx}: ${JSON.stringify(t(item.value))} → ${JSON.stringify(redact(t(item.value)))} (kept "${hit}")`,
        );
      }
    }
    if (!leaked) score.caught++;
  }
  return out;
}

export function changedOrdinary(strings: string[], redact: (s: string) => string): string[] {
  return strings.filter((s) => redact(s) !== s).map((s) => `${JSON.stringify(s)} → ${JSON.stringify(redact(s))}`);
}

/** One line per kind: `email 30/30`, leaks after. */
export function report(scores: Map<PiiKind, KindScore>): string {
  return [...scores]
    .map(
      ([kind, s]) =>
        `${kind.padEnd(15)} ${String(s.caught).padStart(3)}/${String(s.items).padEnd(3)} ${((100 * s.caught) / s.items).toFixed(1)} %`,
    )
    .join('\n');
}
