/**
 * The Realtime models the stand-in serves (names from the openai SDK's GA model union, 7.57): which it accepts in a
 * session, which reason (`reasoning.effort`, preambles with `phase`), and the `GET /v1/models` listing.
 */

/** Accepted `session.model` values. The gpt-realtime-2 family also takes dated snapshots (see REASONING). */
export const REALTIME_MODELS = [
  'gpt-realtime',
  'gpt-realtime-2025-08-28',
  'gpt-realtime-1.5',
  'gpt-realtime-mini',
  'gpt-realtime-mini-2025-10-06',
  'gpt-realtime-mini-2025-12-15',
  'gpt-realtime-2',
  'gpt-realtime-2.1',
  'gpt-realtime-2.1-mini',
  'gpt-4o-realtime-preview',
  'gpt-4o-realtime-preview-2024-10-01',
  'gpt-4o-realtime-preview-2024-12-17',
  'gpt-4o-realtime-preview-2025-06-03',
  'gpt-4o-mini-realtime-preview',
  'gpt-4o-mini-realtime-preview-2024-12-17',
] as const;

/** gpt-realtime-2, -2.1, -2.1-mini and their dated snapshots (`-YYYY-MM-DD`). */
const REASONING = /^gpt-realtime-2(\.\d+)?(-mini)?(-\d{4}-\d{2}-\d{2})?$/;

/** Models that take `reasoning` / `parallel_tool_calls` and speak a preamble before the final answer. */
export function isReasoningModel(model: string): boolean {
  return REASONING.test(model);
}

export function isKnownModel(model: string): boolean {
  return (REALTIME_MODELS as readonly string[]).includes(model) || isReasoningModel(model);
}

/** One fixed `created` (2025-08-28, gpt-realtime's GA day) for every listed model: nothing reads it but its type. */
const CREATED = 1756339200;

/** `GET /v1/models` body: OpenAI's list envelope of model objects. */
export function modelList(): {
  object: 'list';
  data: { id: string; object: 'model'; created: number; owned_by: string }[];
} {
  return {
    object: 'list',
    data: REALTIME_MODELS.map((id) => ({ id, object: 'model' as const, created: CREATED, owned_by: 'system' })),
  };
}
