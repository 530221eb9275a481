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
    });
  });

  it('splits comma-separated lists and trims a trailing slash off the base URL', () => {
    const c = parseEnv(testEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:8788/v1/', ALLOWED_ORIGINS: ' chrome-extension://ffkdpfdcjcgaahldlkgfflgdhflkfhbk , http://localhost:3000 ' }));
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
    ['TOKEN_SERVICE_ACCESS_KEYS', 'short', /TOKEN_SERVICE_ACCESS_KEYS \(entry 1\) each key must be at least 16 characters/],
    ['REALTIME_MODEL', 'gpt realtime', /REALTIME_MODEL must be a model name/],
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
    expect(problems(testEnv({ TOKEN_SERVICE_ACCESS_KEYS: API_KEY })).join('\n')).toMatch(/must not contain OPENAI_API_KEY/);
  });

  it('never echoes a value in its messages', () => {
    const bad = 'sk-has whitespace-SECRET';
    const e = (() => { try { parseEnv(testEnv({ OPENAI_API_KEY: bad, TOKEN_TTL_SECONDS: 'SECRETTTL' })); } catch (err) { return err as Error; } })();
    expect(e?.message).toMatch(/OPENAI_API_KEY must not contain whitespace/);
    expect(e?.message).not.toContain('SECRET');
  });
});
