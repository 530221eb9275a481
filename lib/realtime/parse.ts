/**
 * Wire parsing for the `oai-events` data channel: turns a raw `MessageEvent.data` into a typed GA server event,
 * an unknown-but-well-formed event (tolerated: the API adds events over time), or a parse failure. Never throws.
 * The events whose fields the engine reads (`HANDLED`) are checked against a schema first, so a malformed one is
 * reported as unreadable instead of reaching the engine with missing parts.
 */
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { z } from 'zod';

export type ParsedEvent =
  | { ok: true; event: RealtimeServerEvent }
  | { ok: true; unknown: { type: string; [k: string]: unknown } }
  | { ok: false; error: string; raw: string };

/** Every server event type of the GA union (openai `RealtimeServerEvent`), including the beta-only `created`. */
export const KNOWN_SERVER_EVENT_TYPES: ReadonlySet<string> = new Set<RealtimeServerEvent['type']>([
  'session.created',
  'session.updated',
  'conversation.created',
  'conversation.item.created',
  'conversation.item.added',
  'conversation.item.done',
  'conversation.item.retrieved',
  'conversation.item.truncated',
  'conversation.item.deleted',
  'conversation.item.input_audio_transcription.delta',
  'conversation.item.input_audio_transcription.completed',
  'conversation.item.input_audio_transcription.failed',
  'conversation.item.input_audio_transcription.segment',
  'input_audio_buffer.speech_started',
  'input_audio_buffer.speech_stopped',
  'input_audio_buffer.committed',
  'input_audio_buffer.cleared',
  'input_audio_buffer.timeout_triggered',
  'input_audio_buffer.dtmf_event_received',
  'response.created',
  'response.done',
  'response.output_item.added',
  'response.output_item.done',
  'response.content_part.added',
  'response.content_part.done',
  'response.output_audio.delta',
  'response.output_audio.done',
  'response.output_audio_transcript.delta',
  'response.output_audio_transcript.done',
  'response.output_text.delta',
  'response.output_text.done',
  'response.function_call_arguments.delta',
  'response.function_call_arguments.done',
  'rate_limits.updated',
  'output_audio_buffer.started',
  'output_audio_buffer.stopped',
  'output_audio_buffer.cleared',
  'error',
  'mcp_list_tools.in_progress',
  'mcp_list_tools.completed',
  'mcp_list_tools.failed',
  'response.mcp_call_arguments.delta',
  'response.mcp_call_arguments.done',
  'response.mcp_call.in_progress',
  'response.mcp_call.completed',
  'response.mcp_call.failed',
]);

const text = z.string().nullish();
/** The parts of each event the engine and link read; anything else in them passes through untouched. */
const HANDLED: Readonly<Record<string, z.ZodType>> = {
  'session.created': z.looseObject({ session: z.looseObject({ model: text }) }),
  error: z.looseObject({ error: z.looseObject({ type: text, code: text, message: text }) }),
  'response.created': z.looseObject({ response: z.looseObject({ id: text }) }),
  'response.done': z.looseObject({
    response: z.looseObject({
      id: text,
      status: text,
      usage: z.looseObject({}).nullish(),
      output: z.array(z.looseObject({ type: z.string() })).nullish(),
    }),
  }),
};

const MAX_RAW = 500;

function clip(text: string): string {
  return text.length > MAX_RAW ? `${text.slice(0, MAX_RAW)}…` : text;
}

export function parseServerEvent(raw: unknown): ParsedEvent {
  if (typeof raw !== 'string') {
    const kind = raw === null ? 'null' : typeof raw === 'object' ? (raw.constructor?.name ?? 'object') : typeof raw;
    return { ok: false, error: `non-text frame (${kind})`, raw: '' };
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    return { ok: false, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}`, raw: clip(raw) };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, error: 'event is not a JSON object', raw: clip(raw) };
  }
  const record = value as { type?: unknown; [k: string]: unknown };
  if (typeof record.type !== 'string' || record.type === '') {
    return { ok: false, error: "event has no string 'type'", raw: clip(raw) };
  }
  if (KNOWN_SERVER_EVENT_TYPES.has(record.type)) {
    const checked = HANDLED[record.type]?.safeParse(record);
    if (checked && !checked.success) {
      const issue = checked.error.issues[0];
      return {
        ok: false,
        error: `malformed ${record.type}: ${issue?.path.join('.') || 'event'} ${issue?.message ?? ''}`.trim(),
        raw: clip(raw),
      };
    }
    // The type is one of the GA union's and the fields we read have their shape: the rest is the API's to define.
    return { ok: true, event: record as unknown as RealtimeServerEvent };
  }
  return { ok: true, unknown: record as { type: string; [k: string]: unknown } };
}
