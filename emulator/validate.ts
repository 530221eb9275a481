/**
 * GA session validation as the real API does it (docs/realtime-protocol.md#session-shape): unknown or beta-shaped fields are
 * `unknown_parameter`, enums are `invalid_value`, wrong JSON types are `invalid_type`. Used by `client_secrets`,
 * multipart `/calls` and the in-call `session.update`.
 */
import { errors, type ApiError } from './errors.ts';
import { isKnownModel, isReasoningModel } from './models.ts';

type Obj = Record<string, unknown>;
type Check = (v: unknown, path: string) => ApiError | null;

import { VOICES } from '../contract/session.ts';

export { VOICES };
const TRANSCRIBE_MODELS = [
  'whisper-1',
  'gpt-4o-mini-transcribe',
  'gpt-4o-transcribe',
  'gpt-4o-transcribe-latest',
  'gpt-4o-mini-transcribe-2025-12-15',
  'gpt-4o-transcribe-diarize',
  'gpt-realtime-whisper',
  'gpt-transcribe',
  'gpt-live-transcribe',
];

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const enumOf =
  (values: readonly string[]): Check =>
  (v, p) =>
    typeof v !== 'string'
      ? errors.invalidType(p, 'one of ' + values.map((x) => `'${x}'`).join(', '), v)
      : values.includes(v)
        ? null
        : errors.invalidValue(p, v, values);
const str: Check = (v, p) => (typeof v === 'string' ? null : errors.invalidType(p, 'a string', v));
const bool: Check = (v, p) => (typeof v === 'boolean' ? null : errors.invalidType(p, 'a boolean', v));
const num =
  (min: number, max: number, integer = false): Check =>
  (v, p) =>
    typeof v !== 'number' || (integer && !Number.isInteger(v))
      ? errors.invalidType(p, integer ? 'an integer' : 'a number', v)
      : v < min || v > max
        ? errors.outOfRange(p, v, min, max)
        : null;
const nullable =
  (c: Check): Check =>
  (v, p) =>
    v === null ? null : c(v, p);
const anything: Check = () => null;
const arrayOf =
  (c: Check): Check =>
  (v, p) => {
    if (!Array.isArray(v)) return errors.invalidType(p, 'an array', v);
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i], `${p}[${i}]`);
      if (e) return e;
    }
    return null;
  };
function object(fields: Record<string, Check>, required: string[] = []): Check {
  return (v, p) => {
    if (!isObj(v)) return errors.invalidType(p, 'an object', v);
    for (const key of Object.keys(v)) if (!(key in fields)) return errors.unknownParameter(`${p}.${key}`);
    for (const key of required) if (v[key] === undefined) return errors.missingParameter(`${p}.${key}`);
    for (const [key, check] of Object.entries(fields)) {
      if (v[key] === undefined) continue;
      const e = check(v[key], `${p}.${key}`);
      if (e) return e;
    }
    return null;
  };
}

const format: Check = (v, p) => {
  const e = object({ type: enumOf(['audio/pcm', 'audio/pcmu', 'audio/pcma']), rate: num(24000, 24000, true) }, [
    'type',
  ])(v, p);
  return e;
};
const serverVad = object({
  type: enumOf(['server_vad']),
  threshold: num(0, 1),
  prefix_padding_ms: num(0, 10_000, true),
  silence_duration_ms: num(0, 10_000, true),
  idle_timeout_ms: nullable(num(0, 600_000, true)),
  create_response: bool,
  interrupt_response: bool,
});
const semanticVad = object({
  type: enumOf(['semantic_vad']),
  eagerness: enumOf(['low', 'medium', 'high', 'auto']),
  create_response: bool,
  interrupt_response: bool,
});
const turnDetection: Check = (v, p) => {
  if (v === null) return null;
  if (!isObj(v)) return errors.invalidType(p, 'an object', v);
  if (v.type === undefined) return errors.missingParameter(`${p}.type`);
  if (v.type === 'server_vad') return serverVad(v, p);
  if (v.type === 'semantic_vad') return semanticVad(v, p);
  return errors.invalidValue(`${p}.type`, v.type, ['server_vad', 'semantic_vad']);
};
const transcription = nullable(
  object({
    model: enumOf(TRANSCRIBE_MODELS),
    language: str,
    prompt: str,
    delay: enumOf(['minimal', 'low', 'medium', 'high', 'xhigh']),
    keywords: arrayOf(str),
    languages: arrayOf(str),
  }),
);
const audioInput = object({
  format,
  noise_reduction: nullable(object({ type: enumOf(['near_field', 'far_field']) }, ['type'])),
  transcription,
  turn_detection: turnDetection,
});
const voice: Check = (v, p) => (isObj(v) ? object({ id: str }, ['id'])(v, p) : enumOf(VOICES)(v, p));
const audioOutput = object({ format, voice, speed: num(0.25, 1.5) });
const tool: Check = (v, p) => {
  if (!isObj(v)) return errors.invalidType(p, 'an object', v);
  if (v.type === 'mcp') return null;
  return object({ type: enumOf(['function', 'mcp']), name: str, description: str, parameters: anything }, ['name'])(
    v,
    p,
  );
};
const toolChoice: Check = (v, p) =>
  isObj(v)
    ? object({ type: enumOf(['function', 'mcp']), name: str, server_label: str }, ['type'])(v, p)
    : enumOf(['auto', 'none', 'required'])(v, p);
const maxTokens: Check = (v, p) =>
  v === 'inf' ? null : typeof v === 'string' ? errors.invalidValue(p, v, ['inf']) : num(1, 4096, true)(v, p);
const modalities: Check = (v, p) => {
  const e = arrayOf(enumOf(['audio', 'text']))(v, p);
  if (e) return e;
  return (v as unknown[]).length === 1 ? null : errors.invalidValue(p, JSON.stringify(v), ["['audio']", "['text']"]);
};
/** `"auto"`, `"disabled"` or `{type:"retention_ratio", retention_ratio 0–1, token_limits?:{post_instructions?}}`. */
const truncation: Check = (v, p) =>
  isObj(v)
    ? object(
        {
          type: enumOf(['retention_ratio']),
          retention_ratio: num(0, 1),
          token_limits: object({ post_instructions: num(1, 1_000_000, true) }),
        },
        ['type', 'retention_ratio'],
      )(v, p)
    : enumOf(['auto', 'disabled'])(v, p);
const model: Check = (v, p) =>
  typeof v !== 'string' ? errors.invalidType(p, 'a string', v) : isKnownModel(v) ? null : errors.invalidValue(p, v);
/** Fields only the reasoning models (gpt-realtime-2 family) take; other models refuse them. */
const REASONING_ONLY = ['reasoning', 'parallel_tool_calls'];

const realtimeFields: Record<string, Check> = {
  type: enumOf(['realtime', 'transcription']),
  model,
  instructions: str,
  output_modalities: modalities,
  audio: object({ input: audioInput, output: audioOutput }),
  tools: arrayOf(tool),
  tool_choice: toolChoice,
  max_output_tokens: maxTokens,
  tracing: nullable((v, p) =>
    v === 'auto' ? null : object({ workflow_name: str, group_id: str, metadata: anything })(v, p),
  ),
  truncation,
  include: nullable(arrayOf(enumOf(['item.input_audio_transcription.logprobs']))),
  prompt: nullable(object({ id: str, version: str, variables: anything }, ['id'])),
  reasoning: object({ effort: enumOf(['minimal', 'low', 'medium', 'high', 'xhigh']) }),
  parallel_tool_calls: bool,
};
const transcriptionFields: Record<string, Check> = {
  type: realtimeFields.type,
  audio: object({ input: audioInput }),
  include: realtimeFields.include,
};

/**
 * Validates a GA session object (client_secrets `session`, `session.update.session`, multipart `session`).
 * `currentModel` is the session's model when this is an update (default `gpt-realtime`): `reasoning` and
 * `parallel_tool_calls` are refused as `unsupported_parameter` unless the resulting model is a reasoning model.
 */
export function validateSession(raw: unknown, path = 'session', currentModel = 'gpt-realtime'): ApiError | null {
  if (!isObj(raw)) return errors.invalidType(path, 'an object', raw);
  if (raw.type === undefined) return errors.missingParameter(`${path}.type`);
  const typeErr = realtimeFields.type(raw.type, `${path}.type`);
  if (typeErr) return typeErr;
  const err = object(raw.type === 'transcription' ? transcriptionFields : realtimeFields, ['type'])(raw, path);
  if (err) return err;
  const model = typeof raw.model === 'string' ? raw.model : currentModel;
  if (!isReasoningModel(model)) {
    const field = REASONING_ONLY.find((f) => raw[f] !== undefined);
    if (field) return errors.unsupportedParameter(`${path}.${field}`);
  }
  return null;
}

/** Body of `POST /v1/realtime/client_secrets`: both top-level fields optional. */
export function validateClientSecretBody(
  body: unknown,
): { error: ApiError } | { ttlSeconds: number; session: Obj | undefined } {
  if (body === undefined || body === null) return { ttlSeconds: 600, session: undefined };
  if (!isObj(body)) return { error: errors.invalidType('body', 'an object', body) };
  for (const key of Object.keys(body))
    if (key !== 'session' && key !== 'expires_after') return { error: errors.unknownParameter(key) };
  let ttlSeconds = 600;
  if (body.expires_after !== undefined) {
    const e = object({ anchor: enumOf(['created_at']), seconds: num(10, 7200, true) }, ['anchor'])(
      body.expires_after,
      'expires_after',
    );
    if (e) return { error: e };
    const s = (body.expires_after as Obj).seconds;
    if (typeof s === 'number') ttlSeconds = s;
  }
  if (body.session !== undefined) {
    const e = validateSession(body.session);
    if (e) return { error: e };
  }
  return { ttlSeconds, session: body.session as Obj | undefined };
}
