/**
 * Environment, validated once at start-up. `parseEnv` never echoes a value back (a malformed OPENAI_API_KEY must not
 * land in a log), only the variable name and what is wrong with it.
 */
import { z } from 'zod';
import type { RealtimeReasoningEffort } from 'openai/resources/realtime/realtime';
import { DEFAULT_REASONING_EFFORT, REALTIME_MODEL_PATTERN, REASONING_EFFORTS } from './session/models';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_PORT = 8787;
/**
 * Loopback by default: the service is meant to sit behind a TLS-terminating proxy on the same host, and a forgotten
 * dev instance should not listen on every interface. In a container or behind a remote load balancer set HOST=0.0.0.0.
 */
export const DEFAULT_HOST = '127.0.0.1';
/** Conversation tokens kept when the server truncates (docs/realtime-protocol.md#cost-and-truncation: truncate in larger steps so the cache keeps hitting). */
export const DEFAULT_RETENTION_RATIO = 0.8;
/** A valid request body is under 100 bytes; anything much larger is hostile. */
export const BODY_LIMIT_BYTES = 1024;

export interface Config {
  openaiApiKey: string;
  /** Like the SDK's baseURL: includes `/v1`, no trailing slash. */
  openaiBaseUrl: string;
  realtimeModel: string;
  /** Sent as `session.reasoning.effort` for reasoning models only (see session/models.ts). */
  reasoningEffort: RealtimeReasoningEffort;
  /** `session.truncation` as a retention ratio; undefined leaves it out (the API's own `auto`). */
  truncation: { retentionRatio: number; postInstructionsTokens: number | undefined } | undefined;
  port: number;
  host: string;
  accessKeys: string[];
  allowedOrigins: string[];
  rateLimitPerMinute: number;
  globalRateLimitPerMinute: number;
  redisUrl: string | undefined;
  tokenTtlSeconds: number;
  upstreamTimeoutMs: number;
  oidc: { issuer: string; audience: string } | undefined;
  /** Failed authentications per client address per minute before 429 (checked before authentication). */
  authFailuresPerMinute: number;
  /** Lower-case header a trusted proxy sets to the client address (e.g. `x-forwarded-for`); unset = the socket address. */
  trustedProxyHeader: string | undefined;
  /** Bearer token for `/metrics`; unset = `/metrics` answers loopback clients only. */
  metricsToken: string | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid token-service environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

const list = (s: string | undefined) =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const schema = z.object({
  OPENAI_API_KEY: z
    .string({ error: 'is required (the permanent OpenAI API key; it stays on this server)' })
    .min(1, 'is required (the permanent OpenAI API key; it stays on this server)')
    .regex(/^\S+$/, 'must not contain whitespace'),
  OPENAI_BASE_URL: httpUrl.default(DEFAULT_OPENAI_BASE_URL),
  REALTIME_MODEL: z
    .string()
    .regex(
      REALTIME_MODEL_PATTERN,
      'must be a Realtime model: gpt-realtime, gpt-realtime-mini, gpt-realtime-2, gpt-realtime-2.1, gpt-realtime-2.1-mini (or a dated snapshot of one)',
    )
    .default('gpt-realtime'),
  REASONING_EFFORT: z
    .enum(REASONING_EFFORTS, { error: `must be one of ${REASONING_EFFORTS.join(', ')}` })
    .default(DEFAULT_REASONING_EFFORT),
  TRUNCATION_RETENTION_RATIO: z
    .string()
    .regex(
      /^(off|0+(\.0*)?|0*\.\d+|1(\.0*)?)$/i,
      'must be a fraction between 0 and 1 (e.g. 0.8), or 0/off to leave truncation to the API',
    )
    .transform((v) => (v.toLowerCase() === 'off' ? 0 : Number(v)))
    .default(DEFAULT_RETENTION_RATIO),
  TRUNCATION_POST_INSTRUCTIONS_TOKENS: int(1000, 1_000_000).optional(),
  PORT: int(0, 65535).default(DEFAULT_PORT),
  HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:%-]{1,253}$/, 'must be an interface address or host name, e.g. 127.0.0.1 or 0.0.0.0')
    .default(DEFAULT_HOST),
  TOKEN_SERVICE_ACCESS_KEYS: z.array(
    z
      .string()
      .min(16, 'each key must be at least 16 characters')
      .regex(/^[\x21-\x7e]+$/, 'each key must be printable ASCII without spaces'),
  ),
  ALLOWED_ORIGINS: z.array(
    z
      .string()
      .regex(
        /^(chrome-extension:\/\/[a-p]{32}|https?:\/\/[^/\s]+)$/,
        'each origin must look like chrome-extension://<32-letter id> or https://host[:port], without a path',
      ),
  ),
  RATE_LIMIT_PER_MINUTE: int(1, 1_000_000_000).default(60),
  RATE_LIMIT_GLOBAL_PER_MINUTE: int(1, 1_000_000_000).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  TOKEN_TTL_SECONDS: int(10, 7200).default(60),
  UPSTREAM_TIMEOUT_MS: int(100, 120_000).default(10_000),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  AUTH_FAILURES_PER_MINUTE: int(1, 1_000_000).default(20),
  TRUSTED_PROXY_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name such as x-forwarded-for')
    .transform((v) => v.toLowerCase())
    .optional(),
  METRICS_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional(),
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' })
    .default('info'),
});

export function parseEnv(env: Record<string, string | undefined>): Config {
  const input = {
    OPENAI_API_KEY: env.OPENAI_API_KEY,
    OPENAI_BASE_URL: optional(env.OPENAI_BASE_URL),
    REALTIME_MODEL: optional(env.REALTIME_MODEL),
    REASONING_EFFORT: optional(env.REASONING_EFFORT),
    TRUNCATION_RETENTION_RATIO: optional(env.TRUNCATION_RETENTION_RATIO),
    TRUNCATION_POST_INSTRUCTIONS_TOKENS: optional(env.TRUNCATION_POST_INSTRUCTIONS_TOKENS),
    PORT: optional(env.PORT),
    HOST: optional(env.HOST),
    TOKEN_SERVICE_ACCESS_KEYS: list(env.TOKEN_SERVICE_ACCESS_KEYS),
    ALLOWED_ORIGINS: list(env.ALLOWED_ORIGINS),
    RATE_LIMIT_PER_MINUTE: optional(env.RATE_LIMIT_PER_MINUTE),
    RATE_LIMIT_GLOBAL_PER_MINUTE: optional(env.RATE_LIMIT_GLOBAL_PER_MINUTE),
    REDIS_URL: optional(env.REDIS_URL),
    TOKEN_TTL_SECONDS: optional(env.TOKEN_TTL_SECONDS),
    UPSTREAM_TIMEOUT_MS: optional(env.UPSTREAM_TIMEOUT_MS),
    OIDC_ISSUER: optional(env.OIDC_ISSUER),
    OIDC_AUDIENCE: optional(env.OIDC_AUDIENCE),
    AUTH_FAILURES_PER_MINUTE: optional(env.AUTH_FAILURES_PER_MINUTE),
    TRUSTED_PROXY_HEADER: optional(env.TRUSTED_PROXY_HEADER),
    METRICS_TOKEN: optional(env.METRICS_TOKEN),
    LOG_LEVEL: optional(env.LOG_LEVEL),
  };
  const parsed = schema.safeParse(input);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'environment');
      const entry = issue.path.length > 1 ? ` (entry ${Number(issue.path[1]) + 1})` : '';
      problems.push(`${name}${entry} ${issue.message}`);
    }
  }
  // Cross-field rules are checked on the raw input, so they are reported together with the per-variable problems.
  const keys = input.TOKEN_SERVICE_ACCESS_KEYS;
  if (keys.length === 0 && !input.OIDC_ISSUER) {
    problems.push(
      'TOKEN_SERVICE_ACCESS_KEYS is required (comma-separated) unless OIDC_ISSUER is set: nobody could mint a key',
    );
  }
  if (input.OIDC_ISSUER && !input.OIDC_AUDIENCE) problems.push('OIDC_AUDIENCE is required when OIDC_ISSUER is set');
  if (input.OIDC_AUDIENCE && !input.OIDC_ISSUER) problems.push('OIDC_ISSUER is required when OIDC_AUDIENCE is set');
  if (input.OPENAI_API_KEY && keys.includes(input.OPENAI_API_KEY))
    problems.push('TOKEN_SERVICE_ACCESS_KEYS must not contain OPENAI_API_KEY');
  const metricsToken = input.METRICS_TOKEN;
  if (metricsToken && (metricsToken === input.OPENAI_API_KEY || keys.includes(metricsToken))) {
    problems.push('METRICS_TOKEN must differ from OPENAI_API_KEY and from every access key');
  }
  if (input.TRUNCATION_POST_INSTRUCTIONS_TOKENS && /^(off|0+(\.0*)?)$/i.test(input.TRUNCATION_RETENTION_RATIO ?? '')) {
    problems.push(
      'TRUNCATION_POST_INSTRUCTIONS_TOKENS needs retention-ratio truncation: TRUNCATION_RETENTION_RATIO is off',
    );
  }
  const e = parsed.data;
  if (problems.length > 0 || !e) throw new EnvError(problems);
  return {
    openaiApiKey: e.OPENAI_API_KEY,
    openaiBaseUrl: e.OPENAI_BASE_URL.replace(/\/+$/, ''),
    realtimeModel: e.REALTIME_MODEL,
    reasoningEffort: e.REASONING_EFFORT,
    truncation:
      e.TRUNCATION_RETENTION_RATIO > 0
        ? {
            retentionRatio: e.TRUNCATION_RETENTION_RATIO,
            postInstructionsTokens: e.TRUNCATION_POST_INSTRUCTIONS_TOKENS,
          }
        : undefined,
    port: e.PORT,
    host: e.HOST,
    accessKeys: e.TOKEN_SERVICE_ACCESS_KEYS,
    allowedOrigins: e.ALLOWED_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    globalRateLimitPerMinute: e.RATE_LIMIT_GLOBAL_PER_MINUTE ?? e.RATE_LIMIT_PER_MINUTE * 20,
    redisUrl: e.REDIS_URL,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    oidc: e.OIDC_ISSUER && e.OIDC_AUDIENCE ? { issuer: e.OIDC_ISSUER, audience: e.OIDC_AUDIENCE } : undefined,
    authFailuresPerMinute: e.AUTH_FAILURES_PER_MINUTE,
    trustedProxyHeader: e.TRUSTED_PROXY_HEADER,
    metricsToken: e.METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
  };
}
