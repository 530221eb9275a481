/**
 * The `sfmc:check` command line, as pure functions: arguments → what to check, and a check → the one JSON line and
 * exit code. `scripts/sfmc-check.ts` only does the I/O.
 */
import type { CheckLanguage, CheckResult, ContentType } from './types.ts';
import { CHECK_LANGUAGES } from './types.ts';

export const USAGE =
  'usage: npm run -s sfmc:check -- <file> [--language ampscript|ssjs|sql|html] [--content-type email|cloudpage|sms|landing-page]\n' +
  '       the language comes from the extension (.ampscript/.amp, .ssjs, .sql, .html/.htm) unless --language is given; <file> "-" reads stdin';

const CONTENT_TYPES: readonly ContentType[] = ['email', 'cloudpage', 'sms', 'landing-page'];

const EXTENSIONS: Record<string, CheckLanguage> = {
  ampscript: 'ampscript',
  amp: 'ampscript',
  ssjs: 'ssjs',
  sql: 'sql',
  html: 'html',
  htm: 'html',
};

export function languageFromPath(path: string): CheckLanguage | undefined {
  const ext = /\.([A-Za-z]+)$/.exec(path)?.[1]?.toLowerCase();
  return ext ? EXTENSIONS[ext] : undefined;
}

export type CliArgs =
  { ok: true; file: string; language: CheckLanguage; contentType?: ContentType } | { ok: false; error: string };

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let file: string | undefined;
  let language: string | undefined;
  let contentType: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const [flag, inline] = a.startsWith('--') ? (a.split('=', 2) as [string, string | undefined]) : [a, undefined];
    if (flag === '--help' || flag === '-h') return { ok: false, error: '' };
    if (flag === '--language' || flag === '--content-type') {
      const value = inline ?? argv[++i];
      if (!value) return { ok: false, error: `${flag} needs a value` };
      if (flag === '--language') language = value.toLowerCase();
      else contentType = value.toLowerCase();
      continue;
    }
    if (a.startsWith('--')) return { ok: false, error: `unknown option ${a}` };
    if (file !== undefined) return { ok: false, error: 'give one file' };
    file = a;
  }
  if (file === undefined) return { ok: false, error: 'no file given' };
  if (language !== undefined && !(CHECK_LANGUAGES as readonly string[]).includes(language)) {
    return { ok: false, error: `unknown language ${language}` };
  }
  const lang = (language as CheckLanguage | undefined) ?? languageFromPath(file);
  if (!lang) return { ok: false, error: `cannot tell the language of ${file}: use --language` };
  if (contentType !== undefined && !(CONTENT_TYPES as readonly string[]).includes(contentType)) {
    return { ok: false, error: `unknown content type ${contentType}` };
  }
  return { ok: true, file, language: lang, ...(contentType ? { contentType: contentType as ContentType } : {}) };
}

/** The one output line (without newline) and the exit code: 0 without errors, 1 with errors. */
export function report(language: CheckLanguage, result: CheckResult): { line: string; code: 0 | 1 } {
  const problems = result.problems.map(({ line, column, severity, rule, message }) => ({
    line,
    column,
    severity,
    rule,
    message,
  }));
  return { line: JSON.stringify({ language, ok: result.ok, problems }), code: result.ok ? 0 : 1 };
}
