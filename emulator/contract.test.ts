import { describe, expect, it } from 'vitest';
import { VOICES as CONTRACT_VOICES } from '../contract/session.ts';
import { TOOL_NAMES } from '../contract/tools.ts';
import { VOICES } from './validate.ts';
import { readFileSync } from 'node:fs';

describe('the stand-in keeps the shared contract', () => {
  it('accepts exactly the voices the extension and the token service offer', () => {
    expect(VOICES).toBe(CONTRACT_VOICES);
  });

  it('practice mode calls only tools the contract declares', () => {
    const called = [
      ...readFileSync(new URL('./practice.ts', import.meta.url), 'utf8').matchAll(/name: '([a-z_]+)'/g),
    ].map((m) => m[1]);
    expect(called.length).toBeGreaterThan(0);
    for (const name of called) expect(TOOL_NAMES).toContain(name);
  });
});
