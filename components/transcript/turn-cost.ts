/** The per-turn cost shown on hover of an assistant entry (the `title`): small and only where it is known. */
import { i18n } from '#i18n';
import type { TranscriptEntry } from '@/lib/conversation/types';

export function formatTurnCost(usd: number): string {
  if (usd < 0.01) return `$${usd.toFixed(4)}`;
  return `$${usd.toFixed(3)}`;
}

export function turnCostTitle(entry: Pick<TranscriptEntry, 'role' | 'costUsd'>): string | undefined {
  if (entry.role !== 'assistant' || entry.costUsd === undefined) return undefined;
  return i18n.t('transcript.turnCost', [formatTurnCost(entry.costUsd)]);
}
