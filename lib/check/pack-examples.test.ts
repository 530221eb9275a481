/**
 * Every `example` in the reference pack checks without errors with the real catalogue: the instructor shows these
 * snippets, so the checker and the pack must agree. Warnings (e.g. a Core object in a short example without
 * Platform.Load) are allowed.
 */
import { describe, expect, it } from 'vitest';
import { AMPSCRIPT_FUNCTIONS } from '../reference/pack/ampscript-functions.ts';
import { ALL_ENTRIES } from '../reference/pack/index.ts';
import type { ReferenceEntry } from '../reference/schema.ts';
import { check } from './index.ts';
import type { CheckLanguage } from './types.ts';

/** By kind; concepts and errors by what the example looks like (undefined = prose, not code). */
function languageOf(e: ReferenceEntry, example: string): CheckLanguage | undefined {
  if (e.kind.startsWith('ampscript')) return 'ampscript';
  if (e.kind.startsWith('ssjs')) return 'ssjs';
  if (e.kind.startsWith('sql') || e.kind === 'data-view') return 'sql';
  if (/%%[[=]|<script\b/i.test(example)) return 'html';
  if (/^\s*(SELECT|WITH)\b/i.test(example)) return 'sql';
  return undefined;
}

const cases = ALL_ENTRIES.flatMap((e) => {
  const lang = e.example ? languageOf(e, e.example) : undefined;
  if (!e.example || !lang) return [];
  return [[e.id, lang, e.example] as const];
});

describe('reference pack examples check clean', () => {
  it('covers the pack (every AMPscript function has an example)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(AMPSCRIPT_FUNCTIONS.length);
    expect(new Set(cases.map((c) => c[1]))).toEqual(new Set(['ampscript', 'ssjs', 'sql']));
  });

  it.each(cases)('%s (%s)', (_id, lang, code) => {
    const errors = check(code, lang).problems.filter((p) => p.severity === 'error');
    expect(errors).toEqual([]);
  });
});
