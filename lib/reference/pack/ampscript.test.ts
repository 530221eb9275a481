/**
 * The AMPscript part of the reference pack: every entry fits the schema, the function list covers the public
 * catalogue with the same argument counts, the parameter lists agree with those counts, the contexts follow the
 * platform's rules, and every example is structurally valid AMPscript (a small strict linter below, so that the
 * examples cannot drift from the facts in the same pack).
 */
import { describe, expect, it } from 'vitest';
import { entrySchema, type ReferenceEntry } from '../schema.ts';
import { AMPSCRIPT_CATALOGUE } from '../fixtures/ampscript-catalogue.ts';
import { AMPSCRIPT_FUNCTIONS } from './ampscript-functions.ts';
import { AMPSCRIPT_LANGUAGE } from './ampscript-language.ts';

const byLowerName = new Map(AMPSCRIPT_FUNCTIONS.map((e) => [e.title.toLowerCase(), e]));

function facts(name: string) {
  const entry = byLowerName.get(name.toLowerCase());
  if (!entry?.function) throw new Error(`no function facts for ${name}`);
  return entry.function;
}

describe('AMPscript function entries', () => {
  it('all fit the schema', () => {
    const failures = AMPSCRIPT_FUNCTIONS.flatMap((e) => {
      const r = entrySchema.safeParse(e);
      return r.success ? [] : [`${e.id}: ${r.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; ')}`];
    });
    expect(failures).toEqual([]);
  });

  it('have unique ids derived from the function name, and carry function facts, a signature and an example', () => {
    const ids = AMPSCRIPT_FUNCTIONS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const e of AMPSCRIPT_FUNCTIONS) {
      expect(e.kind, e.id).toBe('ampscript-function');
      expect(e.id, e.title).toBe(`ampscript.${e.title.toLowerCase()}`);
      expect(e.function?.name, e.id).toBe(e.title);
      expect(e.signature?.startsWith(`${e.title}(`), e.id).toBe(true);
      expect(e.example, e.id).toMatch(/%%[[=]/);
      expect(e.function?.contexts?.length, e.id).toBeGreaterThan(0);
      expect(e.keywords.length, e.id).toBeGreaterThan(1);
      expect(e.source, e.id).toMatch(
        /^https:\/\/developer\.salesforce\.com\/docs\/marketing\/marketing-cloud-ampscript\//,
      );
    }
  });

  it('cover every function of the public catalogue with matching argument counts, and nothing else', () => {
    expect(AMPSCRIPT_CATALOGUE).toHaveLength(152);
    const problems: string[] = [];
    for (const c of AMPSCRIPT_CATALOGUE) {
      const e = byLowerName.get(c.name.toLowerCase());
      if (!e?.function) {
        problems.push(`missing ${c.name}`);
        continue;
      }
      if (e.title !== c.name) problems.push(`${c.name}: spelled ${e.title}`);
      if (e.function.minArgs !== c.minArgs) problems.push(`${c.name}: minArgs ${e.function.minArgs} != ${c.minArgs}`);
      if (e.function.maxArgs !== c.maxArgs) problems.push(`${c.name}: maxArgs ${e.function.maxArgs} != ${c.maxArgs}`);
    }
    const known = new Set(AMPSCRIPT_CATALOGUE.map((c) => c.name.toLowerCase()));
    for (const e of AMPSCRIPT_FUNCTIONS) if (!known.has(e.title.toLowerCase())) problems.push(`extra ${e.title}`);
    expect(problems).toEqual([]);
    expect(AMPSCRIPT_FUNCTIONS).toHaveLength(152);
  });

  it('list parameters that agree with the argument counts', () => {
    const problems: string[] = [];
    for (const e of AMPSCRIPT_FUNCTIONS) {
      const f = e.function!;
      const required = f.params.filter((p) => !p.optional).length;
      if (required !== f.minArgs) problems.push(`${e.title}: ${required} required params, minArgs ${f.minArgs}`);
      const firstOptional = f.params.findIndex((p) => p.optional);
      if (firstOptional >= 0 && f.params.slice(firstOptional).some((p) => !p.optional && !p.repeating)) {
        problems.push(`${e.title}: a required parameter follows an optional one`);
      }
      const repeating = f.params.some((p) => p.repeating);
      if (f.maxArgs === null && !repeating) problems.push(`${e.title}: unbounded without a repeating parameter`);
      if (f.maxArgs !== null && (repeating || f.params.length !== f.maxArgs)) {
        problems.push(`${e.title}: ${f.params.length} params for maxArgs ${f.maxArgs}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('say where each function works: page-only, email-only and page/SMS-side functions', () => {
    const pageOnly = ['Redirect', 'RequestParameter', 'QueryParameter', 'HTTPRequestHeader', 'ExecuteFilter'];
    for (const name of pageOnly) expect(facts(name).contexts, name).toEqual(['cloudpage', 'landing-page']);
    for (const name of ['InsertDE', 'UpdateDE', 'UpsertDE', 'DeleteDE'])
      expect(facts(name).contexts, name).toEqual(['email']);
    for (const name of ['InsertData', 'UpdateData', 'UpsertData', 'DeleteData', 'CreateObject', 'InvokeCreate']) {
      expect(facts(name).contexts, name).not.toContain('email');
      expect(facts(name).contexts, name).toContain('cloudpage');
    }
    for (const name of ['CloudPagesURL', 'RedirectTo', 'LookupRows', 'ContentBlockByKey', 'AttributeValue']) {
      expect(facts(name).contexts, name).toContain('email');
    }
    expect(facts('CreateSmsConversation').contexts).toEqual(['sms']);
  });

  it('state the limits learners ask about', () => {
    expect(byLowerName.get('lookuprows')?.text).toMatch(/2,000/);
    expect(byLowerName.get('lookuporderedrows')?.text).toMatch(/2,000/);
    expect(byLowerName.get('requestparameter')?.keywords).toContain('url parameter');
    expect(byLowerName.get('formatdate')?.keywords).toContain('format date');
    expect(byLowerName.get('lookup')?.keywords).toContain('data extension');
  });
});

describe('AMPscript language entries', () => {
  it('fit the schema, have unique ids and an example each', () => {
    expect(AMPSCRIPT_LANGUAGE.length).toBeGreaterThanOrEqual(15);
    expect(AMPSCRIPT_LANGUAGE.length).toBeLessThanOrEqual(30);
    for (const e of AMPSCRIPT_LANGUAGE) {
      expect(entrySchema.safeParse(e).success, e.id).toBe(true);
      expect(e.kind, e.id).toBe('ampscript-language');
      expect(e.id.startsWith('ampscript.lang.'), e.id).toBe(true);
      expect(e.example, e.id).toBeTruthy();
    }
    const ids = [...AMPSCRIPT_LANGUAGE, ...AMPSCRIPT_FUNCTIONS].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A small strict AMPscript linter for the examples: delimiters, strings, comments, declared variables, IF/THEN/ENDIF
// and FOR/TO/DO/NEXT structure, known functions with argument counts from the pack itself.

type Token = { kind: 'str' | 'num' | 'var' | 'word' | 'op' | 'end'; value: string };

const OPERATORS = ['==', '!=', '<=', '>=', '<', '>', '=', '(', ')', ','];
const KEYWORDS = new Set([
  'var',
  'set',
  'if',
  'then',
  'elseif',
  'else',
  'endif',
  'for',
  'to',
  'downto',
  'do',
  'next',
  'and',
  'or',
  'not',
  'true',
  'false',
]);

/** Splits content into code regions; throws on unbalanced delimiters. */
function codeRegions(src: string): string[] {
  const regions: string[] = [];
  let i = 0;
  const scriptOpen = /<script\s+runat=["']?server["']?\s+language=["']?ampscript["']?\s*>/iy;
  while (i < src.length) {
    scriptOpen.lastIndex = i;
    const script = scriptOpen.exec(src);
    const open = script ? 'script' : src.startsWith('%%[', i) ? '[' : src.startsWith('%%=', i) ? '=' : null;
    if (open === null) {
      if (src.startsWith(']%%', i) || src.startsWith('=%%', i)) throw new Error(`stray close at ${i}`);
      i += 1;
      continue;
    }
    let j = open === 'script' ? i + script![0].length : i + 3;
    const start = j;
    const close = open === 'script' ? '</script>' : open === '[' ? ']%%' : '=%%';
    let quote: string | null = null;
    for (;;) {
      if (j >= src.length) throw new Error(`unclosed ${open} at ${i}`);
      const ch = src.charAt(j);
      if (quote) {
        if (ch === quote) quote = null;
        j += 1;
      } else if (ch === '"' || ch === "'") {
        quote = ch;
        j += 1;
      } else if (src.startsWith('/*', j)) {
        const end = src.indexOf('*/', j + 2);
        if (end < 0) throw new Error('unclosed comment');
        j = end + 2;
      } else if (src.startsWith(close, j)) {
        break;
      } else {
        j += 1;
      }
    }
    regions.push(src.slice(start, j));
    i = j + close.length;
  }
  return regions;
}

function tokenize(code: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < code.length) {
    const ch = code.charAt(i);
    if (/\s/.test(ch)) {
      i += 1;
    } else if (code.startsWith('/*', i)) {
      i = code.indexOf('*/', i + 2) + 2;
    } else if (ch === '"' || ch === "'") {
      const end = code.indexOf(ch, i + 1);
      if (end < 0) throw new Error('unclosed string');
      out.push({ kind: 'str', value: code.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(code[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(code.slice(i))!;
      out.push({ kind: 'num', value: m[0] });
      i += m[0].length;
    } else if (ch === '@') {
      const m = /^@[A-Za-z0-9_]+/.exec(code.slice(i));
      if (!m) throw new Error('bad variable name');
      out.push({ kind: 'var', value: m[0].toLowerCase() });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(code.slice(i))!;
      out.push({ kind: 'word', value: m[0] });
      i += m[0].length;
    } else {
      const op = OPERATORS.find((o) => code.startsWith(o, i));
      if (!op) throw new Error(`unexpected character ${ch}`);
      out.push({ kind: 'op', value: op });
      i += op.length;
    }
  }
  out.push({ kind: 'end', value: '' });
  return out;
}

const endsValue = (t: Token | undefined) =>
  !!t &&
  (t.kind === 'str' ||
    t.kind === 'num' ||
    t.kind === 'var' ||
    (t.kind === 'op' && t.value === ')') ||
    (t.kind === 'word' && (!KEYWORDS.has(t.value.toLowerCase()) || /^(true|false)$/i.test(t.value))));
const startsValue = (t: Token) =>
  t.kind === 'str' ||
  t.kind === 'num' ||
  t.kind === 'var' ||
  (t.kind === 'word' && !KEYWORDS.has(t.value.toLowerCase()));

/** Returns the problems found in an AMPscript example (empty = valid). */
function lintExample(
  src: string,
  known: (name: string) => { minArgs: number; maxArgs: number | null } | undefined,
): string[] {
  const problems: string[] = [];
  let tokens: Token[];
  try {
    tokens = codeRegions(src).flatMap(tokenize);
  } catch (error) {
    return [(error as Error).message];
  }
  const declared = new Set<string>();
  let pending: string[] = [];
  const blocks: string[] = [];
  const calls: { name: string | null; commas: number; empty: boolean }[] = [];
  let awaiting: 'then' | 'do' | null = null;
  const commit = () => {
    pending.forEach((v) => declared.add(v));
    pending = [];
  };
  for (let k = 0; k < tokens.length; k += 1) {
    const t = tokens[k];
    if (!t) break;
    const prev = tokens[k - 1];
    const low = t.value.toLowerCase();
    const innermost = calls.at(-1);
    if (innermost && !(t.kind === 'op' && t.value === ')')) innermost.empty = false;
    if (calls.length === 0 && startsValue(t) && endsValue(prev) && pending.length) commit();
    if (t.kind === 'end') {
      commit();
      continue;
    }
    if (t.kind === 'word' && KEYWORDS.has(low)) {
      if (['var', 'set', 'if', 'elseif', 'else', 'endif', 'for', 'next'].includes(low)) {
        commit();
        if (awaiting) problems.push(`missing ${awaiting.toUpperCase()} before ${t.value}`);
        awaiting = null;
      }
      if (calls.length && !['and', 'or', 'not', 'true', 'false'].includes(low))
        problems.push(`${t.value} inside a call`);
      if (low === 'var') {
        let m = k + 1;
        for (let v = tokens[m]; v?.kind === 'var'; v = tokens[m]) {
          declared.add(v.value);
          m += tokens[m + 1]?.value === ',' ? 2 : 1;
        }
        if (m === k + 1) problems.push('VAR without a variable');
        k = m - 1;
      } else if (low === 'set') {
        const target = tokens[k + 1];
        if (target?.kind !== 'var' || tokens[k + 2]?.value !== '=') problems.push('SET needs @name =');
        else pending.push(target.value);
        k += 2;
      } else if (low === 'if' || low === 'elseif') {
        if (low === 'if') blocks.push('if');
        else if (blocks.at(-1) !== 'if') problems.push('ELSEIF outside IF');
        awaiting = 'then';
      } else if (low === 'then') {
        if (awaiting !== 'then') problems.push('THEN without IF');
        awaiting = null;
      } else if (low === 'else') {
        if (blocks.at(-1) !== 'if') problems.push('ELSE outside IF');
      } else if (low === 'endif') {
        if (blocks.pop() !== 'if') problems.push('ENDIF without IF');
      } else if (low === 'for') {
        const counter = tokens[k + 1];
        if (counter?.kind !== 'var' || tokens[k + 2]?.value !== '=') problems.push('FOR needs @counter =');
        else declared.add(counter.value);
        blocks.push('for');
        awaiting = 'do';
        k += 2;
      } else if (low === 'do') {
        if (awaiting !== 'do') problems.push('DO without FOR');
        awaiting = null;
      } else if (low === 'next') {
        if (blocks.pop() !== 'for') problems.push('NEXT without FOR');
        if (tokens[k + 1]?.kind === 'var') k += 1;
      }
      continue;
    }
    if (t.kind === 'var' && !declared.has(t.value)) problems.push(`${t.value} used before VAR/SET`);
    if (t.kind === 'word' && tokens[k + 1]?.value === '(') {
      if (!known(t.value)) problems.push(`unknown function ${t.value}`);
      calls.push({ name: t.value, commas: 0, empty: true });
      k += 1;
      continue;
    }
    if (t.kind === 'op' && t.value === '(') calls.push({ name: null, commas: 0, empty: true });
    if (
      t.kind === 'op' &&
      (t.value === ',' || t.value === ')') &&
      prev?.kind === 'op' &&
      (prev.value === ',' || (prev.value === '(' && t.value === ','))
    ) {
      problems.push('empty argument');
    }
    if (t.kind === 'op' && t.value === ',') {
      if (innermost) innermost.commas += 1;
      else if (prev?.kind !== 'var') problems.push('comma outside a call');
    }
    if (t.kind === 'op' && t.value === ')') {
      const call = calls.pop();
      if (!call) problems.push('unbalanced )');
      else if (call.name) {
        const f = known(call.name);
        const argc = call.empty ? 0 : call.commas + 1;
        if (f && (argc < f.minArgs || (f.maxArgs !== null && argc > f.maxArgs))) {
          problems.push(`${call.name} called with ${argc} arguments`);
        }
      }
    }
  }
  if (calls.length) problems.push('unclosed (');
  if (blocks.length) problems.push(`unclosed ${blocks.join(', ')}`);
  if (awaiting) problems.push(`missing ${awaiting.toUpperCase()}`);
  return problems;
}

const knownFunction = (name: string) => byLowerName.get(name.toLowerCase())?.function;

describe('AMPscript examples', () => {
  it('the linter rejects broken snippets (so the example check can fail)', () => {
    const broken = [
      '%%[ SET @a = Add(1) ]%%',
      '%%[ SET @a = LookupRow("DE", "Id", 1) ]%%',
      '%%= v(@undeclared) =%%',
      '%%[ IF 1 == 1 ]%% yes %%[ ENDIF ]%%',
      '%%[ IF 1 == 1 THEN ]%% yes',
      '%%[ FOR @i = 1 TO 3 DO ]%% x',
      '%%[ SET @a = "open ]%%',
      '%%= Now() ',
      'text ]%%',
      '%%[ SET a = 1 ]%%',
      '%%[ IF 1 == 1 SET @a = 1 ENDIF ]%%',
      '%%[ FOR @i = 1 TO 3 SET @a = @i NEXT @i ]%%',
      '%%[ SET @a = 1 SET @b = @a - 1 ]%%',
      '%%[ SET @a = Concat("a", ) ]%%',
      '%%[ ENDIF ]%%',
    ];
    for (const snippet of broken) expect(lintExample(snippet, knownFunction), snippet).not.toEqual([]);
    expect(lintExample('%%[ VAR @a SET @a = Add(1, 2) IF @a > 2 THEN ]%%big%%[ ENDIF ]%%', knownFunction)).toEqual([]);
  });

  it('every function and language example is valid AMPscript', () => {
    const problems = [...AMPSCRIPT_FUNCTIONS, ...AMPSCRIPT_LANGUAGE].flatMap((e: ReferenceEntry) =>
      lintExample(e.example ?? '', knownFunction).map((p) => `${e.id}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('every function example calls the function it documents', () => {
    for (const e of AMPSCRIPT_FUNCTIONS) {
      expect(new RegExp(`\\b${e.title}\\s*\\(`, 'i').test(e.example ?? ''), e.id).toBe(true);
    }
  });
});
