/**
 * SSJS rules: post-ES3 syntax (one case per rule), syntax errors, Platform.Function names and counts, Core loading,
 * `<script runat="server">` wrapping with true line numbers.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../index.ts';
import { TEST_CATALOG } from '../testing.ts';

const ssjs = (code: string) => check(code, 'ssjs', { catalog: TEST_CATALOG });
const rules = (code: string) => ssjs(code).problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

describe('SSJS: ES3-era code checks clean', () => {
  it('var, functions, loops, try/catch, object literals, regexps', () => {
    const code = [
      'Platform.Load("Core", "1.1.1");',
      'var rows = Platform.Function.LookupRows("D", "k", "v");',
      'function fmt(r) { return r.Name + ": " + r.Value; }',
      'for (var i = 0; i < rows.length; i++) { Write(fmt(rows[i])); }',
      'for (var k in rows) { if (rows.hasOwnProperty(k)) {} }',
      'try { var o = { a: 1, "b": [1, 2], c: function () { return /x+/g.test("xx"); } }; } catch (e) { Write(e); }',
      'var de = DataExtension.Init("D");',
    ].join('\n');
    expect(ssjs(code)).toEqual({ ok: true, problems: [] });
  });
});

describe('SSJS: post-ES3 syntax, one rule each', () => {
  const cases: [string, string, string][] = [
    ['let x = 1;', '1:1 no-let-const', 'does not support let; use var'],
    ['const x = 1;', '1:1 no-let-const', 'does not support const; use var'],
    ['var f = (a) => a;', '1:9 no-arrow-function', 'does not support arrow functions; use function() {}'],
    ['var s = `a${1}`;', '1:9 no-template-literal', 'template literals'],
    ['class A {}', '1:1 no-class', 'classes'],
    ['f(...args);', '1:3 no-spread-rest', 'spread'],
    ['function f(...args) {}', '1:12 no-spread-rest', 'rest parameters'],
    ['var [a, ...b] = c;', '1:5 no-destructuring', 'destructuring'],
    ['var { a = 1 } = c;', '1:5 no-destructuring', 'destructuring'],
    ['function f(a = 1) {}', '1:12 no-default-params', 'default parameter'],
    ['for (var x of xs) {}', '1:1 no-for-of', 'for…of'],
    ['async function f() {}', '1:1 no-async-await', 'async'],
    ['function* g() { yield 1; }', '1:1 no-generator', 'generator'],
    ['var o = { m() {} };', '1:11 no-shorthand', 'shorthand methods'],
    ['var o = { a };', '1:11 no-shorthand', 'shorthand properties'],
    ['var v = a?.b;', '1:9 no-optional-chaining', 'optional chaining'],
    ['var v = a ?? b;', '1:9 no-nullish', '??'],
    ['var v = 2 ** 3;', '1:9 no-es-syntax', 'Math.pow'],
    ['try {} catch {}', '1:8 no-es-syntax', 'catch without a parameter'],
  ];
  it.each(cases)('%s', (code, rule, words) => {
    const r = ssjs(code);
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([rule]);
    expect(r.problems[0]?.message).toContain("SFMC's SSJS engine does not support");
    expect(r.problems[0]?.message).toContain(words);
    expect(r.ok).toBe(false);
  });
});

describe('SSJS: syntax errors', () => {
  it('line and column of the bad token', () => {
    expect(rules('var a = 1;\nvar b = ;')).toEqual(['2:9 syntax']);
  });
  it('ends too early', () => {
    const r = ssjs('function f() {\n  Write(1);\n');
    expect(r.problems[0]).toMatchObject({ line: 3, rule: 'syntax' });
    expect(r.problems[0]?.message).toContain('ends too early');
  });
  it('import/export are syntax errors in a script', () => {
    expect(rules('import x from "y";')).toEqual(['1:1 syntax']);
  });
});

describe('SSJS: Platform.Function', () => {
  it('unknown name with a suggestion, at the name', () => {
    const r = ssjs('var r = Platform.Function.LookupRow("D", "k", "v");');
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 1,
        column: 27,
        rule: 'unknown-platform-function',
        message: 'Platform.Function.LookupRow does not exist; did you mean Platform.Function.LookupRows?',
      }),
    ]);
  });
  it('wrong argument count', () => {
    expect(rules('var r = Platform.Function.Lookup("D", "c", "k");')).toEqual(['1:9 argument-count']);
  });
  it('other Platform namespaces are not checked as functions', () => {
    expect(ssjs('var q = Platform.Request.GetQueryStringParameter("a"); Platform.Response.Write(q);').problems).toEqual(
      [],
    );
  });
});

describe('SSJS: ES5 library calls', () => {
  it('warn once per name, with the SFMC way; ok stays true', () => {
    const r = ssjs(
      'var o = JSON.parse(s);\nvar a = [1].map(function (x) { return x; });\nvar b = [2].map(f);\nWrite(JSON.stringify(o));',
    );
    expect(r.ok).toBe(true);
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`)).toEqual([
      '1:14 warning es5-api',
      '2:13 warning es5-api',
      '4:12 warning es5-api',
    ]);
    expect(r.problems[0]?.message).toContain('Platform.Function.ParseJSON');
  });
  it('a computed or unrelated member is not flagged', () => {
    expect(ssjs('var m = obj["map"]; var k = o.keys; Write(m + k);').problems).toEqual([]);
  });
});

describe('SSJS: Core library', () => {
  it('warns once, at the first Core object, when Platform.Load("Core") is missing', () => {
    const r = ssjs('var de = DataExtension.Init("D");\nvar s = Subscriber.Init("k");');
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 1, column: 10, rule: 'core-not-loaded', severity: 'warning' }),
    ]);
    expect(r.ok).toBe(true);
  });
  it('no warning with Platform.Load("core", …) in any case', () => {
    expect(ssjs('Platform.Load("core", "1");\nvar r = HTTP.Get("https://x");').problems).toEqual([]);
  });
});

describe('SSJS: <script runat="server"> wrapping', () => {
  it('positions are in the whole file; non-server scripts are ignored', () => {
    const code =
      '<p>x</p>\n<script>let client = 1;</script>\n<script runat="server">\nvar a = 1;\nlet b = 2;\n</script>';
    expect(rules(code)).toEqual(['5:1 no-let-const']);
  });
  it('Platform.Load in one block counts for the next (html)', () => {
    const code =
      '<script runat="server">Platform.Load("Core","1");</script>\n<script runat=server>var d = DataExtension.Init("D");</script>';
    expect(check(code, 'html', { catalog: TEST_CATALOG }).problems).toEqual([]);
  });
  it('language="javascript" is SSJS, language="ampscript" is AMPscript', () => {
    const code =
      '<script runat="server" language="javascript">\nconst a = 1;\n</script>\n<script runat="server" language="ampscript">\nSET @a = Frob(1)\n</script>';
    expect(check(code, 'html', { catalog: TEST_CATALOG }).problems.map((p) => `${p.line} ${p.rule}`)).toEqual([
      '2 no-let-const',
      '5 unknown-function',
    ]);
  });
});
