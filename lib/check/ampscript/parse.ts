/**
 * AMPscript parser and rules over the tokens of each region, in document order. IF/FOR may open in one `%%[ ]%%`
 * block and close in a later one, so the open-statement stack and the set of assigned variables live in `AmpState`
 * across regions. Syntax errors end the statement they occur in; parsing resumes at the next statement keyword.
 */
import type { Finding } from '../positions.ts';
import { didYouMean } from '../suggest.ts';
import { checkCall, OUTPUT_PARAMS } from './calls.ts';
import { reportUnclosed, type AmpOptions, type AmpState, type OpenStatement } from './state.ts';
import type { Token } from './tokenize.ts';

const STATEMENT_KEYWORDS = new Set(['VAR', 'SET', 'IF', 'ELSEIF', 'ELSE', 'ENDIF', 'FOR', 'NEXT']);
const RESERVED = new Set([...STATEMENT_KEYWORDS, 'THEN', 'DO', 'TO', 'DOWNTO', 'AND', 'OR', 'NOT']);
const COMPARISON = new Set(['==', '!=', '<>', '<', '>', '<=', '>=']);
const UNSUPPORTED_OPERATOR: Record<string, string> = {
  '+': 'AMPscript has no + operator; use Concat() to join text or Add() for numbers',
  '-': 'AMPscript has no - operator; use Subtract()',
  '*': 'AMPscript has no * operator; use Multiply()',
  '/': 'AMPscript has no / operator; use Divide()',
  '&': 'AMPscript has no & operator; use Concat() to join text',
  '&&': 'AMPscript has no && operator; use AND',
  '||': 'AMPscript has no || operator; use OR',
  '!': 'AMPscript has no ! operator; use NOT',
};

class StatementError extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
  }
}

const upper = (t: Token | undefined) => (t && t.type === 'name' ? t.value.toUpperCase() : '');

function describe(t: Token | undefined): string {
  if (!t) return 'the end of the block';
  if (t.type === 'string') return 'a string';
  return JSON.stringify(t.value);
}

export class RegionParser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly state: AmpState,
    private readonly options: AmpOptions,
    /** Document offset of the region's end, for "expected … at the end" findings. */
    private readonly end: number,
  ) {}

  private peek(k = 0) {
    return this.tokens[this.pos + k];
  }

  private next() {
    return this.tokens[this.pos++];
  }

  private fail(offset: number, rule: string, message: string): never {
    throw new StatementError({ offset, severity: 'error', rule, message });
  }

  private report(offset: number, rule: string, message: string, severity: 'error' | 'warning' = 'error') {
    this.state.findings.push({ offset, severity, rule, message });
  }

  private at(t: Token | undefined) {
    return t ? t.start : this.end;
  }

  /** Statements until the region ends. */
  statements() {
    while (this.pos < this.tokens.length) {
      const start = this.pos;
      try {
        this.statement();
      } catch (e) {
        if (!(e instanceof StatementError)) throw e;
        this.state.findings.push(e.finding);
        if (this.pos === start) this.pos++;
        while (this.pos < this.tokens.length && !STATEMENT_KEYWORDS.has(upper(this.peek()))) this.pos++;
      }
    }
  }

  /** `%%= … =%%`: one expression. */
  inline(open: number) {
    try {
      if (this.tokens.length === 0)
        this.fail(open, 'syntax', '%%= =%% is empty: put one expression inside, e.g. %%=v(@name)=%%');
      if (STATEMENT_KEYWORDS.has(upper(this.peek()))) {
        this.fail(
          this.at(this.peek()),
          'syntax',
          `${this.peek()?.value} is a statement: use a %%[ … ]%% block, not %%= … =%%`,
        );
      }
      this.expression(false);
      if (this.pos < this.tokens.length) {
        this.fail(
          this.at(this.peek()),
          'syntax',
          `unexpected ${describe(this.peek())}: %%= … =%% holds one expression`,
        );
      }
    } catch (e) {
      if (!(e instanceof StatementError)) throw e;
      this.state.findings.push(e.finding);
    }
  }

  private statement() {
    const t = this.peek();
    if (!t) return;
    if (t.type === 'variable') {
      if (this.peek(1)?.type === 'op' && this.peek(1)?.value === '=') {
        this.state.assigned.add(t.value.toLowerCase());
        this.fail(t.start, 'missing-set', `assignments start with SET: SET ${t.value} = …`);
      }
      this.fail(
        t.start,
        'syntax',
        `unexpected ${t.value}: a statement starts with SET, VAR, IF, FOR or a function call`,
      );
    }
    if (t.type === ')') this.fail(t.start, 'unbalanced-parentheses', 'this ) has no matching (');
    if (t.type !== 'name')
      this.fail(
        t.start,
        'syntax',
        `unexpected ${describe(t)}: a statement starts with SET, VAR, IF, FOR or a function call`,
      );

    const k = t.value.toUpperCase();
    switch (k) {
      case 'VAR':
        this.next();
        this.varList();
        return;
      case 'SET':
        this.next();
        this.set();
        return;
      case 'IF':
        this.next();
        this.ifHead(t);
        return;
      case 'ELSEIF': {
        this.next();
        const open = this.innermostIf();
        if (!open) this.report(t.start, 'else-outside-if', 'ELSEIF outside an IF … ENDIF');
        this.condition(t);
        return;
      }
      case 'ELSE': {
        this.next();
        const open = this.innermostIf();
        if (!open) this.report(t.start, 'else-outside-if', 'ELSE outside an IF … ENDIF');
        else open.seenElse = true;
        if (upper(this.peek()) === 'IF') {
          const ifTok = this.next() as Token;
          if (open) open.elseIf ??= t.start;
          this.ifHead(ifTok, t.start);
        }
        return;
      }
      case 'ENDIF':
        this.next();
        this.close('IF', t);
        return;
      case 'FOR':
        this.next();
        this.forHead(t);
        return;
      case 'NEXT': {
        this.next();
        const v = this.peek();
        if (v?.type === 'variable') {
          this.next();
          const open = [...this.state.stack].reverse().find((o) => o.kind === 'FOR');
          if (open?.counter && open.counter !== v.value.toLowerCase()) {
            this.report(
              v.start,
              'next-variable',
              `NEXT ${v.value} closes the FOR that counts with ${open.counter}`,
              'warning',
            );
          }
        } else if (v?.type === 'name' && !RESERVED.has(upper(v)) && this.peek(1)?.type !== '(') {
          this.next();
          this.report(v.start, 'variable-without-at', `variable names start with @: NEXT @${v.value}`);
        }
        this.close('FOR', t);
        return;
      }
      case 'END':
        if (upper(this.peek(1)) === 'IF') {
          this.next();
          this.next();
          this.report(t.start, 'syntax', 'write ENDIF as one word');
          this.close('IF', t);
          return;
        }
        break;
      default:
        break;
    }
    if (RESERVED.has(k)) this.fail(t.start, 'syntax', `unexpected ${t.value} here`);
    if (this.peek(1)?.type === '(') {
      this.next();
      this.call(t);
      return;
    }
    const keyword = didYouMean(t.value, STATEMENT_KEYWORDS);
    this.fail(
      t.start,
      'syntax',
      keyword
        ? `${t.value} is not an AMPscript keyword; did you mean ${keyword}?`
        : `unexpected ${t.value}: a statement starts with SET, VAR, IF, FOR or a function call`,
    );
  }

  private varList() {
    for (;;) {
      const v = this.next();
      if (v?.type === 'variable' && v.value.length > 1) this.state.assigned.add(v.value.toLowerCase());
      else if (v?.type === 'name' && !RESERVED.has(upper(v))) {
        this.state.assigned.add(`@${v.value.toLowerCase()}`);
        this.report(v.start, 'variable-without-at', `variable names start with @: VAR @${v.value}`);
      } else this.fail(this.at(v), 'syntax', 'VAR needs variable names, e.g. VAR @name, @email');
      if (this.peek()?.type !== ',') return;
      this.next();
    }
  }

  private set() {
    const v = this.next();
    if (v?.type === 'variable' && v.value.length > 1) this.state.assigned.add(v.value.toLowerCase());
    else if (v?.type === 'name' && !RESERVED.has(upper(v))) {
      this.state.assigned.add(`@${v.value.toLowerCase()}`);
      this.report(v.start, 'variable-without-at', `variable names start with @: SET @${v.value} = …`);
    } else this.fail(this.at(v), 'syntax', 'SET needs a variable, e.g. SET @name = "value"');
    const eq = this.peek();
    if (eq?.type === 'op' && eq.value === '==') {
      this.next();
      this.report(eq.start, 'syntax', 'SET assigns with =, not ==');
    } else if (eq?.type === 'op' && eq.value === '=') this.next();
    else this.fail(this.at(eq), 'syntax', `expected = after SET ${v?.value ?? ''}`);
    this.expression(false);
  }

  private ifHead(ifTok: Token, afterElse?: number) {
    this.condition(ifTok);
    this.state.stack.push({ kind: 'IF', offset: ifTok.start, ...(afterElse !== undefined ? { afterElse } : {}) });
  }

  /** `<expression> THEN` after IF/ELSEIF. */
  private condition(head: Token) {
    if (upper(this.peek()) === 'THEN' || !this.peek()) {
      this.fail(this.at(this.peek()), 'syntax', `${head.value.toUpperCase()} needs a condition before THEN`);
    }
    const last = this.expression(true);
    if (upper(this.peek()) === 'THEN') {
      this.next();
      return;
    }
    this.report(last, 'missing-then', `${head.value.toUpperCase()} condition must be followed by THEN`);
  }

  private forHead(forTok: Token) {
    const v = this.next();
    if (v?.type === 'variable' && v.value.length > 1) this.state.assigned.add(v.value.toLowerCase());
    else if (v?.type === 'name' && !RESERVED.has(upper(v))) {
      this.state.assigned.add(`@${v.value.toLowerCase()}`);
      this.report(v.start, 'variable-without-at', `variable names start with @: FOR @${v.value} = …`);
    } else this.fail(this.at(v), 'for-syntax', 'FOR needs a counter variable: FOR @i = 1 TO n DO');
    // Push first so a broken head still pairs with its NEXT.
    this.state.stack.push({
      kind: 'FOR',
      offset: forTok.start,
      ...(v?.type === 'variable' ? { counter: v.value.toLowerCase() } : {}),
    });
    const eq = this.peek();
    if (eq?.type === 'op' && eq.value === '=') this.next();
    else this.fail(this.at(eq), 'for-syntax', 'FOR needs = after the counter: FOR @i = 1 TO n DO');
    const afterStart = this.expression(false);
    const dir = upper(this.peek());
    if (dir === 'TO' || dir === 'DOWNTO') this.next();
    else this.fail(afterStart, 'for-syntax', 'FOR needs TO or DOWNTO: FOR @i = 1 TO n DO');
    const afterEnd = this.expression(false);
    if (upper(this.peek()) === 'DO') this.next();
    else this.report(afterEnd, 'for-syntax', 'FOR … TO … must be followed by DO');
  }

  private innermostIf(): OpenStatement | undefined {
    const top = this.state.stack[this.state.stack.length - 1];
    return top?.kind === 'IF' ? top : undefined;
  }

  /** ENDIF / NEXT: close the nearest open statement of that kind; anything opened after it was left open. */
  private close(kind: 'IF' | 'FOR', t: Token) {
    const stack = this.state.stack;
    let i = stack.length - 1;
    while (i >= 0 && stack[i]?.kind !== kind) i--;
    if (i < 0) {
      this.report(
        t.start,
        kind === 'IF' ? 'endif-without-if' : 'next-without-for',
        kind === 'IF' ? 'ENDIF without a matching IF' : 'NEXT without a matching FOR',
      );
      return;
    }
    for (const inner of stack.splice(i).slice(1)) reportUnclosed(inner, this.state.findings);
  }

  /** Returns the document offset just after the expression's last token. */
  private expression(condition: boolean): number {
    let last = this.and(condition);
    while (upper(this.peek()) === 'OR' || (this.peek()?.type === 'op' && this.peek()?.value === '||')) {
      const op = this.next() as Token;
      if (op.type === 'op') this.report(op.start, 'unsupported-operator', UNSUPPORTED_OPERATOR['||'] ?? '');
      last = this.and(condition);
    }
    return last;
  }

  private and(condition: boolean): number {
    let last = this.not(condition);
    while (upper(this.peek()) === 'AND' || (this.peek()?.type === 'op' && this.peek()?.value === '&&')) {
      const op = this.next() as Token;
      if (op.type === 'op') this.report(op.start, 'unsupported-operator', UNSUPPORTED_OPERATOR['&&'] ?? '');
      last = this.not(condition);
    }
    return last;
  }

  private not(condition: boolean): number {
    const t = this.peek();
    if (upper(t) === 'NOT') {
      this.next();
      return this.not(condition);
    }
    if (t?.type === 'op' && t.value === '!') {
      this.next();
      this.report(t.start, 'unsupported-operator', UNSUPPORTED_OPERATOR['!'] ?? '');
      return this.not(condition);
    }
    return this.comparison(condition);
  }

  private comparison(condition: boolean): number {
    let last = this.primary();
    for (;;) {
      const op = this.peek();
      if (op?.type !== 'op') return last;
      if (COMPARISON.has(op.value) || (condition && op.value === '=')) {
        this.next();
        last = this.primary();
        continue;
      }
      const msg = UNSUPPORTED_OPERATOR[op.value];
      if (!msg || op.value === '&&' || op.value === '||') return last;
      this.next();
      this.report(op.start, 'unsupported-operator', msg);
      last = this.primary();
    }
  }

  private primary(): number {
    const t = this.peek();
    if (!t) this.fail(this.end, 'syntax', 'expected a value at the end of the block');
    switch (t.type) {
      case 'string':
      case 'number':
      case 'attribute':
        this.next();
        return t.end;
      case 'variable':
        this.next();
        if (t.value.length === 1) this.fail(t.start, 'syntax', '@ must be followed by a variable name');
        this.state.uses.push({ name: t.value.toLowerCase(), display: t.value, offset: t.start });
        return t.end;
      case '(': {
        this.next();
        this.expression(true);
        const close = this.peek();
        if (close?.type !== ')') this.fail(t.start, 'unbalanced-parentheses', 'this ( is never closed');
        this.next();
        return close.end;
      }
      case 'name': {
        if (this.peek(1)?.type === '(') {
          this.next();
          return this.call(t);
        }
        if (RESERVED.has(upper(t))) this.fail(t.start, 'syntax', `expected a value before ${t.value}`);
        this.next(); // a subscriber attribute or true/false
        return t.end;
      }
      case ')':
        this.fail(t.start, 'unbalanced-parentheses', 'this ) has no matching (');
        break;
      default:
        break;
    }
    this.fail(t.start, 'syntax', `expected a value, found ${describe(t)}`);
  }

  /** `Name(` … `)`, with the name token already taken. Returns the offset after `)`. */
  private call(name: Token): number {
    const open = this.next() as Token;
    const outputs = OUTPUT_PARAMS.test(name.value);
    let args = 0;
    if (this.peek()?.type === ')') {
      this.next();
    } else {
      for (;;) {
        const a = this.peek();
        const after = this.peek(1);
        if (outputs && a?.type === 'variable' && (after?.type === ',' || after?.type === ')')) {
          this.next();
          this.state.assigned.add(a.value.toLowerCase());
        } else {
          if (!a || (a.type === 'name' && STATEMENT_KEYWORDS.has(upper(a)))) {
            this.fail(open.start, 'unbalanced-parentheses', `the ( after ${name.value} is never closed`);
          }
          this.expression(false);
        }
        args++;
        const sep = this.peek();
        if (sep?.type === ',') {
          this.next();
          const after = this.peek();
          if (after?.type === ')' || after?.type === ',') {
            this.fail(after.start, 'syntax', `empty argument in ${name.value}( … ): remove the extra comma`);
          }
          continue;
        }
        if (sep?.type === ')') {
          this.next();
          break;
        }
        if (!sep || (sep.type === 'name' && STATEMENT_KEYWORDS.has(upper(sep)))) {
          this.fail(open.start, 'unbalanced-parentheses', `the ( after ${name.value} is never closed`);
        }
        this.fail(sep.start, 'syntax', `expected , or ) in ${name.value}( … ), found ${describe(sep)}`);
      }
    }
    checkCall(name, args, this.options, this.state.findings);
    return (this.tokens[this.pos - 1] as Token).end;
  }
}
