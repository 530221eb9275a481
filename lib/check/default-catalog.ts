/**
 * The reference pack's catalogue (AMPscript functions, SSJS Platform functions, data views), built once on first use.
 */
import { AMPSCRIPT_FUNCTIONS } from '../reference/pack/ampscript-functions.ts';
import { SQL_ENTRIES } from '../reference/pack/sql.ts';
import { SSJS_ENTRIES } from '../reference/pack/ssjs.ts';
import { buildCatalog, type Catalog } from './catalog.ts';

let cached: Catalog | undefined;

export function defaultCatalog(): Catalog {
  cached ??= buildCatalog({ ampscript: AMPSCRIPT_FUNCTIONS, ssjs: SSJS_ENTRIES, sql: SQL_ENTRIES });
  return cached;
}
