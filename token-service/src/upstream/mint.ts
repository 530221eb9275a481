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
import { cappedFetch, UPSTREAM_MAX_BYTES, UpstreamTooLarge } from './capped-fetch';

export interface Minted {
  value: string;
  expires_at: number;
  model: string;
}

/** An ephemeral key as OpenAI issues it (docs/realtime-protocol.md#minting-a-key: `"value": "ek_…"`). */
export const EPHEMERAL_KEY = /^ek_[A-Za-z0-9_-]{8,1024}$/;
/** A model name as the session echoes it (`gpt-realtime-2.1-mini`, a dated snapshot…): plain, short. */
export const MODEL_NAME = /^gpt-[A-Za-z0-9][A-Za-z0-9._:-]{0,95}$/;
/** The longest key lifetime the API grants (`expires_after.seconds` ≤ 7200), plus room for clock skew. */
export const MAX_EXPIRY_SECONDS = 7200 + 300;

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
    fetch: cappedFetch((input, init) => (opts.fetch ?? fetch)(input, init), UPSTREAM_MAX_BYTES),
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
  return {
    upstreamStatus: e.status,
    type: pick(body.type),
    code: pick(body.code),
    param: pick(body.param),
    error: e.constructor.name,
  };
}

function tooLarge(e: unknown): UpstreamTooLarge | undefined {
  for (let x = e, depth = 0; x instanceof Error && depth < 5; x = x.cause, depth++)
    if (x instanceof UpstreamTooLarge) return x;
  return undefined;
}

export function mapUpstreamError(e: unknown): UpstreamFailure {
  if (e instanceof UpstreamFailure) return e;
  const big = tooLarge(e);
  if (big) {
    return new UpstreamFailure(
      502,
      'upstream_error',
      `OpenAI sent a response over ${big.limit / 1024} KiB; the service did not read it.`,
      undefined,
      {
        error: 'response too large',
        limitBytes: big.limit,
      },
    );
  }
  if (e instanceof APIConnectionTimeoutError) {
    return new UpstreamFailure(504, 'upstream_timeout', 'OpenAI did not answer in time.', undefined, {
      error: 'timeout',
    });
  }
  if (e instanceof APIConnectionError) {
    return new UpstreamFailure(502, 'upstream_error', 'OpenAI could not be reached.', undefined, {
      error: 'connection',
    });
  }
  if (e instanceof AuthenticationError || e instanceof PermissionDeniedError) {
    return new UpstreamFailure(
      502,
      'upstream_auth',
      'The token service is not authorised by OpenAI; tell its operator.',
      undefined,
      safeDetail(e),
    );
  }
  if (e instanceof RateLimitError) {
    const s = retryAfter(e.headers);
    return new UpstreamFailure(
      503,
      'upstream_rate_limited',
      'OpenAI is rate-limiting this service; try again shortly.',
      s,
      safeDetail(e),
    );
  }
  if (e instanceof APIError) {
    return new UpstreamFailure(
      502,
      'upstream_error',
      'OpenAI refused or failed the request.',
      undefined,
      safeDetail(e),
    );
  }
  // SyntaxError from a malformed JSON body, or anything else the SDK throws.
  return new UpstreamFailure(502, 'upstream_error', 'OpenAI sent a response the service could not read.', undefined, {
    error: e instanceof Error ? e.name : typeof e,
  });
}

/**
 * Mints the key and checks what came back before anything of it reaches the client: `value` must be an `ek_` key,
 * `expires_at` whole unix seconds in the future and no further than the API's longest lifetime, and `session.model` a
 * plain model name (the extension prices the session by it).
 */
export async function mintClientSecret(
  client: OpenAI,
  params: ClientSecretCreateParams,
  apiKey: string,
  now: () => number = Date.now,
): Promise<Minted> {
  let res: unknown;
  try {
    res = await client.realtime.clientSecrets.create(params);
  } catch (e) {
    throw mapUpstreamError(e);
  }
  const r = (res ?? {}) as { value?: unknown; expires_at?: unknown; session?: { model?: unknown } | null };
  const malformed = (why: string) =>
    new UpstreamFailure(502, 'upstream_error', 'OpenAI sent a response the service could not read.', undefined, {
      error: why,
    });
  if (typeof r.value !== 'string' || !EPHEMERAL_KEY.test(r.value)) throw malformed('missing or malformed value');
  // Paranoia: a broken or hostile upstream must not make us hand out the permanent key.
  if (r.value.includes(apiKey)) throw malformed('value contains the API key');
  const nowSeconds = now() / 1000;
  const exp = r.expires_at;
  if (typeof exp !== 'number' || !Number.isInteger(exp)) throw malformed('missing or malformed expires_at');
  if (exp <= nowSeconds) throw malformed('expires_at is not in the future');
  if (exp > nowSeconds + MAX_EXPIRY_SECONDS) throw malformed('expires_at is too far ahead');
  const model = r.session?.model;
  if (typeof model !== 'string' || !MODEL_NAME.test(model)) throw malformed('missing or malformed session.model');
  return { value: r.value, expires_at: exp, model };
}
