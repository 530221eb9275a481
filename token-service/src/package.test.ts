// The token service's dependencies are its own: every package its code imports is declared in
// token-service/package.json (runtime code in dependencies; tests and src/testing/ may use devDependencies too).
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(dir, name));

/** `hono/body-limit` → `hono`, `@hono/node-server/conninfo` → `@hono/node-server`; relative and node: imports → none. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier))
    return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8');
  const specifiers = [
    ...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm),
  ].map((m) => m[1] ?? m[2] ?? '');
  return [...new Set(specifiers.map(packageOf).filter((p): p is string => p !== undefined))];
}

describe('token-service/package.json', () => {
  const all = files(join(ROOT, 'src'));

  it('declares every package the runtime code imports as a dependency', () => {
    const runtime = all.filter((f) => !f.endsWith('.test.ts') && !f.includes('/testing/'));
    const used = new Set(runtime.flatMap(importsOf));
    expect(used.size).toBeGreaterThan(3);
    expect([...used].filter((p) => !(p in pkg.dependencies))).toEqual([]);
  });

  it('declares every package the tests import', () => {
    const used = new Set(all.filter((f) => f.endsWith('.test.ts') || f.includes('/testing/')).flatMap(importsOf));
    expect([...used].filter((p) => !(p in pkg.dependencies) && !(p in pkg.devDependencies))).toEqual([]);
  });

  it('reads package names the way Node resolves them', () => {
    expect(['hono/body-limit', '@hono/node-server/conninfo', './x', 'node:net'].map(packageOf)).toEqual([
      'hono',
      '@hono/node-server',
      undefined,
      undefined,
    ]);
  });
});
