/**
 * `lookup_sfmc_reference {query}`: search the SFMC reference pack (lib/reference) in the engine's own document — no
 * network — and hand the model the best entries, compact, each with its official source. The pack and its index are
 * loaded on first use only (a separate chunk), so a session that never looks anything up never pays for them.
 */
import type { LookedUp } from '@/lib/conversation/types';

export const LOOKUP_LIMIT = 4;
const QUERY_CAP = 200;

export interface LookupOutcome {
  query: string;
  results: { id: string; title: string; text: string; source: string }[];
  note?: string;
  found: LookedUp[];
}

export async function lookupReference(args: Record<string, unknown>): Promise<LookupOutcome> {
  const query = typeof args.query === 'string' ? args.query.replace(/\s+/g, ' ').trim().slice(0, QUERY_CAP) : '';
  if (!query) throw new Error('query is required');
  const { compact, getReferenceIndex } = await import('@/lib/reference/search');
  const results = getReferenceIndex()
    .search(query, LOOKUP_LIMIT)
    .map((hit) => compact(hit));
  const found = results.map(({ id, title, source }) => ({ id, title, source }));
  if (!results.length) {
    return {
      query,
      results,
      found,
      note: 'The reference has nothing on this. Tell the user plainly that you could not check it, rather than guessing.',
    };
  }
  return { query, results, found };
}
