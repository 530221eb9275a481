/**
 * Environment, validated once at start-up. `parseEnv` never echoes a value back (a malformed OPENAI_API_KEY must not
 * land in a log), only the variable name and what is wrong with it.
 */
import { z } from 'zod';

export const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_PORT = 8787;
/** A valid request body is under 100 bytes; anything much larger is hostile. */
export const BODY_LIMIT_BYTES = 1024;

export interface Config {
  openaiApiKey: string;
  /** Like the SDK's baseURL: includes `/v1`, no trailing slash. */
  openaiBaseUrl: string;
  realtimeModel: string;
  port: number;
  accessKeys: string[];
  allowedOrigins: string[];
  rateLimitPerMinute: number;
  globalRateLimitPerMinute: number;
  redisUrl: string | undefined;
  tokenTtlSeconds: number;
  upstreamTimeoutMs: number;
  oidc: { issuer: string; audience: string } | undefined;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid token-service environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

const list = (s: string | undefined) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean);
const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
const int = (min: number, max: number) =>
  z.string().regex(/^\d+$/, `must be a whole number between ${min} and ${max}`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const schema = z.object({
  OPENAI_API_KEY: z.string({ error: 'is required (the permanent OpenAI API key; it stays on this server)' })
    .min(1, 'is required (the permanent OpenAI API key; it stays on this server)')
    .regex(/^\S+$/, 'must not contain whitespace'),
  OPENAI_BASE_URL: httpUrl.default(DEFAULT_OPENAI_BASE_URL),
  REALTIME_MODEL: z.string().regex(/^[\w.:-]{1,100}$/, 'must be a model name such as gpt-realtime').default('gpt-realtime'),
  PORT: int(0, 65535).default(DEFAULT_PORT),
  TOKEN_SERVICE_ACCESS_KEYS: z.array(z.string().min(16, 'each key must be at least 16 characters').regex(/^[\x21-\x7e]+$/, 'each key must be printable ASCII without spaces')),
  ALLOWED_ORIGINS: z.array(z.string().regex(/^(chrome-extension:\/\/[a-p]{32}|https?:\/\/[^/\s]+)$/, 'each origin must look like chrome-extension://<32-letter id> or https://host[:port], without a path')),
  RATE_LIMIT_PER_MINUTE: int(1, 1_000_000_000).default(60),
  RATE_LIMIT_GLOBAL_PER_MINUTE: int(1, 1_000_000_000).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  TOKEN_TTL_SECONDS: int(10, 7200).default(60),
  UPSTREAM_TIMEOUT_MS: int(100, 120_000).default(10_000),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info'),
});

export function parseEnv(env: Record<string, string | undefined>): Config {
  const input = {
    OPENAI_API_KEY: env.OPENAI_API_KEY,
    OPENAI_BASE_URL: optional(env.OPENAI_BASE_URL),
    REALTIME_MODEL: optional(env.REALTIME_MODEL),
    PORT: optional(env.PORT),
    TOKEN_SERVICE_ACCESS_KEYS: list(env.TOKEN_SERVICE_ACCESS_KEYS),
    ALLOWED_ORIGINS: list(env.ALLOWED_ORIGINS),
    RATE_LIMIT_PER_MINUTE: optional(env.RATE_LIMIT_PER_MINUTE),
    RATE_LIMIT_GLOBAL_PER_MINUTE: optional(env.RATE_LIMIT_GLOBAL_PER_MINUTE),
    REDIS_URL: optional(env.REDIS_URL),
    TOKEN_TTL_SECONDS: optional(env.TOKEN_TTL_SECONDS),
    UPSTREAM_TIMEOUT_MS: optional(env.UPSTREAM_TIMEOUT_MS),
    OIDC_ISSUER: optional(env.OIDC_ISSUER),
    OIDC_AUDIENCE: optional(env.OIDC_AUDIENCE),
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
    problems.push('TOKEN_SERVICE_ACCESS_KEYS is required (comma-separated) unless OIDC_ISSUER is set: nobody could mint a key');
  }
  if (input.OIDC_ISSUER && !input.OIDC_AUDIENCE) problems.push('OIDC_AUDIENCE is required when OIDC_ISSUER is set');
  if (input.OIDC_AUDIENCE && !input.OIDC_ISSUER) problems.push('OIDC_ISSUER is required when OIDC_AUDIENCE is set');
  if (input.OPENAI_API_KEY && keys.includes(input.OPENAI_API_KEY)) problems.push('TOKEN_SERVICE_ACCESS_KEYS must not contain OPENAI_API_KEY');
  const e = parsed.data;
  if (problems.length > 0 || !e) throw new EnvError(problems);
  return {
    openaiApiKey: e.OPENAI_API_KEY,
    openaiBaseUrl: e.OPENAI_BASE_URL.replace(/\/+$/, ''),
    realtimeModel: e.REALTIME_MODEL,
    port: e.PORT,
    accessKeys: e.TOKEN_SERVICE_ACCESS_KEYS,
    allowedOrigins: e.ALLOWED_ORIGINS,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    globalRateLimitPerMinute: e.RATE_LIMIT_GLOBAL_PER_MINUTE ?? e.RATE_LIMIT_PER_MINUTE * 20,
    redisUrl: e.REDIS_URL,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    upstreamTimeoutMs: e.UPSTREAM_TIMEOUT_MS,
    oidc: e.OIDC_ISSUER && e.OIDC_AUDIENCE ? { issuer: e.OIDC_ISSUER, audience: e.OIDC_AUDIENCE } : undefined,
    logLevel: e.LOG_LEVEL,
  };
}
