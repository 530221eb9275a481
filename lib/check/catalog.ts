/**
 * The facts the checkers look names up in, derived from reference-pack entries: AMPscript functions (argument counts,
 * content types), SSJS `Platform.Function` names, system data view names. Keys are lower-case (AMPscript and SQL names
 * are case-insensitive). Checkers take a `Catalog` so tests can pass small ones; `defaultCatalog()` is the pack's.
 */
import type { ReferenceEntry } from '../reference/schema.ts';
import type { ContentType } from './types.ts';

export interface FunctionInfo {
  /** As the reference spells it. */
  name: string;
  minArgs: number;
  /** null = unbounded. */
  maxArgs: number | null;
  /** AMPscript only; absent = everywhere. */
  contexts?: readonly ContentType[];
}

export interface Catalog {
  ampscript: ReadonlyMap<string, FunctionInfo>;
  /** `Platform.Function.<name>`, keyed by the lower-case name without the prefix. */
  ssjsPlatform: ReadonlyMap<string, FunctionInfo>;
  /** System data views, lower-case → spelling (e.g. `_open` → `_Open`). */
  dataViews: ReadonlyMap<string, string>;
}

export interface CatalogSource {
  ampscript: readonly ReferenceEntry[];
  ssjs: readonly ReferenceEntry[];
  sql: readonly ReferenceEntry[];
}

function functionMap(entries: readonly ReferenceEntry[], kind: ReferenceEntry['kind'], strip?: RegExp) {
  const map = new Map<string, FunctionInfo>();
  for (const e of entries) {
    if (e.kind !== kind || !e.function) continue;
    const f = e.function;
    const name = strip ? f.name.replace(strip, '') : f.name;
    // Core-library methods (e.g. `DataExtension.Init`) are not Platform.Function names.
    if (name.includes('.')) continue;
    map.set(name.toLowerCase(), {
      name,
      minArgs: f.minArgs,
      maxArgs: f.maxArgs,
      ...(f.contexts ? { contexts: f.contexts } : {}),
    });
  }
  return map;
}

export function buildCatalog(source: CatalogSource): Catalog {
  const dataViews = new Map<string, string>();
  for (const e of source.sql) {
    if (e.kind !== 'data-view') continue;
    const name = e.title.trim().split(/\s/)[0] ?? '';
    if (name.startsWith('_')) dataViews.set(name.toLowerCase(), name);
  }
  return {
    ampscript: functionMap(source.ampscript, 'ampscript-function'),
    ssjsPlatform: functionMap(source.ssjs, 'ssjs-function', /^Platform\.Function\./i),
    dataViews,
  };
}

/** A catalogue from plain lists, for tests and small tools. */
export function catalogFrom(input: {
  ampscript?: FunctionInfo[];
  ssjsPlatform?: FunctionInfo[];
  dataViews?: string[];
}): Catalog {
  const byName = (list: FunctionInfo[] = []) => new Map(list.map((f) => [f.name.toLowerCase(), f]));
  return {
    ampscript: byName(input.ampscript),
    ssjsPlatform: byName(input.ssjsPlatform),
    dataViews: new Map((input.dataViews ?? []).map((n) => [n.toLowerCase(), n])),
  };
}

/** "2 arguments", "1 to 3 arguments", "at least 3 arguments". */
export function arity(f: FunctionInfo): string {
  if (f.maxArgs === f.minArgs) return `${f.minArgs} argument${f.minArgs === 1 ? '' : 's'}`;
  if (f.maxArgs === null) return `at least ${f.minArgs} argument${f.minArgs === 1 ? '' : 's'}`;
  return `${f.minArgs} to ${f.maxArgs} arguments`;
}
