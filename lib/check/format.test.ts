/**
 * The model-facing summary line, and "did you mean".
 */
import { describe, expect, it } from 'vitest';
import { check, formatForModel } from './index.ts';
import { didYouMean, editDistance } from './suggest.ts';
import { TEST_CATALOG } from './testing.ts';
import type { Problem } from './types.ts';

const p = (line: number, severity: Problem['severity'], message: string): Problem => ({
  line,
  column: 1,
  severity,
  rule: 'r',
  message,
});

describe('formatForModel', () => {
  it('no problems', () => {
    expect(formatForModel({ ok: true, problems: [] })).toBe('checked: no problems');
  });
  it('the issue example, from a real check', () => {
    const r = check('%%[\nSET @r = LookupRow("D", "k", "v")\n]%%', 'ampscript', { catalog: TEST_CATALOG });
    expect(formatForModel(r)).toBe(
      'checked: 1 error — line 2: LookupRow is not an AMPscript function; did you mean LookupRows?',
    );
  });
  it('errors before warnings, counts pluralised, long lists cut', () => {
    const problems = [p(1, 'warning', 'w'), ...[2, 3, 4, 5, 6, 7].map((l) => p(l, 'error', `e${l}`))];
    expect(formatForModel({ ok: false, problems })).toBe(
      'checked: 6 errors, 1 warning — line 2: e2; line 3: e3; line 4: e4; line 5: e5; line 6: e6; and 2 more',
    );
    expect(formatForModel({ ok: true, problems: [p(3, 'warning', 'w')] })).toBe(
      'checked: 1 warning — line 3 (warning): w',
    );
  });
});

describe('suggest', () => {
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('a', 'abcdef', 2)).toBeGreaterThan(2);
  });
  it('closest candidate within a length-scaled limit, case-insensitive', () => {
    expect(didYouMean('lookuprow', ['Lookup', 'LookupRows', 'Row'])).toBe('LookupRows');
    expect(didYouMean('_opens', ['_Open', '_Sent'])).toBe('_Open');
    expect(didYouMean('Frobnicate', ['Lookup', 'LookupRows'])).toBeUndefined();
  });
});
