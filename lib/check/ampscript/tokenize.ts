/**
 * AMPscript tokenizer for one region's text. Strings use either quote and double it to escape; `/* … *\/` comments
 * are skipped; `[Attribute Name]` is one token. Offsets are document offsets (`base` + index in the region).
 */
import type { Finding } from '../positions.ts';

export type TokenType = 'string' | 'number' | 'variable' | 'name' | 'attribute' | 'op' | '(' | ')' | ',';

export interface Token {
  type: TokenType;
  /** Source text (strings without quotes; names as written). */
  value: string;
  start: number;
  end: number;
}

const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const VARIABLE = /@[A-Za-z0-9_]*/y;
const NUMBER = /-?\d+(?:\.\d+)?/y;
const OPERATORS = ['==', '!=', '<>', '<=', '>=', '&&', '||', '=', '<', '>', '+', '-', '*', '/', '&', '!'];

export function tokenize(text: string, base: number, findings: Finding[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (type: TokenType, value: string, start: number, end: number) =>
    tokens.push({ type, value, start: base + start, end: base + end });
  const match = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(text);
    return m ? m[0] : undefined;
  };

  while (i < text.length) {
    const c = text[i] ?? '';
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v' || c === '\u00a0') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) {
        findings.push({
          offset: base + i,
          severity: 'error',
          rule: 'unclosed-comment',
          message: '/* comment is never closed with */',
        });
        break;
      }
      i = e + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        const k = text.indexOf(c, j);
        if (k < 0) {
          j = -1;
          break;
        }
        value += text.slice(j, k);
        if (text[k + 1] === c) {
          value += c; // doubled quote = escaped quote
          j = k + 2;
          continue;
        }
        j = k + 1;
        break;
      }
      if (j < 0) {
        findings.push({
          offset: base + i,
          severity: 'error',
          rule: 'unclosed-string',
          message: `this string is never closed: add the closing ${c}`,
        });
        break;
      }
      push('string', value, i, j);
      i = j;
      continue;
    }
    if (c === '[') {
      const e = text.indexOf(']', i + 1);
      if (e < 0) {
        findings.push({ offset: base + i, severity: 'error', rule: 'syntax', message: '[ has no closing ]' });
        break;
      }
      push('attribute', text.slice(i + 1, e), i, e + 1);
      i = e + 1;
      continue;
    }
    if (c === '@') {
      const v = match(VARIABLE) ?? '@';
      push('variable', v, i, i + v.length);
      i += v.length;
      continue;
    }
    const prev = tokens[tokens.length - 1];
    const valueBefore = prev && prev.type !== 'op' && prev.type !== '(' && prev.type !== ',';
    if ((c >= '0' && c <= '9') || (c === '-' && !valueBefore && /\d/.test(text[i + 1] ?? ''))) {
      const n = match(NUMBER) ?? c;
      push('number', n, i, i + n.length);
      i += n.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const n = match(NAME) ?? c;
      push('name', n, i, i + n.length);
      i += n.length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      push(c, c, i, i + 1);
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      push('op', op, i, i + op.length);
      i += op.length;
      continue;
    }
    findings.push({
      offset: base + i,
      severity: 'error',
      rule: 'syntax',
      message: `unexpected character ${JSON.stringify(c)}`,
    });
    i++;
  }
  return tokens;
}
