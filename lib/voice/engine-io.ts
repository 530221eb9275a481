/** What the engine needs from the extension around it (messaging in the offscreen document; fakes in tests). */
import type { Settings } from '@/lib/settings';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { HighlightRequest, HighlightResult, PageContext } from '@/lib/sfmc/types';
import type { WalkthroughPlan } from '@/lib/walkthrough/state';
import type { EngineBroadcast } from './types';

export interface EngineIO {
  getSettings(): Promise<Settings>;
  loadTranscript(): Promise<TranscriptEntry[]>;
  saveTranscript(entries: TranscriptEntry[]): void;
  highlight(request: HighlightRequest): Promise<HighlightResult>;
  clearHighlight(): void;
  getPageContext(): Promise<PageContext | null>;
  /** The start_walkthrough tool: the service worker's controller runs it in the active SFMC tab. */
  startWalkthrough(plan: WalkthroughPlan): Promise<unknown>;
  publish(message: EngineBroadcast): void;
}
