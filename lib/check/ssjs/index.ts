/**
 * SSJS checker: parse with espree at the latest ECMAScript version (so modern code parses and can be named), then
 * walk the tree for syntax SFMC's ES3-era engine rejects, unknown `Platform.Function.*` names, and Core library
 * objects used without `Platform.Load("Core", …)`.
 */
import { parse, VisitorKeys } from 'espree';
import type { Node } from 'estree';
import { arity, type Catalog } from '../catalog.ts';
import type { Finding } from '../positions.ts';
import { didYouMean } from '../suggest.ts';
import { SYNTAX_RULES } from './syntax-rules.ts';

/** Core library objects (need `Platform.Load("Core", "1.1.1")`). */
export const CORE_OBJECTS = new Set([
  'DataExtension',
  'Subscriber',
  'List',
  'Email',
  'TriggeredSend',
  'Send',
  'HTTP',
  'ContentAreaObj',
  'Folder',
  'QueryDefinition',
  'Template',
  'DeliveryProfile',
  'SenderProfile',
  'SendClassification',
  'FilterDefinition',
  'Account',
  'AccountUser',
  'Portfolio',
  'BounceEvent',
  'ClickEvent',
  'ForwardedEmailEvent',
  'ForwardedEmailOptInEvent',
  'NotSentEvent',
  'OpenEvent',
  'SentEvent',
  'SurveyEvent',
  'UnsubEvent',
]);

const CORE_LOAD = /Platform\s*\.\s*Load\s*\(\s*["']core["']/i;

export interface SsjsOptions {
  catalog: Catalog;
  /** Whether `Platform.Load("Core", …)` appears anywhere in the document (defaults to this region). */
  coreLoaded?: boolean;
}

type AnyNode = Node & { start: number; end: number };

/** Check one SSJS region; `base` is its offset in the document. */
export function checkSsjsRegion(code: string, base: number, options: SsjsOptions): Finding[] {
  const findings: Finding[] = [];
  let program: Node;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script' }) as unknown as Node;
  } catch (e) {
    const err = e as { index?: number; message?: string };
    const index = err.index ?? 0;
    const atEnd = code.slice(index).trim() === '';
    findings.push({
      offset: base + index,
      severity: 'error',
      rule: 'syntax',
      message: atEnd
        ? 'syntax error: the script ends too early (a missing }, ) or quote?)'
        : `syntax error: ${(err.message ?? 'cannot parse').replace(/ \(\d+:\d+\)$/, '')}`,
    });
    return findings;
  }
  const coreLoaded = options.coreLoaded ?? CORE_LOAD.test(code);
  let coreWarned = false;
  const es5Warned = new Set<string>();
  const platform = options.catalog.ssjsPlatform;

  const visit = (node: AnyNode, parent: AnyNode | undefined, inPattern: boolean) => {
    const check = SYNTAX_RULES[node.type];
    const hit = check && !inPattern ? check(node, parent) : undefined;
    if (hit) findings.push({ offset: base + node.start, severity: 'error', ...hit });

    if (node.type === 'CallExpression') {
      const name = platformFunctionName(node.callee);
      const f = name ? platform.get(name.toLowerCase()) : undefined;
      const n = node.arguments.length;
      if (
        f &&
        (n < f.minArgs || (f.maxArgs !== null && n > f.maxArgs)) &&
        !node.arguments.some((a) => a.type === 'SpreadElement')
      ) {
        findings.push({
          offset: base + node.start,
          severity: 'error',
          rule: 'argument-count',
          message: `Platform.Function.${f.name} takes ${arity(f)}, got ${n}`,
        });
      }
    }
    if (node.type === 'MemberExpression') {
      const es5 = es5Api(node);
      if (es5 && !es5Warned.has(es5.key)) {
        es5Warned.add(es5.key);
        findings.push({
          offset: base + (node.property as AnyNode).start,
          severity: 'warning',
          rule: 'es5-api',
          message: es5.message,
        });
      }
      const name = platformFunctionName(node);
      if (name && platform.size > 0 && !platform.has(name.toLowerCase())) {
        const guess = didYouMean(
          name,
          [...platform.values()].map((f) => f.name),
        );
        const prop = node.property as AnyNode;
        findings.push({
          offset: base + prop.start,
          severity: 'error',
          rule: 'unknown-platform-function',
          message: `Platform.Function.${name} does not exist${guess ? `; did you mean Platform.Function.${guess}?` : ''}`,
        });
      }
      if (!coreLoaded && !coreWarned && node.object.type === 'Identifier' && CORE_OBJECTS.has(node.object.name)) {
        coreWarned = true;
        findings.push({
          offset: base + (node.object as AnyNode).start,
          severity: 'warning',
          rule: 'core-not-loaded',
          message: `${node.object.name} is part of the Core library: add Platform.Load("Core", "1.1.1"); before using it`,
        });
      }
    }

    // Inside a destructuring pattern only the pattern itself is reported.
    const childInPattern = inPattern || node.type === 'ObjectPattern' || node.type === 'ArrayPattern';
    for (const key of VisitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c === 'object' && 'type' in c) visit(c as AnyNode, node, childInPattern);
      } else if (child && typeof child === 'object' && 'type' in child) {
        visit(child as AnyNode, node, childInPattern);
      }
    }
  };
  visit(program as AnyNode, undefined, false);
  return findings;
}

/** ES5 library calls reported missing from SFMC's ES3-era engine → the SFMC way. Warnings: user objects may define them. */
const ES5_METHODS: Record<string, string> = {
  forEach: 'use a for loop',
  map: 'build the new array in a for loop',
  filter: 'build the new array in a for loop',
  reduce: 'use a for loop',
  some: 'use a for loop',
  every: 'use a for loop',
};
const ES5_STATICS: Record<string, string> = {
  'JSON.parse': 'use Platform.Function.ParseJSON(text)',
  'JSON.stringify': 'use Stringify(value)',
  'Object.keys': 'collect the keys with for (var k in obj)',
  'Array.isArray': 'test Object.prototype.toString.call(x) === "[object Array]"',
};

function es5Api(node: Node): { key: string; message: string } | undefined {
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  const prop = node.property.name;
  if (node.object.type === 'Identifier') {
    const key = `${node.object.name}.${prop}`;
    const fix = ES5_STATICS[key];
    if (fix) return { key, message: `${key} may not exist in SFMC's SSJS engine (ES3-era); ${fix}` };
  }
  const fix = Object.hasOwn(ES5_METHODS, prop) ? ES5_METHODS[prop] : undefined;
  if (fix) return { key: prop, message: `array .${prop}() may not exist in SFMC's SSJS engine (ES3-era); ${fix}` };
  return undefined;
}

/** `Platform.Function.Name` → `Name`. */
function platformFunctionName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  const obj = node.object;
  if (
    obj.type === 'MemberExpression' &&
    !obj.computed &&
    obj.object.type === 'Identifier' &&
    obj.object.name === 'Platform' &&
    obj.property.type === 'Identifier' &&
    obj.property.name === 'Function'
  ) {
    return node.property.name;
  }
  return undefined;
}

export function loadsCore(text: string): boolean {
  return CORE_LOAD.test(text);
}
