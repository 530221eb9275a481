/**
 * Retrieval quality: learner-phrased questions (retrieval-questions.ts) against the whole pack; the entry that
 * answers each must be in the top 3 for at least 95 % of them. Deterministic: no timing here (see bench/reference.ts).
 */
import { describe, expect, it } from 'vitest';
import { ALL_ENTRIES } from './pack/index.ts';
import { getReferenceIndex } from './search.ts';
import { RETRIEVAL_QUESTIONS } from './retrieval-questions.ts';

describe('retrieval over learner questions', () => {
  it('has at least 60 questions, each pointing at an existing entry', () => {
    expect(RETRIEVAL_QUESTIONS.length).toBeGreaterThanOrEqual(60);
    const ids = new Set(ALL_ENTRIES.map((e) => e.id));
    expect(RETRIEVAL_QUESTIONS.filter((q) => !ids.has(q.id)).map((q) => q.id)).toEqual([]);
  });

  it('finds the answering entry in the top 3 for ≥ 95 % of questions', () => {
    const index = getReferenceIndex();
    const misses: string[] = [];
    for (const { q, id } of RETRIEVAL_QUESTIONS) {
      const top = index.search(q, 3).map((h) => h.entry.id);
      if (!top.includes(id)) misses.push(`"${q}" → wanted ${id}, got [${top.join(', ')}]`);
    }
    const rate = (RETRIEVAL_QUESTIONS.length - misses.length) / RETRIEVAL_QUESTIONS.length;
    console.log(
      `reference retrieval: top-3 hit rate ${(rate * 100).toFixed(1)} % (${RETRIEVAL_QUESTIONS.length - misses.length}/${RETRIEVAL_QUESTIONS.length})`,
    );
    if (misses.length) console.log(`misses:\n  ${misses.join('\n  ')}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('answers "how long can a query activity run?" with the 30-minute entry first', () => {
    const [best] = getReferenceIndex().search('how long can a query activity run?');
    expect(best?.entry.id).toBe('sql.timeout');
    expect(best?.entry.text).toContain('30 minutes');
  });
});
