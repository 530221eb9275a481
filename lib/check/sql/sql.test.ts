/**
 * SQL (Query Activity) rules and syntax errors against a small fixed catalogue.
 */
import { describe, expect, it } from 'vitest';
import { check } from '../index.ts';
import { TEST_CATALOG } from '../testing.ts';

const sql = (code: string) => check(code, 'sql', { catalog: TEST_CATALOG });
const rules = (code: string) => sql(code).problems.map((p) => `${p.line}:${p.column} ${p.rule}`);

describe('SQL: valid queries', () => {
  it.each([
    'SELECT TOP 10 s.SubscriberKey FROM _Subscribers s ORDER BY s.DateJoined DESC',
    'SELECT SubscriberKey, ROW_NUMBER() OVER (PARTITION BY SubscriberKey ORDER BY EventDate DESC) AS rn FROM _Open',
    "SELECT STRING_AGG(Email, ',') WITHIN GROUP (ORDER BY Email) AS e FROM Members",
    'SELECT x FROM t ORDER BY x OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY',
    "SELECT [First Name] FROM [My DE] WHERE [Status] = 'it''s'",
    'SELECT s.JobID FROM ENT._Sent s, _Open o WHERE o.JobID = s.JobID',
    "SELECT EventDate AT TIME ZONE 'UTC' AS d FROM _Click",
    'SELECT a._CustomObjectKey FROM Members a',
    "-- UPDATE in a comment\nSELECT a FROM t /* DELETE */ WHERE b = 'INSERT'",
    'SELECT TRY_CAST(a AS INT) AS a, IIF(b > 1, 1, 0) AS b FROM t',
    'SELECT TOP 1 WITH TIES a FROM t ORDER BY a',
    'SELECT a FROM t INTERSECT SELECT a FROM u EXCEPT SELECT a FROM v',
    'SELECT p.[1] AS one FROM (SELECT k, v FROM t) s PIVOT (MAX(v) FOR k IN ([1], [2])) p',
    'SELECT a.x, b.y FROM t a OUTER APPLY (SELECT TOP 1 y FROM u WHERE u.k = a.k ORDER BY u.d DESC) b',
  ])('%s', (q) => {
    expect(sql(q)).toEqual({ ok: true, problems: [] });
  });
});

describe('SQL: SFMC rules', () => {
  it('select-only, once per statement', () => {
    expect(rules('UPDATE t SET a = 1')).toEqual(['1:1 select-only']);
    expect(rules('MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET t.b = s.b;')).toEqual([
      '1:1 select-only',
    ]);
    expect(rules('EXECUTE dbo.p')).toEqual(['1:1 select-only']);
    expect(rules('SELECT a FROM t;\nDELETE FROM t')).toEqual(['2:1 select-only']);
  });
  it('select-into and temp tables', () => {
    expect(rules('SELECT a INTO b FROM t')).toEqual(['1:10 select-into']);
    expect(rules('SELECT a FROM ##g')).toEqual(['1:15 no-temp-table']);
  });
  it('variables: DECLARE once, each variable once', () => {
    expect(rules('DECLARE @d INT\nSELECT a FROM t WHERE b > @d AND c < @e AND d = @e')).toEqual([
      '1:1 no-variables',
      '2:38 no-variables',
    ]);
  });
  it('no-limit', () => {
    expect(sql('SELECT a FROM t\nLIMIT 5').problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 1,
        rule: 'no-limit',
        message: 'T-SQL has no LIMIT: use SELECT TOP n … instead',
      }),
    ]);
  });
  it('order-by-without-top: outer query and subquery, not windows', () => {
    expect(rules('SELECT a FROM t ORDER BY a')).toEqual(['1:17 order-by-without-top']);
    expect(rules('SELECT TOP 5 a FROM (SELECT a FROM t ORDER BY a) x ORDER BY a')).toEqual([
      '1:38 order-by-without-top',
    ]);
    expect(rules('SELECT DISTINCT TOP 5 a FROM t ORDER BY a')).toEqual([]);
  });
  it('unknown-data-view with a suggestion; only in table positions', () => {
    const r = sql('SELECT o.SubscriberKey\nFROM _Opens o');
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 2,
        column: 6,
        rule: 'unknown-data-view',
        message:
          '_Opens is not a system data view; did you mean `_Open`? (names starting with _ are reserved for data views)',
      }),
    ]);
    expect(rules('SELECT s.a FROM _Sent s JOIN _Clik c ON c.a = s.a')).toEqual(['1:30 unknown-data-view']);
    expect(rules('SELECT a FROM _sent')).toEqual([]);
  });
  it('not-tsql: MySQL/PostgreSQL/Oracle functions and backticks, with the T-SQL way', () => {
    const r = sql(
      "SELECT NOW() AS n, IFNULL(a, 0) AS b, `c`, LEN(d) AS l, RAND() AS r\nFROM t WHERE SUBSTR(e, 1, 2) = 'x'",
    );
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '1:8 not-tsql',
      '1:20 not-tsql',
      '1:39 not-tsql',
      '2:14 not-tsql',
    ]);
    expect(r.problems[0]?.message).toBe('NOW() is not a T-SQL function; use GETDATE()');
    expect(rules('SELECT t.Length, Now FROM t')).toEqual([]);
  });
  it('argument-count for common T-SQL functions, nested calls counted at their own level', () => {
    const r = sql(
      'SELECT ISNULL(a) AS a,\n  DATEADD(GETDATE(), -7) AS d,\n  CONCAT(LEFT(b, 1), RIGHT(c, 2)) AS e,\n  COALESCE(x) AS f\nFROM t',
    );
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '1:8 argument-count',
      '2:3 argument-count',
      '4:3 argument-count',
    ]);
    expect(r.problems[1]?.message).toBe('DATEADD takes 3 arguments, got 2');
    expect(r.problems[2]?.message).toBe('COALESCE takes at least 2 arguments, got 1');
    expect(
      sql(
        'SELECT DATEDIFF(DAY, a, GETDATE()) AS d, CONVERT(VARCHAR(10), b, 120) AS c, ROW_NUMBER() OVER (ORDER BY a) AS n FROM t',
      ).ok,
    ).toBe(true);
  });
  it('a comma with nothing after it', () => {
    expect(rules('SELECT a,\n  b,\nFROM t')).toEqual(['2:4 syntax']);
  });
});

describe('SQL: syntax errors from the T-SQL grammar', () => {
  it('line and column, with the word there', () => {
    const r = sql('SELECT a\nFROM t\nWHERE a = = 1');
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 3, column: 11, rule: 'syntax', message: 'syntax error near "="' }),
    ]);
  });
  it('unclosed quote or parenthesis', () => {
    expect(sql("SELECT a FROM t WHERE b = 'x").problems[0]?.message).toContain('ends too early');
    expect(rules('SELECT COUNT(a FROM t')[0]).toMatch(/syntax$/);
  });
  it('a clause on its own is checked as part of a query, at its own positions', () => {
    expect(sql('WHERE o.EventDate >= DATEADD(DAY, -30, GETDATE())')).toEqual({ ok: true, problems: [] });
    expect(sql("AND s.Status = 'active'\nORDER BY s.EmailAddress")).toEqual({ ok: true, problems: [] });
    expect(sql('LEFT JOIN _Bounce b ON b.SubscriberKey = s.SubscriberKey')).toEqual({ ok: true, problems: [] });
    expect(rules('WHERE a = 1\n  AND b = = 2')).toEqual(['2:11 syntax']);
    expect(rules('JOIN _Bounces b ON b.k = s.k')).toEqual(['1:6 unknown-data-view']);
  });
  it('empty query', () => {
    expect(rules('  \n ')).toEqual(['1:1 syntax']);
  });
  it('only the first syntax error, at the word where the query stops making sense', () => {
    expect(rules('SELECT a b c FROM t\nWHERE = 1')).toEqual(['1:12 syntax']);
  });
});
