/**
 * SQL (Query Activity) checker: SFMC's rules over our tokens, and syntax from node-sql-parser's T-SQL grammar
 * (`transactsql`: a real T-SQL grammar that gives the line and column of a syntax error and is maintained).
 * Constructs valid in SFMC that the grammar does not know are blanked out first (keeping positions), so they never
 * produce a false syntax error.
 */
import * as transactsql from 'node-sql-parser/build/transactsql.js';
import type { Catalog } from '../catalog.ts';
import type { Finding } from '../positions.ts';
import { LineIndex } from '../positions.ts';
import { checkSqlRules, STATEMENT_RULES } from './rules.ts';
import { tokenizeSql, type SqlToken } from './tokenize.ts';

interface SqlParser {
  astify(sql: string, opt?: { database?: string }): unknown;
}
type ParserClass = new () => SqlParser;

// The build is CommonJS assigning its exports in a loop: Node's ESM sees only `default`, bundlers see `Parser`.
const mod = transactsql as unknown as { Parser?: ParserClass; default?: { Parser?: ParserClass } };
const ParserCtor = (mod.Parser ?? mod.default?.Parser) as ParserClass;
let parser: SqlParser | undefined;

const blank = (m: string) => m.replace(/[^\n]/g, ' ');

/**
 * Valid T-SQL the grammar rejects, rewritten to something it accepts with the same length (newlines kept), so
 * positions of later errors stay true.
 */
const REWRITES: [RegExp, (m: string) => string][] = [
  [/\bAT\s+TIME\s+ZONE\s+(?:N?'[^']*'|@?\w+)/gi, blank],
  [/\bWITHIN\s+GROUP\s*\([^()]*\)/gi, blank],
  [/\bWITH\s+TIES\b/gi, blank],
  [/\bTRY_CAST(?=\s*\()/gi, () => '    CAST'],
  [/\bINTERSECT\b/gi, () => 'UNION    '],
  [/\bEXCEPT\b/gi, () => 'UNION '],
];

export function blankUnsupported(text: string): string {
  let out = text;
  for (const [re, to] of REWRITES) out = out.replace(re, to);
  return out;
}

interface PegError {
  message?: string;
  location?: { start?: { line: number; column: number; offset: number } };
}

function syntaxMessage(err: PegError, text: string, offset: number): string {
  const found = /but (.+) found\.?$/.exec(err.message ?? '')?.[1];
  if (!found || found === 'end of input' || offset >= text.length) {
    return 'syntax error: the query ends too early (a missing closing parenthesis, quote or bracket?)';
  }
  const word = /^(?:\w+|\S)/.exec(text.slice(offset))?.[0] ?? found;
  return `syntax error near "${word}"`;
}

/**
 * A clause shown on its own (`WHERE …`, `AND …`, `LEFT JOIN … ON …`, `ORDER BY …`) is checked inside the smallest
 * query that makes it complete; the prefix is one line, so columns stay true and lines shift back by one.
 */
function fragmentPrefix(first: SqlToken | undefined): string | undefined {
  if (first?.type !== 'word') return undefined;
  if (first.value === 'AND' || first.value === 'OR') return 'SELECT TOP 1 * FROM fragment_context WHERE 1 = 1\n';
  if (first.value === 'ON') return 'SELECT TOP 1 * FROM fragment_a JOIN fragment_b\n';
  const clauses = ['WHERE', 'JOIN', 'INNER', 'LEFT', 'RIGHT', 'FULL', 'CROSS', 'OUTER', 'GROUP', 'ORDER', 'HAVING'];
  return clauses.includes(first.value) ? 'SELECT TOP 1 * FROM fragment_context\n' : undefined;
}

export function checkSql(text: string, catalog: Catalog): Finding[] {
  if (text.trim() === '') return [{ offset: 0, severity: 'error', rule: 'syntax', message: 'the query is empty' }];
  const prefix = fragmentPrefix(tokenizeSql(text)[0]);
  if (!prefix) return checkQuery(text, catalog);
  return checkQuery(prefix + text, catalog).map((f) => ({ ...f, offset: Math.max(0, f.offset - prefix.length) }));
}

function checkQuery(text: string, catalog: Catalog): Finding[] {
  const tokens = tokenizeSql(text);
  const findings = checkSqlRules(tokens, text, catalog);
  parser ??= new ParserCtor();
  try {
    parser.astify(blankUnsupported(text), { database: 'transactsql' });
  } catch (e) {
    const err = e as PegError;
    const start = err.location?.start;
    const index = new LineIndex(text);
    const offset = start ? index.offset(start.line, start.column) : 0;
    const line = index.at(offset).line;
    // A line that already broke an SFMC rule, or a statement that is not a query at all, needs no second, vaguer
    // message.
    const explained = findings.some(
      (f) => f.severity === 'error' && (STATEMENT_RULES.has(f.rule) || index.at(f.offset).line === line),
    );
    if (!explained)
      findings.push({ offset, severity: 'error', rule: 'syntax', message: syntaxMessage(err, text, offset) });
  }
  return findings;
}
