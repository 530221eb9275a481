/**
 * Which checker a code card's language label means. Models label SSJS as "javascript" and T-SQL as "tsql"; a
 * JavaScript card is checked as SSJS only when it looks like SFMC server code (runat="server", Platform., Core
 * objects), since client-side JavaScript in a CloudPage is ordinary browser code.
 */
import type { CheckLanguage } from './types.ts';

const LABELS: Record<string, CheckLanguage> = {
  ampscript: 'ampscript',
  amp: 'ampscript',
  ssjs: 'ssjs',
  'server-side javascript': 'ssjs',
  sql: 'sql',
  tsql: 'sql',
  't-sql': 'sql',
  mssql: 'sql',
  html: 'html',
  htm: 'html',
};

const SFMC_SERVER_JS =
  /runat\s*=\s*["']?server|\bPlatform\s*\.\s*(Load|Function|Variable|Request|Response)\b|\bScript\.Util\b/;

/** The checker for a card, or undefined when the card is not code we check (plain text, CSS, JSON, client JS …). */
export function checkLanguageFor(label: string, code: string): CheckLanguage | undefined {
  const key = label.trim().toLowerCase();
  const known = LABELS[key];
  if (known) return known;
  if ((key === 'javascript' || key === 'js') && SFMC_SERVER_JS.test(code)) return 'ssjs';
  return undefined;
}
