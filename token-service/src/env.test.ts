import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env';
import { API_KEY, testEnv } from './testing/harness';

const problems = (env: Record<string, string | undefined>) => {
  try {
    parseEnv(env);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return (e as EnvError).problems;
  }
  throw new Error('expected parseEnv to throw');
};

describe('parseEnv', () => {
  it('fills the documented defaults', () => {
    const c = parseEnv({ OPENAI_API_KEY: API_KEY, TOKEN_SERVICE_ACCESS_KEYS: 'a-key-of-sixteen-chars' });
    expect(c).toMatchObject({
      openaiBaseUrl: 'https://api.openai.com/v1',
      realtimeModel: 'gpt-realtime',
      port: 8787,
      rateLimitPerMinute: 60,
      globalRateLimitPerMinute: 1200,
      tokenTtlSeconds: 60,
      upstreamTimeoutMs: 10_000,
      redisUrl: undefined,
      oidc: undefined,
      allowedOrigins: [],
      accessKeys: ['a-key-of-sixteen-chars'],
      host: '127.0.0.1',
      reasoningEffort: 'low',
      truncation: { retentionRatio: 0.8, postInstructionsTokens: undefined },
      authFailuresPerMinute: 20,
      trustedProxyHeader: undefined,
      metricsToken: undefined,
    });
  });

  it.each([
    'gpt-realtime',
    'gpt-realtime-mini',
    'gpt-realtime-2',
    'gpt-realtime-2.1',
    'gpt-realtime-2.1-mini',
    'gpt-realtime-2025-08-28',
    'gpt-realtime-mini-2025-12-15',
    'gpt-realtime-1.5',
    'gpt-4o-realtime-preview-2025-06-03',
  ])('accepts REALTIME_MODEL=%s', (model) => {
    expect(parseEnv(testEnv({ REALTIME_MODEL: model })).realtimeModel).toBe(model);
  });

  it.each([
    ['0.5', { retentionRatio: 0.5, postInstructionsTokens: undefined }],
    ['1', { retentionRatio: 1, postInstructionsTokens: undefined }],
    ['.25', { retentionRatio: 0.25, postInstructionsTokens: undefined }],
    ['0', undefined],
    ['0.0', undefined],
    ['off', undefined],
    ['OFF', undefined],
  ])('TRUNCATION_RETENTION_RATIO=%j gives %j', (value, expected) => {
    expect(parseEnv(testEnv({ TRUNCATION_RETENTION_RATIO: value })).truncation).toEqual(expected);
  });

  it('takes TRUNCATION_POST_INSTRUCTIONS_TOKENS only with a retention ratio', () => {
    expect(parseEnv(testEnv({ TRUNCATION_POST_INSTRUCTIONS_TOKENS: '16000' })).truncation).toEqual({
      retentionRatio: 0.8,
      postInstructionsTokens: 16000,
    });
    expect(
      problems(testEnv({ TRUNCATION_POST_INSTRUCTIONS_TOKENS: '16000', TRUNCATION_RETENTION_RATIO: 'off' })).join('\n'),
    ).toMatch(/TRUNCATION_POST_INSTRUCTIONS_TOKENS needs retention-ratio truncation/);
  });

  it('reads the effort, the host, the pre-auth limit, the proxy header and the metrics token', () => {
    const c = parseEnv(
      testEnv({
        REASONING_EFFORT: 'xhigh',
        HOST: '0.0.0.0',
        AUTH_FAILURES_PER_MINUTE: '5',
        TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
        METRICS_TOKEN: 'metrics-token-0123456789',
      }),
    );
    expect(c).toMatchObject({
      reasoningEffort: 'xhigh',
      host: '0.0.0.0',
      authFailuresPerMinute: 5,
      trustedProxyHeader: 'x-forwarded-for',
      metricsToken: 'metrics-token-0123456789',
    });
  });

  it('refuses a metrics token equal to another secret', () => {
    expect(problems(testEnv({ METRICS_TOKEN: API_KEY })).join('\n')).toMatch(/METRICS_TOKEN must differ/);
    expect(problems(testEnv({ METRICS_TOKEN: 'access-key-for-tests-0001' })).join('\n')).toMatch(
      /METRICS_TOKEN must differ/,
    );
  });

  it('splits comma-separated lists and trims a trailing slash off the base URL', () => {
    const c = parseEnv(
      testEnv({
        OPENAI_BASE_URL: 'http://127.0.0.1:8788/v1/',
        ALLOWED_ORIGINS: ' chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk , http://localhost:3000 ',
      }),
    );
    expect(c.openaiBaseUrl).toBe('http://127.0.0.1:8788/v1');
    expect(c.allowedOrigins).toEqual(['chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk', 'http://localhost:3000']);
    expect(c.accessKeys).toHaveLength(2);
  });

  it('names every missing variable at once', () => {
    const p = problems({});
    expect(p.join('\n')).toMatch(/OPENAI_API_KEY is required/);
    expect(p.join('\n')).toMatch(/TOKEN_SERVICE_ACCESS_KEYS is required/);
  });

  it.each([
    ['TOKEN_TTL_SECONDS', '5', /TOKEN_TTL_SECONDS must be at least 10/],
    ['TOKEN_TTL_SECONDS', '7201', /TOKEN_TTL_SECONDS must be at most 7200/],
    ['TOKEN_TTL_SECONDS', '1m', /TOKEN_TTL_SECONDS must be a whole number/],
    ['PORT', '70000', /PORT must be at most 65535/],
    ['RATE_LIMIT_PER_MINUTE', '0', /RATE_LIMIT_PER_MINUTE must be at least 1/],
    ['UPSTREAM_TIMEOUT_MS', 'soon', /UPSTREAM_TIMEOUT_MS must be a whole number/],
    ['OPENAI_BASE_URL', 'ftp://x', /OPENAI_BASE_URL must be an http\(s\) URL/],
    ['REDIS_URL', 'http://localhost:6379', /REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/],
    ['ALLOWED_ORIGINS', 'chrome-extension://short', /ALLOWED_ORIGINS \(entry 1\) each origin must look like/],
    ['ALLOWED_ORIGINS', 'https://a.example/path', /ALLOWED_ORIGINS \(entry 1\)/],
    [
      'TOKEN_SERVICE_ACCESS_KEYS',
      'short',
      /TOKEN_SERVICE_ACCESS_KEYS \(entry 1\) each key must be at least 16 characters/,
    ],
    ['REALTIME_MODEL', 'gpt realtime', /REALTIME_MODEL must be a Realtime model/],
    [
      'REALTIME_MODEL',
      'gpt-4o',
      /REALTIME_MODEL must be a Realtime model: gpt-realtime, gpt-realtime-mini, gpt-realtime-2/,
    ],
    ['REALTIME_MODEL', 'gpt-live-1', /REALTIME_MODEL must be a Realtime model/],
    ['REASONING_EFFORT', 'max', /REASONING_EFFORT must be one of minimal, low, medium, high, xhigh/],
    ['TRUNCATION_RETENTION_RATIO', '1.5', /TRUNCATION_RETENTION_RATIO must be a fraction between 0 and 1/],
    ['TRUNCATION_RETENTION_RATIO', '80%', /TRUNCATION_RETENTION_RATIO must be a fraction/],
    ['TRUNCATION_RETENTION_RATIO', '.', /TRUNCATION_RETENTION_RATIO must be a fraction/],
    ['TRUNCATION_POST_INSTRUCTIONS_TOKENS', '10', /TRUNCATION_POST_INSTRUCTIONS_TOKENS must be at least 1000/],
    ['HOST', 'local host', /HOST must be an interface address/],
    ['AUTH_FAILURES_PER_MINUTE', '0', /AUTH_FAILURES_PER_MINUTE must be at least 1/],
    ['TRUSTED_PROXY_HEADER', 'x forwarded', /TRUSTED_PROXY_HEADER must be a header name/],
    ['METRICS_TOKEN', 'short', /METRICS_TOKEN must be at least 16 characters/],
    ['OIDC_ISSUER', 'https://issuer.example', /OIDC_AUDIENCE is required when OIDC_ISSUER is set/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of/],
  ])('refuses %s=%j with a clear message', (name, value, message) => {
    expect(problems(testEnv({ [name]: value })).join('\n')).toMatch(message);
  });

  it('allows OIDC instead of access keys', () => {
    const c = parseEnv({ OPENAI_API_KEY: API_KEY, OIDC_ISSUER: 'https://issuer.example', OIDC_AUDIENCE: 'aud' });
    expect(c.oidc).toEqual({ issuer: 'https://issuer.example', audience: 'aud' });
    expect(c.accessKeys).toEqual([]);
  });

  it('refuses an API key used as an access key', () => {
    expect(problems(testEnv({ TOKEN_SERVICE_ACCESS_KEYS: API_KEY })).join('\n')).toMatch(
      /must not contain OPENAI_API_KEY/,
    );
  });

  it('never echoes a value in its messages', () => {
    const bad = 'sk-has whitespace-SECRET';
    const e = (() => {
      try {
        parseEnv(testEnv({ OPENAI_API_KEY: bad, TOKEN_TTL_SECONDS: 'SECRETTTL' }));
      } catch (err) {
        return err as Error;
      }
    })();
    expect(e?.message).toMatch(/OPENAI_API_KEY must not contain whitespace/);
    expect(e?.message).not.toContain('SECRET');
  });
});
