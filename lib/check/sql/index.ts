/**
 * SQL (Query Activity) checker: SFMC's rules over our tokens (`rules.ts`), and syntax from our T-SQL query grammar
 * (`grammar.ts`), both over one tokenization.
 */
import type { Catalog } from '../catalog.ts';
import type { Finding } from '../positions.ts';
import { LineIndex } from '../positions.ts';
import { findSyntaxError } from './grammar.ts';
import { checkSqlRules, STATEMENT_RULES } from './rules.ts';
import { tokenizeSql, type SqlToken } from './tokenize.ts';

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
  const syntax = findSyntaxError(text, tokens);
  if (!syntax) return findings;
  const index = new LineIndex(text);
  const line = index.at(syntax.offset).line;
  // A line that already broke an SFMC rule, or a statement that is not a query at all, needs no second, vaguer
  // message.
  const explained = findings.some(
    (f) => f.severity === 'error' && (STATEMENT_RULES.has(f.rule) || index.at(f.offset).line === line),
  );
  if (!explained) findings.push({ offset: syntax.offset, severity: 'error', rule: 'syntax', message: syntax.message });
  return findings;
}
