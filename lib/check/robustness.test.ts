/**
 * `check` never throws and always places problems inside the text, whatever it is given: the product runs it on
 * model output and on anything a user pastes. Property-based over fragments of real code, so the inputs look like
 * almost-AMPscript/SSJS/SQL rather than noise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, TOO_DEEP } from './index.ts';
import { BROKEN, VALID } from './corpus/index.ts';
import type { CheckLanguage } from './types.ts';

const pieces = [...VALID, ...BROKEN].flatMap((s) => s.code.split(/(?<=[\s()"'\]%=,;])/));
const fragment = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 })), { maxLength: 60 })
  .map((a) => a.join(''));
const language = fc.constantFrom<CheckLanguage>('ampscript', 'ssjs', 'sql', 'html');

describe('check on arbitrary input', () => {
  it('never throws; problems are inside the text with valid severities', () => {
    fc.assert(
      fc.property(fragment, language, (code, lang) => {
        const r = check(code, lang);
        const lines = code.split('\n');
        expect(r.ok).toBe(!r.problems.some((p) => p.severity === 'error'));
        for (const p of r.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines.length);
          expect(p.column).toBeGreaterThanOrEqual(1);
          expect(p.column).toBeLessThanOrEqual((lines[p.line - 1]?.length ?? 0) + 1);
          expect(['error', 'warning']).toContain(p.severity);
          expect(p.rule).toMatch(/^[a-z-]+$/);
          expect(p.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('hostile nesting gets one clear error in every language, never a crash', () => {
    const n = 50_000;
    const cases: [CheckLanguage, string][] = [
      ['sql', `SELECT ${'('.repeat(n)}1${')'.repeat(n)} AS a`],
      ['sql', `SELECT 1 AS a WHERE ${'NOT '.repeat(n)}1 = 1`],
      ['ampscript', `%%[ SET @a = ${'Concat('.repeat(n)}1${')'.repeat(n)} ]%%`],
      ['ssjs', `var a = ${'('.repeat(n)}1${')'.repeat(n)};`],
    ];
    for (const [language, code] of cases) {
      const r = check(code, language);
      expect(r.ok, language).toBe(false);
      expect(r.problems.length, language).toBeGreaterThan(0);
    }
    expect(check(`SELECT ${'('.repeat(n)}1${')'.repeat(n)} AS a`, 'sql').problems).toEqual([
      expect.objectContaining({ line: 1, column: 1, rule: 'syntax', message: TOO_DEEP }),
    ]);
    expect(check(`SELECT ${'('.repeat(100)}1${')'.repeat(100)} AS a`, 'sql').ok).toBe(true);
  });

  it('empty input', () => {
    expect(check('', 'ampscript')).toEqual({ ok: true, problems: [] });
    expect(check('', 'html')).toEqual({ ok: true, problems: [] });
    expect(check('', 'ssjs')).toEqual({ ok: true, problems: [] });
    expect(check('', 'sql').ok).toBe(false);
  });
});
