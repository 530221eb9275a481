/**
 * Post-ES3 syntax that SFMC's SSJS engine rejects, keyed by ESTree node: the rule id and the plain message a learner
 * (or the model) can act on. A rule returns undefined when the node is fine (e.g. a `var` declaration).
 */
import type { Node } from 'estree';

export interface SyntaxRule {
  rule: string;
  message: string;
}

const NOT = "SFMC's SSJS engine does not support";

type Check = (node: Node, parent: Node | undefined) => SyntaxRule | undefined;

const isFunction = (n: Node | undefined) =>
  n?.type === 'FunctionDeclaration' || n?.type === 'FunctionExpression' || n?.type === 'ArrowFunctionExpression';

function functionRules(node: Node): SyntaxRule | undefined {
  if (!('async' in node)) return undefined;
  if (node.async) return { rule: 'no-async-await', message: `${NOT} async functions; call the function directly` };
  if ('generator' in node && node.generator) {
    return { rule: 'no-generator', message: `${NOT} generator functions (function*)` };
  }
  return undefined;
}

export const SYNTAX_RULES: Partial<Record<Node['type'], Check>> = {
  VariableDeclaration: (n) =>
    n.type === 'VariableDeclaration' && n.kind !== 'var'
      ? { rule: 'no-let-const', message: `${NOT} ${n.kind}; use var` }
      : undefined,
  ArrowFunctionExpression: (n) =>
    functionRules(n) ?? { rule: 'no-arrow-function', message: `${NOT} arrow functions; use function() {}` },
  FunctionDeclaration: functionRules,
  FunctionExpression: (n, parent) =>
    parent?.type === 'Property' && parent.method
      ? undefined // reported once, on the Property
      : functionRules(n),
  TemplateLiteral: () => ({ rule: 'no-template-literal', message: `${NOT} template literals; join strings with +` }),
  TaggedTemplateExpression: () => ({ rule: 'no-template-literal', message: `${NOT} tagged template literals` }),
  ClassDeclaration: () => ({
    rule: 'no-class',
    message: `${NOT} classes; use a constructor function and its prototype`,
  }),
  ClassExpression: () => ({
    rule: 'no-class',
    message: `${NOT} classes; use a constructor function and its prototype`,
  }),
  SpreadElement: () => ({
    rule: 'no-spread-rest',
    message: `${NOT} spread (...); copy items in a loop or use fn.apply(null, array)`,
  }),
  RestElement: () => ({ rule: 'no-spread-rest', message: `${NOT} rest parameters (...args); use arguments` }),
  ObjectPattern: () => ({
    rule: 'no-destructuring',
    message: `${NOT} destructuring; read each property into its own var`,
  }),
  ArrayPattern: () => ({ rule: 'no-destructuring', message: `${NOT} destructuring; read each item into its own var` }),
  AssignmentPattern: (_n, parent) =>
    isFunction(parent)
      ? {
          rule: 'no-default-params',
          message: `${NOT} default parameter values; set them in the body (if (x === undefined) x = …)`,
        }
      : undefined,
  ForOfStatement: () => ({ rule: 'no-for-of', message: `${NOT} for…of; use for (var i = 0; i < list.length; i++)` }),
  AwaitExpression: () => ({ rule: 'no-async-await', message: `${NOT} await; SSJS calls are synchronous` }),
  Property: (n) => {
    if (n.type !== 'Property') return undefined;
    if (n.method) return { rule: 'no-shorthand', message: `${NOT} shorthand methods; write name: function() {}` };
    if (n.shorthand) return { rule: 'no-shorthand', message: `${NOT} shorthand properties; write name: name` };
    if (n.kind !== 'init') return { rule: 'no-es-syntax', message: `${NOT} getters and setters; use a plain function` };
    if (n.computed)
      return { rule: 'no-es-syntax', message: `${NOT} computed property names; assign obj[key] = value after` };
    return undefined;
  },
  ChainExpression: () => ({
    rule: 'no-optional-chaining',
    message: `${NOT} optional chaining (?.); check each step: a && a.b`,
  }),
  LogicalExpression: (n) =>
    n.type === 'LogicalExpression' && n.operator === '??'
      ? { rule: 'no-nullish', message: `${NOT} ??; use (x !== null && x !== undefined) ? x : fallback` }
      : undefined,
  AssignmentExpression: (n) =>
    n.type === 'AssignmentExpression' && ['??=', '||=', '&&=', '**='].includes(n.operator)
      ? { rule: 'no-es-syntax', message: `${NOT} the ${n.operator} operator; write it out: x = x || y` }
      : undefined,
  BinaryExpression: (n) =>
    n.type === 'BinaryExpression' && n.operator === '**'
      ? { rule: 'no-es-syntax', message: `${NOT} **; use Math.pow(a, b)` }
      : undefined,
  CatchClause: (n) =>
    n.type === 'CatchClause' && !n.param
      ? { rule: 'no-es-syntax', message: `${NOT} catch without a parameter; write catch (e)` }
      : undefined,
  Literal: (n) =>
    n.type === 'Literal' && 'bigint' in n && n.bigint
      ? { rule: 'no-es-syntax', message: `${NOT} BigInt literals` }
      : undefined,
  ImportExpression: () => ({ rule: 'no-es-syntax', message: `${NOT} import(); load libraries with Platform.Load` }),
  MetaProperty: () => ({ rule: 'no-es-syntax', message: `${NOT} new.target / import.meta` }),
  PropertyDefinition: () => ({ rule: 'no-class', message: `${NOT} class fields` }),
};
