/**
 * The T-SQL query grammar: constructs SFMC queries use parse, mistakes stop at the right word, and on mutated real
 * queries it agrees with node-sql-parser's generated `transactsql` grammar (a dev dependency kept as the oracle):
 * whatever that grammar rejects, ours rejects too, and ours is stricter only where T-SQL itself is.
 */
import * as transactsql from 'node-sql-parser/build/transactsql.js';
import { describe, expect, it } from 'vitest';
import { ALL_ENTRIES } from '../../reference/pack/index.ts';
import { SQL_VALID } from '../corpus/sql.ts';
import { findSyntaxError } from './grammar.ts';
import { tokenizeSql } from './tokenize.ts';

const syntax = (q: string) => findSyntaxError(q, tokenizeSql(q));
/** `near "word"` or `end` for an error, undefined when it parses. */
const stop = (q: string) => {
  const e = syntax(q);
  if (!e) return undefined;
  return e.offset >= q.length ? 'end' : (/near "(.+)"$/.exec(e.message)?.[1] ?? `${e.offset}: ${e.message}`);
};

describe('T-SQL grammar: valid queries parse', () => {
  it.each([
    'SELECT TOP 10 PERCENT a FROM [My DE] WITH (NOLOCK) ORDER BY a',
    'SELECT a FROM t (NOLOCK)',
    "SELECT CONVERT(VARCHAR(10), d, 101), DATEADD(day, -30, GETDATE()), ISNULL(a, ''), IIF(a = 1, 'y', 'n'), N'x' FROM t",
    'SELECT a, q.z FROM t CROSS APPLY (SELECT 1 AS z) q',
    "SELECT STRING_AGG(a, ',') WITHIN GROUP (ORDER BY a) FROM t",
    "SELECT d AT TIME ZONE 'UTC' AT TIME ZONE 'Central Standard Time' AS local FROM t",
    'SELECT TRY_CAST(a AS INT), TRY_CONVERT(DECIMAL(10, 2), b), CAST(c AS NVARCHAR(MAX)) FROM t',
    "SELECT PARSE(a AS DATE USING 'de-DE'), TRY_PARSE(b AS INT) FROM t",
    'SELECT a FROM t INTERSECT SELECT a FROM u EXCEPT SELECT a FROM v UNION ALL SELECT a FROM w',
    'SELECT TOP 5 WITH TIES a FROM t ORDER BY a',
    'SELECT TOP (5) a FROM t ORDER BY a DESC, b ASC',
    'SELECT a FROM t ORDER BY a OFFSET 10 ROWS FETCH NEXT 5 ROWS ONLY',
    'WITH c (a, rn) AS (SELECT a, ROW_NUMBER() OVER (PARTITION BY a ORDER BY b DESC) FROM t), d AS (SELECT 1 AS x) SELECT a FROM c WHERE rn = 1',
    'SELECT s.SubscriberKey FROM _Sent s LEFT OUTER JOIN _Open o ON o.JobID = s.JobID WHERE o.SubscriberKey IS NULL',
    "SELECT a FROM t WHERE a NOT LIKE '%x%' ESCAPE '!' AND b NOT BETWEEN 1 AND 2 AND c NOT IN (SELECT c FROM u) AND NOT EXISTS (SELECT 1 FROM v)",
    "SELECT FORMAT(d, 'yyyy-MM-dd'), LEN(a), CHARINDEX('@', e), a COLLATE Latin1_General_CI_AS AS a2 FROM t",
    'SELECT a FROM ENT.[Shared DE] t',
    'SELECT a, COUNT(*) AS n, COUNT(DISTINCT b) FROM t GROUP BY a HAVING COUNT(*) > 1',
    "SELECT CASE WHEN a = 1 THEN 'x' WHEN a = 2 THEN 'y' ELSE 'z' END AS k, CASE b WHEN 1 THEN 'one' END FROM t",
    'SELECT k, [A], [B] FROM (SELECT k, c, v FROM t) s PIVOT (MAX(v) FOR c IN ([A], [B])) p',
    'SELECT k, c, v FROM w UNPIVOT (v FOR c IN (a, b)) u',
    'SELECT Total = a + b * -c / 2 % 3, a & 1, ~b FROM t',
    'SELECT a FROM t WHERE a <> 1 AND b != 2 AND c >= 3 AND d <= 4 AND e !< 5',
    'SELECT a FROM t WHERE a > ALL (SELECT b FROM u) OR a = ANY (SELECT c FROM v)',
    'SELECT a FROM t FULL JOIN u ON u.k = t.k RIGHT JOIN v ON v.k = u.k INNER JOIN w ON w.k = v.k CROSS JOIN x',
    'SELECT a FROM (t JOIN u ON u.k = t.k)',
    "SELECT value FROM STRING_SPLIT('a,b', ',')",
    'SELECT v.a FROM (VALUES (1, 2), (3, 4)) AS v (a, b)',
    'SELECT SUM(a) OVER (PARTITION BY b ORDER BY c ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM t',
    'SELECT LAG(a, 1) OVER (ORDER BY c ROWS 2 PRECEDING) FROM t',
    "SELECT 0x1F, .5, 1.5e3, 'it''s', CURRENT_TIMESTAMP FROM t",
    'SELECT a FROM t GROUP BY GROUPING SETS ((a), ())',
    'SELECT a FROM t GROUP BY a WITH ROLLUP',
    'SELECT t.* FROM t; SELECT 1 AS one',
    'SELECT a FROM t SELECT b FROM u',
    '(SELECT a FROM t) UNION (SELECT a FROM u) ORDER BY a OPTION (MAXDOP 1)',
    'SELECT a AS "quoted name", b \'string alias\' FROM t',
    '-- only a comment before\nSELECT a /* and inside */ FROM t',
  ])('%s', (q) => {
    expect(syntax(q)).toBeUndefined();
  });
});

describe('T-SQL grammar: mistakes stop at the right word', () => {
  it.each([
    ['SELECT a b c FROM x', 'c'],
    ['SELECT a,\n FROM x', 'FROM'],
    ['SELECT a FROM x WHERE (a = 1', 'end'],
    ['SELECT a FROM x\nWHERE a = 1\n  AND b =', 'end'],
    ['SELEC a FROM t', 'SELEC'],
    ['SELECT a FROM t WHERE a = 1 AND AND b = 2', 'AND'],
    ['SELECT (a FROM t', 'FROM'],
    ['SELECT a FROM t)', ')'],
    ['SELECT a FROM t JOIN u WHERE a = 1', 'WHERE'],
    ['SELECT a FROM (SELECT a FROM t) WHERE a = 1', 'WHERE'],
    ['SELECT TOP a FROM t ORDER BY a', 'a'],
    ['SELECT a FROM t WHERE d >= (DAY, -30, GETDATE())', ','],
    ['SELECT CAST(a INT) FROM t', 'INT'],
    ["SELECT CAST(a AS INT USING 'de-DE') FROM t", 'USING'],
    ['SELECT CASE WHEN a = 1 THEN 2 FROM t', 'FROM'],
    ['SELECT CASE a END FROM t', 'END'],
    ['SELECT t.from FROM t', 'from'],
    ['SELECT a FROM t WHERE a IS 1', '1'],
    ['SELECT a FROM t WHERE a BETWEEN 1 OR 2', 'OR'],
    ['SELECT a FROM t ORDER BY a OFFSET 5', 'end'],
    ['SELECT a FROM t WHERE a IN IN (1)', 'IN'],
    ['WITH WITH c AS (SELECT 1 AS a) SELECT a FROM c', 'WITH'],
    ['SELECT a FROM t GROUP a', 'a'],
    ['SELECT COUNT(a FROM t', 'FROM'],
  ])('%s → near %s', (q, near) => {
    expect(stop(q)).toBe(near);
  });

  it('an unclosed quote or name is reported where it opens', () => {
    const q = "SELECT a FROM t WHERE b = 'x";
    expect(syntax(q)).toEqual({
      offset: q.indexOf("'"),
      message: 'syntax error: the query ends too early — the quote opened here is never closed',
    });
    expect(syntax('SELECT [First Name FROM t')?.offset).toBe(7);
    expect(syntax("SELECT 'it''s")?.offset).toBe(7);
    expect(syntax("SELECT 'it''s'")).toBeUndefined();
  });

  it('a text with nothing but comments is an empty query', () => {
    expect(syntax('-- nothing here\n/* still nothing */')).toEqual({ offset: 0, message: 'the query is empty' });
  });
});

describe('T-SQL grammar against node-sql-parser (transactsql) on mutated real queries', () => {
  interface PegParser {
    astify(sql: string, opt: { database: string }): unknown;
  }
  const mod = transactsql as unknown as { Parser?: new () => PegParser; default?: { Parser?: new () => PegParser } };
  const oracle = new (mod.Parser ?? mod.default?.Parser)!();
  // T-SQL the generated grammar does not know, made into what it does (same length): both sides see valid SQL.
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  const KNOWN_GAPS: [RegExp, (m: string) => string][] = [
    [/\bAT\s+TIME\s+ZONE\s+N?'[^']*'/gi, blank],
    [/\bWITHIN\s+GROUP\s*\([^()]*\)/gi, blank],
    [/\bWITH\s+TIES\b/gi, blank],
    [/\bTRY_CAST(?=\s*\()/gi, () => '    CAST'],
    [/\bINTERSECT\b/gi, () => 'UNION    '],
    [/\bEXCEPT\b/gi, () => 'UNION '],
  ];
  const oracleAccepts = (q: string) => {
    const text = KNOWN_GAPS.reduce((t, [re, to]) => t.replace(re, to), q);
    try {
      oracle.astify(text, { database: 'transactsql' });
      return true;
    } catch {
      return false;
    }
  };

  const queries = [
    ...SQL_VALID.map((s) => s.code),
    ...ALL_ENTRIES.filter((e) => e.kind.startsWith('sql') || e.kind === 'data-view').map((e) => e.example ?? ''),
  ].filter((q) => /^\s*(SELECT|WITH)\b/i.test(q));

  /** Every query with one token deleted, and with one token doubled. */
  const mutants = queries.flatMap((q) =>
    tokenizeSql(q).flatMap((t) => [q.slice(0, t.start) + q.slice(t.end), q.slice(0, t.end) + ' ' + q.slice(t.start)]),
  );

  it('both accept every real query', () => {
    expect(queries.length).toBeGreaterThan(40);
    expect(queries.filter((q) => syntax(q) || !oracleAccepts(q))).toEqual([]);
  });

  it('whatever the generated grammar rejects, ours rejects; ours is stricter on a few only', () => {
    expect(mutants.length).toBeGreaterThan(1500);
    const missed = mutants.filter((m) => !syntax(m) && !oracleAccepts(m));
    expect(missed).toEqual([]);
    // Reviewed: the extra rejections are invalid T-SQL the generated grammar lets through — a tuple `(DAY, -30, x)`
    // left by a deleted function name, `TOP` without a number, a derived table without its alias, `IN IN`,
    // `WITH WITH`, `PARTITION BY a a`, `x.` followed by FROM.
    const stricter = mutants.filter((m) => syntax(m) && oracleAccepts(m));
    console.log(`grammar vs transactsql: ${mutants.length} mutants, ${stricter.length} rejected by ours only`);
    expect(stricter.length / mutants.length).toBeLessThan(0.03);
  });
});
