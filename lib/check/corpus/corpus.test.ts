/**
 * The corpus against the real catalogue: no errors on valid snippets, and each broken one reports its rule at its
 * line.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../index.ts';
import { BROKEN, VALID } from './index.ts';

const opts = (s: { contentType?: 'email' | 'cloudpage' | 'sms' | 'landing-page' }) =>
  s.contentType ? { contentType: s.contentType } : {};

describe('checker corpus', () => {
  it('has at least 40 valid and 40 broken snippets, every broken one with an expectation', () => {
    expect(VALID.length).toBeGreaterThanOrEqual(40);
    expect(BROKEN.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['ampscript', 'ssjs', 'sql']) {
      const ofLang = (s: { language: string }) =>
        s.language === lang || (lang === 'ampscript' && s.language === 'html');
      expect(VALID.filter(ofLang).length).toBeGreaterThanOrEqual(10);
      expect(BROKEN.filter(ofLang).length).toBeGreaterThanOrEqual(10);
    }
    expect(BROKEN.every((s) => s.expect)).toBe(true);
    expect(VALID.every((s) => !s.expect)).toBe(true);
  });

  it.each(VALID.map((s) => [s.language, s.name, s] as const))('valid %s: %s', (_l, _n, s) => {
    const result = check(s.code, s.language, opts(s));
    // No false errors, and no false warnings either.
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(BROKEN.map((s) => [s.language, s.name, s] as const))('broken %s: %s', (_l, _n, s) => {
    const result = check(s.code, s.language, opts(s));
    const hit = result.problems.find((p) => p.rule === s.expect?.rule && p.line === s.expect?.line);
    expect(hit, JSON.stringify(result.problems)).toBeDefined();
    if (hit?.severity === 'error') expect(result.ok).toBe(false);
  });
});
