import { describe, expect, it } from 'vitest';
import { createLogger } from './log';

describe('logger', () => {
  it('writes one JSON object per line and scrubs secrets, bearer tokens, sk- and ek_ values', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: ['my-access-key-123456', 'sk-proj-abcdefgh'], sink: (l) => lines.push(l) });
    log.info('hello', {
      a: 'x my-access-key-123456 y',
      h: 'Bearer abc.def',
      k: 'sk-other-1234567890',
      e: 'ek_abc123',
      o: 'sk-proj-abcdefgh',
    });
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0] ?? '{}') as Record<string, string>;
    expect(o).toMatchObject({
      level: 'info',
      msg: 'hello',
      service: 'token-service',
      a: 'x [redacted] y',
      h: 'Bearer [redacted]',
      e: 'ek_[redacted]',
    });
    expect(lines[0]).not.toMatch(/my-access-key|abc\.def|sk-other-1234567890|ek_abc123|sk-proj-abcdefgh/);
  });

  it('respects the level and carries child fields', () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: [], level: 'warn', sink: (l) => lines.push(l) }).child({ requestId: 'r1' });
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'loud', requestId: 'r1' });
  });

  it('survives unserialisable fields', () => {
    const lines: string[] = [];
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    createLogger({ secrets: [], sink: (l) => lines.push(l) }).info('x', { cyclic });
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ msg: 'x' });
  });
});
