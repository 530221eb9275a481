/**
 * SFMC Query Activity rules over T-SQL tokens: SELECT only, no variables, no temp tables, no LIMIT, ORDER BY only
 * with TOP, and `_Name` tables must be system data views.
 */
import type { Catalog } from '../catalog.ts';
import type { Finding } from '../positions.ts';
import { didYouMean } from '../suggest.ts';
import type { SqlToken } from './tokenize.ts';

const NOT_SELECT = new Set([
  'UPDATE',
  'DELETE',
  'INSERT',
  'MERGE',
  'EXEC',
  'EXECUTE',
  'TRUNCATE',
  'DROP',
  'CREATE',
  'ALTER',
]);
/** Functions from MySQL, PostgreSQL or Oracle that T-SQL does not have → what to write instead. */
const NOT_TSQL: Record<string, string> = {
  NOW: 'GETDATE()',
  CURDATE: 'CAST(GETDATE() AS DATE)',
  SYSDATE: 'GETDATE()',
  IFNULL: 'ISNULL(a, b)',
  NVL: 'ISNULL(a, b)',
  DATE_ADD: 'DATEADD(unit, n, date)',
  DATE_SUB: 'DATEADD(unit, -n, date)',
  DATE_FORMAT: 'FORMAT(date, pattern) or CONVERT(VARCHAR, date, style)',
  TO_CHAR: 'FORMAT(date, pattern) or CONVERT(VARCHAR, value)',
  TO_DATE: 'CONVERT(DATE, value, style)',
  STR_TO_DATE: 'CONVERT(DATE, value, style)',
  SUBSTR: 'SUBSTRING(text, start, length)',
  LENGTH: 'LEN(text)',
  CHAR_LENGTH: 'LEN(text)',
  GROUP_CONCAT: "STRING_AGG(column, ',')",
  EXTRACT: 'DATEPART(unit, date)',
  DATE_TRUNC: 'DATEADD(unit, DATEDIFF(unit, 0, date), 0)',
  INSTR: 'CHARINDEX(find, text)',
  LOCATE: 'CHARINDEX(find, text)',
};

/** Argument counts of common T-SQL functions [min, max] (null = no maximum); mistakes here fail only at run time. */
const TSQL_ARITY: Record<string, [number, number | null]> = {
  ISNULL: [2, 2],
  NULLIF: [2, 2],
  COALESCE: [2, null],
  CONCAT: [2, null],
  IIF: [3, 3],
  CHOOSE: [2, null],
  DATEADD: [3, 3],
  DATEDIFF: [3, 3],
  DATEPART: [2, 2],
  DATENAME: [2, 2],
  DATEFROMPARTS: [3, 3],
  EOMONTH: [1, 2],
  YEAR: [1, 1],
  MONTH: [1, 1],
  DAY: [1, 1],
  GETDATE: [0, 0],
  GETUTCDATE: [0, 0],
  SYSDATETIME: [0, 0],
  NEWID: [0, 0],
  CONVERT: [2, 3],
  TRY_CONVERT: [2, 3],
  FORMAT: [2, 3],
  LEFT: [2, 2],
  RIGHT: [2, 2],
  SUBSTRING: [3, 3],
  CHARINDEX: [2, 3],
  PATINDEX: [2, 2],
  REPLACE: [3, 3],
  STUFF: [4, 4],
  REPLICATE: [2, 2],
  LEN: [1, 1],
  UPPER: [1, 1],
  LOWER: [1, 1],
  LTRIM: [1, 2],
  RTRIM: [1, 2],
  ROUND: [2, 3],
  STRING_AGG: [2, 2],
  ROW_NUMBER: [0, 0],
  RANK: [0, 0],
  DENSE_RANK: [0, 0],
  LAG: [1, 3],
  LEAD: [1, 3],
};

/** Top-level arguments of the call whose `(` is at `open`, or undefined when it never closes. */
function countArguments(tokens: SqlToken[], open: number): number | undefined {
  const depth = (tokens[open] as SqlToken).depth;
  let commas = 0;
  let empty = true;
  for (let j = open + 1; j < tokens.length; j++) {
    const t = tokens[j] as SqlToken;
    if (t.depth === depth && t.value === ')' && t.type === 'punct') return empty ? 0 : commas + 1;
    empty = false;
    if (t.depth === depth + 1 && t.type === 'punct' && t.value === ',') commas++;
  }
  return undefined;
}

const TRAILING_COMMA_BEFORE = new Set(['FROM', 'WHERE', 'GROUP', 'ORDER', 'HAVING', 'UNION']);
/** Findings that make the whole statement something other than a query: a parser error after them is noise. */
export const STATEMENT_RULES = new Set(['select-only', 'select-into', 'no-variables', 'syntax']);
const CLAUSES = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'GROUP',
  'ORDER',
  'HAVING',
  'JOIN',
  'ON',
  'UNION',
  'EXCEPT',
  'INTERSECT',
]);

export function checkSqlRules(tokens: SqlToken[], text: string, catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  const error = (t: SqlToken, rule: string, message: string) =>
    findings.push({ offset: t.start, severity: 'error', rule, message });
  const seenVariables = new Set<string>();
  /** Last clause keyword per parenthesis depth. */
  const clause: string[] = [];

  /** One select-only finding per statement (MERGE … UPDATE is one mistake). */
  let statementFlagged = false;
  let backtickFlagged = false;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as SqlToken;
    if (t.type === 'punct' && t.value === ';' && t.depth === 0) statementFlagged = false;
    if (t.type === 'punct' && t.value === '`' && !backtickFlagged) {
      backtickFlagged = true;
      error(t, 'not-tsql', 'T-SQL quotes names with [brackets], not backticks: [Field Name]');
    }
    if (t.type === 'punct' && t.value === ',') {
      const after = tokens[i + 1];
      if (after && (after.value === ')' || (after.type === 'word' && TRAILING_COMMA_BEFORE.has(after.value)))) {
        error(t, 'syntax', `remove this comma: nothing follows it before ${after.value}`);
      }
    }
    const prev = tokens[i - 1];
    const qualified = prev?.type === 'punct' && prev.value === '.';
    const aliased = prev?.type === 'word' && prev.value === 'AS';

    if (t.type === 'word' && !qualified && !aliased) {
      const w = t.value;
      if (CLAUSES.has(w)) clause[t.depth] = w;
      if (NOT_SELECT.has(w)) {
        if (statementFlagged) continue;
        statementFlagged = true;
        error(
          t,
          'select-only',
          `a Query Activity runs SELECT only: ${w} is not allowed (the activity's data action — overwrite, update or append — writes the target data extension)`,
        );
      } else if (w === 'INTO' && clause[t.depth] === 'SELECT') {
        error(t, 'select-into', 'SELECT … INTO is not allowed: choose the target data extension in the Query Activity');
      } else if (w === 'DECLARE') {
        error(t, 'no-variables', 'a Query Activity cannot DECLARE variables; put the value in the query itself');
        const v = tokens[i + 1];
        if (v?.type === 'variable') seenVariables.add(v.value.toLowerCase());
      } else if (TSQL_ARITY[w] && tokens[i + 1]?.type === 'punct' && tokens[i + 1]?.value === '(') {
        const [min, max] = TSQL_ARITY[w];
        const n = countArguments(tokens, i + 1);
        if (n !== undefined && (n < min || (max !== null && n > max))) {
          const want = max === min ? `${min}` : max === null ? `at least ${min}` : `${min} to ${max}`;
          error(t, 'argument-count', `${w} takes ${want} argument${want === '1' ? '' : 's'}, got ${n}`);
        }
      } else if (NOT_TSQL[w] && tokens[i + 1]?.value === '(') {
        error(t, 'not-tsql', `${text.slice(t.start, t.end)}() is not a T-SQL function; use ${NOT_TSQL[w]}`);
      } else if (w === 'LIMIT') {
        error(t, 'no-limit', 'T-SQL has no LIMIT: use SELECT TOP n … instead');
      } else if (w === 'ORDER' && tokens[i + 1]?.value === 'BY') {
        const problem = orderByProblem(tokens, i);
        if (problem) error(t, 'order-by-without-top', problem);
      }
    } else if (t.type === 'variable' && !seenVariables.has(t.value.toLowerCase())) {
      seenVariables.add(t.value.toLowerCase());
      error(t, 'no-variables', `a Query Activity cannot use variables (${t.value}); put the value in the query itself`);
    } else if (t.type === 'temp') {
      error(
        t,
        'no-temp-table',
        `temp tables (${t.value}) are not available; use a subquery, a CTE (WITH …) or a staging data extension`,
      );
    }

    const name = t.type === 'word' ? text.slice(t.start, t.end) : '';
    if (name.startsWith('_') && catalog.dataViews.size > 0 && isTablePosition(tokens, i, clause)) {
      if (!catalog.dataViews.has(name.toLowerCase())) {
        const guess = didYouMean(name, catalog.dataViews.values());
        error(
          t,
          'unknown-data-view',
          `${name} is not a system data view${guess ? `; did you mean \`${guess}\`?` : ''} (names starting with _ are reserved for data views)`,
        );
      }
    }
  }
  return findings;
}

/** FROM x / JOIN x / FROM a, x / ENT.x in those places. */
function isTablePosition(tokens: SqlToken[], i: number, clause: string[]): boolean {
  let k = i - 1;
  const dot = tokens[k];
  if (dot?.type === 'punct' && dot.value === '.') {
    if (tokens[k - 1]?.value !== 'ENT') return false;
    k -= 2;
  }
  const before = tokens[k];
  if (!before) return false;
  if (before.type === 'word' && (before.value === 'FROM' || before.value === 'JOIN')) return true;
  const t = tokens[i] as SqlToken;
  return before.type === 'punct' && before.value === ',' && clause[t.depth] === 'FROM';
}

/** Why this ORDER BY is not allowed, or undefined when it is (in OVER/WITHIN GROUP, with TOP, OFFSET or FOR). */
function orderByProblem(tokens: SqlToken[], i: number): string | undefined {
  const depth = (tokens[i] as SqlToken).depth;
  let k = i - 1;
  while (k >= 0 && (tokens[k] as SqlToken).depth >= depth) {
    const t = tokens[k] as SqlToken;
    if (t.depth === depth && t.type === 'word' && t.value === 'SELECT') {
      let n = k + 1;
      while (tokens[n]?.value === 'DISTINCT' || tokens[n]?.value === 'ALL') n++;
      if (tokens[n]?.value === 'TOP') return undefined;
      break;
    }
    if (t.depth === depth && t.type === 'punct' && t.value === ';') break;
    k--;
  }
  if (k >= 0 && (tokens[k] as SqlToken).depth < depth) {
    // k is the `(` around this ORDER BY: a window or an aggregate's ordering, not a query's.
    const head = tokens[k - 1];
    if (head?.value === 'OVER' || head?.value === 'GROUP') return undefined;
  }
  for (let j = i + 2; j < tokens.length; j++) {
    const t = tokens[j] as SqlToken;
    if (t.depth < depth || (t.type === 'punct' && t.value === ';')) break;
    if (t.depth === depth && t.type === 'word' && (t.value === 'OFFSET' || t.value === 'FOR')) return undefined;
  }
  return 'ORDER BY needs TOP in a Query Activity: SELECT TOP n … ORDER BY … (the target data extension keeps no order)';
}
