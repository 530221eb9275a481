/**
 * The instructor's tools as the engine runs them: handlers in a registry (lib/conversation/tool-registry.ts), each round
 * trip `function_call` → handler → `function_call_output`, with a transcript line per call. SFMC tools run in the
 * page through the service worker; `show_snippet` checks the code and adds a code card to the transcript;
 * `lookup_sfmc_reference` searches the reference pack in this document.
 */
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import {
  collectFunctionCalls,
  createToolRegistry,
  toolOutputEvents,
  type ToolCall,
  type ToolHandler,
} from '@/lib/conversation/tool-registry';
import type { ToolName } from '@/contract/tools';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { HighlightRequest, HighlightResult } from '@/lib/sfmc/types';
import type { EngineIO } from './engine-io';
import { parseWalkthroughArgs } from '@/lib/walkthrough/state';
import { lookupReference } from './lookup-tool';
import { createSnippetChecker } from './snippet-tool';

/**
 * With page-context sharing off, pointing still works on screen, but nothing the page says goes back to the model:
 * only whether the control was found and what kind it is.
 */
export function withoutPageText(
  result: HighlightResult,
): HighlightResult | { found: true; role: string; score?: number; note: string } {
  if (result.found)
    return {
      found: true,
      role: result.role,
      score: result.score,
      note: 'Page-context sharing is off: the page text is not shown to you.',
    };
  return {
    found: false,
    reason: 'Not found on this screen. Page-context sharing is off, so no alternatives can be listed.',
    candidates: [],
  };
}

/** An admin policy can turn pointing and walkthroughs off (lib/policy); read per call so a change applies live. */
export const POINTING_OFF = {
  refused: true,
  note: 'Your organization has turned off pointing and walkthroughs: describe where the control is in words instead.',
};

export function createEngineTools(deps: {
  io: EngineIO;
  sharePageContext(): boolean;
  addEntry(entry: TranscriptEntry): void;
}) {
  // One handler per tool the session declares (contract/tools.ts): a new tool without a handler fails the typecheck.
  const handlers = {
    highlight_element: async (args) => {
      if (await pointingOff()) return POINTING_OFF;
      if (typeof args.label !== 'string' || !args.label.trim()) throw new Error('label is required');
      const result = await deps.io.highlight(args as unknown as HighlightRequest);
      return deps.sharePageContext() ? result : withoutPageText(result);
    },
    get_page_context: async () => {
      if (!deps.sharePageContext()) return { shared: false, note: 'The user has turned off page-context sharing.' };
      const ctx = await deps.io.getPageContext();
      return ctx
        ? { shared: true, app: ctx.app, screen: ctx.screen, context: ctx.text }
        : { shared: true, note: 'No SFMC page is open in the active tab.' };
    },
    show_snippet: async (args) => {
      const id = `snippet_${Date.now()}_${(snippetCount += 1)}`;
      const { snippet, output } = await showSnippet(args, id);
      deps.addEntry({ id, role: 'tool', text: snippet.title, status: 'done', at: Date.now(), snippet });
      return output;
    },
    start_walkthrough: async (args) =>
      (await pointingOff()) ? POINTING_OFF : deps.io.startWalkthrough(parseWalkthroughArgs(args)),
    lookup_sfmc_reference: async (args) => {
      const { query, results, note, found } = await lookupReference(args);
      deps.addEntry({
        id: `lookup_${Date.now()}_${(lookupCount += 1)}`,
        role: 'tool',
        text: query,
        status: 'done',
        at: Date.now(),
        lookups: { query, found },
      });
      return note ? { results, note } : { results };
    },
  } satisfies Record<ToolName, ToolHandler>;
  const registry = createToolRegistry(handlers);
  const pointingOff = async () =>
    (await Promise.resolve(deps.io.getSettings?.()).catch(() => undefined))?.policy?.pointingAllowed === false;
  const showSnippet = createSnippetChecker();
  let snippetCount = 0;
  let lookupCount = 0;
  /** Tools whose handler adds its own transcript entry (a card or a "Looked up" line) when it succeeds. */
  const OWN_ENTRY = new Set<string>(['show_snippet', 'lookup_sfmc_reference'] satisfies ToolName[]);

  return {
    callsIn(event: RealtimeServerEvent): ToolCall[] {
      return collectFunctionCalls(event);
    },
    /** Run the calls of one response and send their outputs (the caller then asks for the next response). */
    async run(calls: ToolCall[], send: (e: RealtimeClientEvent) => boolean): Promise<void> {
      for (const call of calls) {
        const outcome = await registry.run(call);
        if (!OWN_ENTRY.has(call.name) || !outcome.ok) {
          deps.addEntry({
            id: `tool_${call.call_id}`,
            role: 'tool',
            text: '',
            status: 'done',
            at: Date.now(),
            tool: { name: call.name, summary: outcome.summary, ok: outcome.ok },
          });
        }
        for (const event of toolOutputEvents(call, outcome)) if (event.type !== 'response.create') send(event);
      }
    },
  };
}
