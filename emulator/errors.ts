/**
 * OpenAI's error envelope and the catalogue of errors the stand-in reproduces (docs/realtime-protocol.md#errors-we-handle).
 * HTTP routes return `{ error }`; the data channel sends `{ type: "error", event_id, error }`.
 */
export interface ApiError {
  message: string;
  type: string;
  param: string | null;
  code: string | null;
  event_id?: string | null;
}

export function apiError(
  message: string,
  code: string | null,
  param: string | null = null,
  type = 'invalid_request_error',
): ApiError {
  return { message, type, param, code };
}

/** Turns `['a','b','c']` into `'a', 'b', and 'c'` (OpenAI's enum wording). */
function quoteList(values: readonly string[]): string {
  const q = values.map((v) => `'${v}'`);
  if (q.length <= 2) return q.join(' and ');
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

export const errors = {
  unknownParameter: (param: string) => apiError(`Unknown parameter: '${param}'.`, 'unknown_parameter', param),
  /** A real field the session's model does not take (e.g. `reasoning` on gpt-realtime). */
  unsupportedParameter: (param: string) =>
    apiError(`Unsupported parameter: '${param}' is not supported with this model.`, 'unsupported_parameter', param),
  missingParameter: (param: string) =>
    apiError(`Missing required parameter: '${param}'.`, 'missing_required_parameter', param),
  invalidValue: (param: string, value: unknown, supported?: readonly string[]) =>
    apiError(
      `Invalid value: '${String(value)}'.${supported ? ` Supported values are: ${quoteList(supported)}.` : ''}`,
      'invalid_value',
      param,
    ),
  invalidType: (param: string, expected: string, got: unknown) =>
    apiError(
      `Invalid type for '${param}': expected ${expected}, but got ${describeType(got)} instead.`,
      'invalid_type',
      param,
    ),
  outOfRange: (param: string, value: unknown, min: number, max: number) =>
    apiError(
      `Invalid '${param}': ${String(value)} is out of range. Expected a value between ${min} and ${max}.`,
      'integer_out_of_range',
      param,
    ),
  invalidJson: () =>
    apiError(
      "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      null,
    ),
  missingApiKey: () =>
    apiError(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
      'invalid_api_key',
    ),
  invalidApiKey: (key: string) =>
    apiError(
      `Incorrect API key provided: ${redactKey(key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      'invalid_api_key',
    ),
  tokenUsed: () =>
    apiError(
      'This ephemeral token has already been used to create a session. Mint a new client secret for every connection.',
      'ephemeral_token_already_used',
    ),
  tokenExpired: () => apiError('The ephemeral token has expired. Mint a new client secret.', 'ephemeral_token_expired'),
  invalidSdp: (detail: string) => apiError(`Invalid SDP offer: ${detail}`, 'invalid_offer', 'sdp'),
  unsupportedContentType: (ct: string) =>
    apiError(
      `Unsupported content type: '${ct}'. Use 'application/sdp' or 'multipart/form-data'.`,
      'unsupported_content_type',
    ),
  modelNotFound: (id: string) =>
    apiError(`The model '${id}' does not exist or you do not have access to it.`, 'model_not_found', 'model'),
  callNotFound: (id: string) => apiError(`Call '${id}' not found.`, 'call_not_found', 'call_id'),
  notFound: (method: string, path: string) => apiError(`Invalid URL (${method} ${path})`, null),
  invalidEvent: (message: string) => apiError(message, 'invalid_event', 'type'),
  commitEmpty: (ms: number) =>
    apiError(
      `Error committing input audio buffer: buffer too small. Expected at least 100ms of audio, but buffer only has ${ms.toFixed(2)}ms of audio.`,
      'input_audio_buffer_commit_empty',
    ),
  activeResponse: (responseId: string) =>
    apiError(
      `Conversation already has an active response in progress: ${responseId}. Wait until the response is finished before creating a new one.`,
      'conversation_already_has_active_response',
    ),
  cancelNotActive: () => apiError('Cancellation failed: no active response found', 'response_cancel_not_active'),
  unknownCallId: (callId: string) =>
    apiError(`Tool call ID '${callId}' not found in conversation.`, 'invalid_tool_call_id', 'item.call_id'),
  itemNotFound: (param: string, id: string) =>
    apiError(`Item with item_id '${id}' not found.`, 'item_not_found', param),
  cannotUpdateVoice: () =>
    apiError(
      "Cannot update a conversation's voice if assistant audio is present.",
      'cannot_update_voice',
      'session.audio.output.voice',
    ),
  sessionExpired: () => apiError('Your session hit the maximum duration of 60 minutes.', 'session_expired'),
  betaShape: () =>
    apiError(
      'The Realtime Beta API is no longer supported. Please use /v1/realtime for the GA API.',
      'beta_api_shape_disabled',
    ),
  transcriptionFailed: () => apiError('Audio was unintelligible.', 'audio_unintelligible', null, 'transcription_error'),
};

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a decimal';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
}

/** Never log or echo a whole key: `sk-abc***wxyz`. */
export function redactKey(key: string): string {
  if (key.length <= 10) return `${key.slice(0, 3)}***`;
  return `${key.slice(0, 6)}***${key.slice(-4)}`;
}
