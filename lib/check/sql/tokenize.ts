/**
 * A small T-SQL tokenizer for the SFMC rules: words, `[bracketed]` and `"quoted"` names, strings, `@variables`,
 * `#temp` names, numbers and punctuation, with comments skipped. It never fails: unclosed strings and brackets are
 * left to the parser's syntax error.
 */

export type SqlTokenType = 'word' | 'name' | 'string' | 'variable' | 'temp' | 'number' | 'punct';

export interface SqlToken {
  type: SqlTokenType;
  /** Upper-cased for words; as written otherwise (names without their brackets or quotes). */
  value: string;
  start: number;
  end: number;
  /** Parenthesis depth at this token (a `(` has the depth outside it). */
  depth: number;
}

const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const VARIABLE = /@@?[A-Za-z0-9_]*/y;
const TEMP = /##?[A-Za-z0-9_]*/y;

export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  let depth = 0;
  const sticky = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(text)?.[0] ?? text[i] ?? '';
  };
  const push = (type: SqlTokenType, value: string, start: number, end: number) =>
    tokens.push({ type, value, start, end, depth });

  while (i < text.length) {
    const c = text[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      const e = text.indexOf('\n', i);
      i = e < 0 ? text.length : e + 1;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
      continue;
    }
    if (c === "'" || ((c === 'N' || c === 'n') && text[i + 1] === "'")) {
      let j = text.indexOf("'", i + (c === "'" ? 1 : 2));
      while (j >= 0 && text[j + 1] === "'") j = text.indexOf("'", j + 2);
      const end = j < 0 ? text.length : j + 1;
      push('string', text.slice(i, end), i, end);
      i = end;
      continue;
    }
    if (c === '[' || c === '"') {
      const close = c === '[' ? ']' : '"';
      const j = text.indexOf(close, i + 1);
      const end = j < 0 ? text.length : j + 1;
      push('name', text.slice(i + 1, j < 0 ? text.length : j), i, end);
      i = end;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const w = sticky(WORD);
      push('word', w.toUpperCase(), i, i + w.length);
      i += w.length;
      continue;
    }
    if (/\d/.test(c)) {
      const n = sticky(NUMBER);
      push('number', n, i, i + n.length);
      i += n.length;
      continue;
    }
    if (c === '@') {
      const v = sticky(VARIABLE);
      push('variable', v, i, i + v.length);
      i += v.length;
      continue;
    }
    if (c === '#') {
      const v = sticky(TEMP);
      push('temp', v, i, i + v.length);
      i += v.length;
      continue;
    }
    if (c === ')') depth = Math.max(0, depth - 1);
    push('punct', c, i, i + 1);
    if (c === '(') depth++;
    i++;
  }
  return tokens;
}
