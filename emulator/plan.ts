/**
 * What one response outputs, in order (docs/realtime-protocol.md#server-events-we-act-on, docs/realtime-protocol.md#preambles-and-phase): for gpt-realtime and -mini
 * a spoken message then any function calls; for the reasoning models (gpt-realtime-2 family) a `commentary` preamble,
 * then the function calls, then the `final_answer` message, all in ONE response. `phase` sits on the message item
 * itself, as on the Responses API's assistant messages (the openai SDK's realtime item types do not list it yet).
 */
import type { ScriptedReply, ScriptedToolCall } from './store.ts';

export type Phase = 'commentary' | 'final_answer';
export type OutputStep = { kind: 'message'; text: string; phase?: Phase } | { kind: 'tool'; call: ScriptedToolCall };

/** Said before the answer when a reasoning model's scripted reply names no preamble. */
export const DEFAULT_PREAMBLE = 'Let me check that.';

/**
 * The steps of a reply. `reasoning`: the session's model reasons and the response writes to the conversation
 * (out-of-band responses get no preamble). `reply.preamble`: undefined = the default, null or '' = none.
 */
export function planSteps(reply: ScriptedReply, reasoning: boolean): OutputStep[] {
  const tools: OutputStep[] = (reply.toolCalls ?? []).map((call) => ({ kind: 'tool', call }));
  const text = reply.text ?? '';
  if (!reasoning) return [...(text ? [{ kind: 'message', text } as const] : []), ...tools];
  const preamble = reply.preamble === undefined ? DEFAULT_PREAMBLE : reply.preamble;
  const steps: OutputStep[] = [];
  if (preamble && (text || tools.length)) steps.push({ kind: 'message', text: preamble, phase: 'commentary' });
  steps.push(...tools);
  if (text) steps.push({ kind: 'message', text, phase: 'final_answer' });
  return steps;
}
