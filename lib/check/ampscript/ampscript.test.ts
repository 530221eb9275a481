/**
 * AMPscript rules, one block per rule, against a small fixed catalogue.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../index.ts';
import { TEST_CATALOG } from '../testing.ts';
import type { ContentType } from '../types.ts';

const amp = (code: string, contentType?: ContentType) =>
  check(code, 'ampscript', { catalog: TEST_CATALOG, ...(contentType ? { contentType } : {}) });
const rules = (code: string, contentType?: ContentType) =>
  amp(code, contentType).problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

describe('AMPscript: valid code', () => {
  it('a block, inline output and a personalization string check clean', () => {
    const r = amp('%%[ SET @n = AttributeValue("First") ]%%\nHi %%=v(@n)=%% %%FirstName%%');
    expect(r).toEqual({ ok: true, problems: [] });
  });
  it('bare statements (no delimiters) are read as one block', () => {
    expect(amp('SET @a = 1\nIF @a == 1 THEN Output(v(@a)) ENDIF').problems).toEqual([]);
  });
  it('IF and FOR may span blocks with HTML between them', () => {
    const code =
      '%%[ SET @r = LookupRows("D", "k", "v") FOR @i = 1 TO RowCount(@r) DO ]%%\n<li>x</li>\n%%[ NEXT @i ]%%';
    expect(amp(code).problems).toEqual([]);
  });
  it('keywords and function names are case-insensitive', () => {
    expect(amp('%%[ set @a = concat("a") if not empty(@a) then output(V(@a)) endif ]%%').problems).toEqual([]);
  });
  it('comments are skipped, even with keywords inside', () => {
    expect(amp('%%[ /* IF without ENDIF ( " */ SET @a = 1 ]%%').problems).toEqual([]);
  });
});

describe('AMPscript: unknown-function', () => {
  it('names the closest function', () => {
    const [p] = amp('%%[\nSET @r = LookupRow("D", "k", "v")\n]%%').problems;
    expect(p).toMatchObject({ line: 2, column: 10, rule: 'unknown-function', severity: 'error' });
    expect(p?.message).toBe('LookupRow is not an AMPscript function; did you mean LookupRows?');
  });
  it('knows habits from other languages and names a function the word begins', () => {
    const messages = (code: string) => amp(code).problems.map((p) => p.message);
    expect(messages('%%[ SET @a = Len("x") SET @b = Concatenate("a") SET @c = IF(1, 2, 3) ]%%')).toEqual([
      'Len is not an AMPscript function', // the habit's target (Length) is not in this catalogue
      'Concatenate is not an AMPscript function; did you mean Concat?',
      'IF is not an AMPscript function',
    ]);
    expect(messages('%%[ SET @r = LookupR("D", "k", "v") ]%%')).toEqual([
      'LookupR is not an AMPscript function; did you mean Lookup?',
    ]);
  });
  it('gives no suggestion when nothing is close', () => {
    expect(amp('%%[ SET @r = Frobnicate(1) ]%%').problems[0]?.message).toBe('Frobnicate is not an AMPscript function');
  });
});

describe('AMPscript: argument-count', () => {
  it('too few', () => {
    expect(amp('%%[ SET @a = Lookup("D", "c", "k") ]%%').problems[0]).toMatchObject({
      rule: 'argument-count',
      message: 'Lookup takes at least 4 arguments, got 3',
    });
  });
  it('too many', () => {
    expect(rules('%%[ SET @a = RowCount(@a, 2) ]%%')).toContain('1:14 argument-count');
  });
  it('in range, and unbounded maximum', () => {
    expect(amp('%%[ SET @a = Field(Row(LookupRows("D","a","b","c","d"), 1), "x", 1) ]%%').problems).toEqual([]);
  });
  it('zero arguments', () => {
    expect(rules('%%[ SET @a = Empty() ]%%')).toEqual(['1:14 argument-count']);
  });
});

describe('AMPscript: delimiters, parentheses and quotes', () => {
  it('unclosed %%[ block', () => {
    expect(rules('<p>\n%%[ SET @a = 1\n<p>end</p>')).toEqual(['2:1 unclosed-block']);
  });
  it('a block cut short by the next %%[', () => {
    expect(rules('%%[ SET @a = 1\n%%[ SET @b = 2 ]%%')).toContain('1:1 unclosed-block');
  });
  it('unclosed %%= inline', () => {
    expect(rules('<p>%%=v(@a)</p>')).toContain('1:4 unclosed-block');
  });
  it('stray ]%%', () => {
    expect(rules('<p>Hi</p>\nSET @a = 1 ]%%', undefined)).toEqual(['2:12 unopened-block']);
  });
  it('unclosed parenthesis points at the (', () => {
    expect(rules('%%[\nSET @a = Concat("a", "b"\nSET @b = 1\n]%%')).toEqual(['2:16 unbalanced-parentheses']);
  });
  it('extra )', () => {
    expect(rules('%%[ SET @a = Concat("a")) ]%%')).toEqual(['1:25 unbalanced-parentheses']);
  });
  it('unclosed quote points at the string start', () => {
    expect(rules("%%[ SET @a = 'abc\nSET @b = 1 ]%%")).toEqual(['1:14 unclosed-string']);
  });
  it('doubled quotes are escapes, not the end of the string', () => {
    expect(amp('%%[ SET @a = "say ""hi""" ]%%').problems).toEqual([]);
  });
  it('unclosed comment', () => {
    expect(rules('%%[ SET @a = 1 /* note ]%%')).toEqual(['1:16 unclosed-comment']);
  });
  it('unclosed <script runat="server" language="ampscript">', () => {
    expect(rules('<script runat="server" language="ampscript">\nSET @a = 1')).toEqual(['1:1 unclosed-block']);
  });
});

describe('AMPscript: IF / ELSEIF / ELSE / ENDIF', () => {
  it('if-without-endif at the IF', () => {
    expect(rules('%%[\nSET @a = 1\nIF @a == 1 THEN\nSET @b = 2\n]%%')).toEqual(['3:1 if-without-endif']);
  });
  it('endif-without-if', () => {
    expect(rules('%%[ SET @a = 1 ENDIF ]%%')).toEqual(['1:16 endif-without-if']);
  });
  it('missing-then after the condition', () => {
    expect(rules('%%[ SET @a = 1\nIF @a == 1\nSET @b = 2\nENDIF ]%%')).toEqual(['2:11 missing-then']);
  });
  it('ELSE and ELSEIF outside IF', () => {
    expect(rules('%%[ SET @a = 1\nELSE\nELSEIF @a == 1 THEN ]%%')).toEqual([
      '2:1 else-outside-if',
      '3:1 else-outside-if',
    ]);
  });
  it('ELSE IF with one ENDIF is reported as else-if', () => {
    const code = '%%[ SET @a = 1\nIF @a == 1 THEN\nSET @b = 1\nELSE IF @a == 2 THEN\nSET @b = 2\nENDIF ]%%';
    expect(rules(code)).toEqual(['4:1 else-if']);
  });
  it('ELSE followed by a nested IF with its own ENDIF is fine', () => {
    const code = '%%[ SET @a = 1\nIF @a == 1 THEN\nSET @b = 1\nELSE IF @a == 2 THEN\nSET @b = 2\nENDIF\nENDIF ]%%';
    expect(amp(code).problems).toEqual([]);
  });
  it('END IF written as two words', () => {
    expect(amp('%%[ SET @a = 1 IF @a == 1 THEN SET @b = 2 END IF ]%%').problems.map((p) => p.message)).toEqual([
      'write ENDIF as one word',
    ]);
  });
});

describe('AMPscript: FOR / NEXT', () => {
  it('FOR … TO and DOWNTO with NEXT @i', () => {
    expect(amp('%%[ FOR @i = 1 TO 3 DO Output(v(@i)) NEXT @i FOR @j = 3 DOWNTO 1 DO NEXT ]%%').problems).toEqual([]);
  });
  it('next-variable warns when NEXT names another counter', () => {
    const r = amp('%%[ FOR @i = 1 TO 2 DO\nFOR @j = 1 TO 2 DO\nNEXT @i\nNEXT @i ]%%');
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 3, column: 6, rule: 'next-variable', severity: 'warning' }),
    ]);
    expect(r.problems[0]?.message).toBe('NEXT @i closes the FOR that counts with @j');
  });
  it('for-without-next', () => {
    expect(rules('%%[\nFOR @i = 1 TO 3 DO\nOutput(v(@i))\n]%%')).toEqual(['2:1 for-without-next']);
  });
  it('next-without-for', () => {
    expect(rules('%%[ SET @i = 1\nNEXT @i ]%%')).toEqual(['2:1 next-without-for']);
  });
  it('ENDIF closing an IF leaves the FOR opened inside it unclosed', () => {
    expect(rules('%%[ SET @a = 1 IF @a == 1 THEN\nFOR @i = 1 TO 2 DO\nENDIF ]%%')).toEqual(['2:1 for-without-next']);
  });
  it('missing DO / TO', () => {
    expect(rules('%%[ FOR @i = 1 TO 3\nNEXT @i ]%%')).toEqual(['1:20 for-syntax']);
    expect(rules('%%[ FOR @i = 1 UNTIL 3 DO NEXT @i ]%%').map((r) => r.split(' ')[1])).toContain('for-syntax');
  });
});

describe('AMPscript: variable-without-at', () => {
  it('in SET, VAR, FOR and NEXT', () => {
    expect(rules('%%[ VAR x\nSET y = 1\nFOR i = 1 TO 2 DO\nNEXT i ]%%')).toEqual([
      '1:9 variable-without-at',
      '2:5 variable-without-at',
      '3:5 variable-without-at',
      '4:6 variable-without-at',
    ]);
  });
  it('an attribute name in an expression is not a variable', () => {
    expect(amp('%%[ SET @e = emailaddr SET @f = [First Name] ]%%').problems).toEqual([]);
  });
});

describe('AMPscript: other syntax', () => {
  it('missing SET before an assignment', () => {
    expect(rules('%%[ @a = 1 ]%%')).toEqual(['1:5 missing-set']);
  });
  it('+ and && are not AMPscript operators', () => {
    expect(rules('%%[ SET @a = "x" + "y" SET @b = 1 IF @b == 1 && @b == 2 THEN ENDIF ]%%')).toEqual([
      '1:18 unsupported-operator',
      '1:46 unsupported-operator',
    ]);
  });
  it('a misspelled keyword gets a suggestion', () => {
    expect(amp('%%[ SETT @a = 1 ]%%').problems[0]?.message).toBe('SETT is not an AMPscript keyword; did you mean SET?');
  });
  it('a statement inside %%= =%%', () => {
    expect(rules('%%=SET @a = 1=%%')).toEqual(['1:4 syntax']);
  });
  it('an empty argument', () => {
    expect(amp('%%[ SET @a = Concat("a", ) ]%%').problems).toEqual([
      expect.objectContaining({
        column: 26,
        rule: 'syntax',
        message: 'empty argument in Concat( … ): remove the extra comma',
      }),
    ]);
    expect(rules('%%[ SET @a = Concat("a",, "b") ]%%')).toEqual(['1:25 syntax']);
  });
  it('one error per broken statement, then parsing resumes', () => {
    expect(rules('%%[ SET @a = = 1\nSET @b = Frob(1) ]%%')).toEqual(['1:14 syntax', '2:10 unknown-function']);
  });
});

describe('AMPscript: warnings', () => {
  it('content-type warns for a CloudPage-only function in an email, not in a CloudPage or when unknown', () => {
    const code = '%%[ SET @e = RequestParameter("e") ]%%';
    expect(amp(code, 'email').problems).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'content-type', line: 1, column: 14 }),
    ]);
    expect(amp(code, 'email').ok).toBe(true);
    expect(amp(code, 'cloudpage').problems).toEqual([]);
    expect(amp(code).problems).toEqual([]);
  });
  it('unset-variable once per variable, at its first use', () => {
    const r = amp('%%[ SET @a = Concat(@b, @B, @c) VAR @c ]%%');
    expect(r.problems).toEqual([expect.objectContaining({ rule: 'unset-variable', column: 21, severity: 'warning' })]);
    expect(r.ok).toBe(true);
  });
  it('HTTPGet output parameters count as set; SSJS Variable.SetValue too', () => {
    expect(amp('%%[ SET @x = HTTPGet("u", false, 0, @status) Output(v(@status)) ]%%').problems).toEqual([]);
    const html = '<script runat="server">Variable.SetValue("@g", "hi");</script>%%=v(@g)=%%';
    expect(check(html, 'html', { catalog: TEST_CATALOG }).problems).toEqual([]);
  });
});
