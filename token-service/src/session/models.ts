/**
 * Which Realtime models the service mints for, and which of them take `reasoning`. Model names come from the openai
 * SDK's session `model` union (node_modules/openai/resources/realtime/realtime.d.ts) and docs/realtime-protocol.md#session-shape:
 * `gpt-realtime`, `gpt-realtime-mini` (and their dated snapshots), `gpt-realtime-1.5`, the reasoning family
 * `gpt-realtime-2`, `gpt-realtime-2.1`, `gpt-realtime-2.1-mini`, and the legacy `gpt-4o(-mini)-realtime-preview*`.
 */
import type { RealtimeReasoningEffort } from 'openai/resources/realtime/realtime';

/** A dated snapshot suffix, e.g. `-2025-08-28`. */
const SNAPSHOT = '(?:-\\d{4}-\\d{2}-\\d{2})?';

/**
 * `gpt-realtime`, `gpt-realtime-mini`, `gpt-realtime-<major>[.<minor>][-mini]` (1.5, 2, 2.1, 2.1-mini, a future 3…),
 * `gpt-4o[-mini]-realtime-preview`, each optionally with a dated snapshot.
 */
export const REALTIME_MODEL_PATTERN = new RegExp(
  `^(?:gpt-realtime(?:-mini)?|gpt-realtime-\\d+(?:\\.\\d+)?(?:-mini)?|gpt-4o(?:-mini)?-realtime-preview)${SNAPSHOT}$`,
);

export const REASONING_EFFORTS = [
  'minimal',
  'low',
  'medium',
  'high',
  'xhigh',
] as const satisfies readonly RealtimeReasoningEffort[];

/** OpenAI's prompting guide for gpt-realtime-2 says to start at `low` (docs/realtime-protocol.md#session-shape). */
export const DEFAULT_REASONING_EFFORT: RealtimeReasoningEffort = 'low';

/**
 * True for the reasoning family (gpt-realtime-2 and later: 2, 2.1, 2.1-mini, …). `reasoning.effort` and
 * `parallel_tool_calls` apply only to these (docs/realtime-protocol.md#session-shape); gpt-realtime, -mini and 1.5 take neither.
 */
export function supportsReasoning(model: string): boolean {
  const m = /^gpt-realtime-(\d+)(?:\.\d+)?(?:-mini)?(?:-\d{4}-\d{2}-\d{2})?$/.exec(model);
  return m !== null && Number(m[1]) >= 2;
}
