/**
 * The one upstream call: `client.realtime.clientSecrets.create`. Every SDK failure is mapped to our own status and code;
 * the upstream body and message are never passed on (an OpenAI 401 message quotes part of the key).
 */
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import type { ClientSecretCreateParams } from 'openai/resources/realtime/client-secrets';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface Minted {
  value: string;
  expires_at: number;
  model: string | undefined;
}

export class UpstreamFailure extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
    /** Safe detail for the log only: status, OpenAI error type/code/param, error class. Never the body or message. */
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'UpstreamFailure';
  }
}

export function createUpstreamClient(opts: {
  apiKey: string;
  baseURL: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}): OpenAI {
  return new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs,
    maxRetries: 0,
    logLevel: 'off',
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}

function retryAfter(headers: Headers | undefined): number {
  const raw = headers?.get('retry-after');
  const n = raw && /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  return Number.isFinite(n) ? Math.min(3600, Math.max(1, n)) : 10;
}

function safeDetail(e: APIError): Record<string, unknown> {
  const body = (e.error ?? {}) as Record<string, unknown>;
  const pick = (v: unknown) => (typeof v === 'string' && v.length <= 100 ? v : undefined);
  return { upstreamStatus: e.status, type: pick(body.type), code: pick(body.code), param: pick(body.param), error: e.constructor.name };
}

export function mapUpstreamError(e: unknown): UpstreamFailure {
  if (e instanceof UpstreamFailure) return e;
  if (e instanceof APIConnectionTimeoutError) {
    return new UpstreamFailure(504, 'upstream_timeout', 'OpenAI did not answer in time.', undefined, { error: 'timeout' });
  }
  if (e instanceof APIConnectionError) {
    return new UpstreamFailure(502, 'upstream_error', 'OpenAI could not be reached.', undefined, { error: 'connection' });
  }
  if (e instanceof AuthenticationError || e instanceof PermissionDeniedError) {
    return new UpstreamFailure(502, 'upstream_auth', 'The token service is not authorised by OpenAI; tell its operator.', undefined, safeDetail(e));
  }
  if (e instanceof RateLimitError) {
    const s = retryAfter(e.headers);
    return new UpstreamFailure(503, 'upstream_rate_limited', 'OpenAI is rate-limiting this service; try again shortly.', s, safeDetail(e));
  }
  if (e instanceof APIError) {
    return new UpstreamFailure(502, 'upstream_error', 'OpenAI refused or failed the request.', undefined, safeDetail(e));
  }
  // SyntaxError from a malformed JSON body, or anything else the SDK throws.
  return new UpstreamFailure(502, 'upstream_error', 'OpenAI sent a response the service could not read.', undefined, {
    error: e instanceof Error ? e.name : typeof e,
  });
}

export async function mintClientSecret(client: OpenAI, params: ClientSecretCreateParams, apiKey: string): Promise<Minted> {
  let res: unknown;
  try {
    res = await client.realtime.clientSecrets.create(params);
  } catch (e) {
    throw mapUpstreamError(e);
  }
  const r = (res ?? {}) as { value?: unknown; expires_at?: unknown; session?: { model?: unknown } };
  const malformed = (why: string) =>
    new UpstreamFailure(502, 'upstream_error', 'OpenAI sent a response the service could not read.', undefined, { error: why });
  if (typeof r.value !== 'string' || r.value.length < 4 || r.value.length > 2048 || !/^[\x21-\x7e]+$/.test(r.value)) {
    throw malformed('missing or malformed value');
  }
  // Paranoia: a broken or hostile upstream must not make us hand out the permanent key.
  if (r.value.includes(apiKey)) throw malformed('value contains the API key');
  if (typeof r.expires_at !== 'number' || !Number.isFinite(r.expires_at)) throw malformed('missing or malformed expires_at');
  const model = typeof r.session?.model === 'string' ? r.session.model : undefined;
  return { value: r.value, expires_at: r.expires_at, model };
}
