import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';
import { configWarnings, keyCheckNote } from './startup';
import { API_KEY, testEnv } from './testing/harness';

describe('start-up notes', () => {
  it('warns that an empty ALLOWED_ORIGINS makes the extension fail CORS, and only then', () => {
    const empty = configWarnings(parseEnv(testEnv({ ALLOWED_ORIGINS: '' })));
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatchObject({ level: 'warn' });
    expect(empty[0]?.msg).toContain("ALLOWED_ORIGINS is empty: the extension's requests will fail CORS");
    expect(configWarnings(parseEnv(testEnv()))).toEqual([]);
  });

  it('words each key verdict, naming the variable and never the key', () => {
    const base = 'http://127.0.0.1:8788/v1';
    const refused = keyCheckNote({ state: 'refused', detail: { upstreamStatus: 401 } }, base);
    expect(refused.level).toBe('warn');
    expect(refused.msg).toMatch(/OpenAI refused OPENAI_API_KEY.*upstream_auth.*\/ready.*503/);
    expect(refused.fields).toEqual({ upstream: base, upstreamStatus: 401 });
    const unknown = keyCheckNote({ state: 'unknown', detail: { upstreamStatus: 404 } }, base);
    expect(unknown.level).toBe('warn');
    expect(unknown.msg).toContain(`Could not check OPENAI_API_KEY at start-up (GET ${base}/models`);
    expect(keyCheckNote({ state: 'accepted', detail: {} }, base)).toMatchObject({
      level: 'info',
      msg: 'OpenAI accepted OPENAI_API_KEY',
    });
    for (const n of [refused, unknown]) expect(JSON.stringify(n)).not.toContain(API_KEY);
  });
});
