/**
 * The whole reference pack: every entry array, in one list with unique ids (checked by pack.test.ts).
 * Bump PACK_VERSION (schema.ts) when the entry shape changes; the data itself changes freely.
 */
import type { ReferenceEntry } from '../schema.ts';
import { AMPSCRIPT_FUNCTIONS } from './ampscript-functions.ts';
import { AMPSCRIPT_LANGUAGE } from './ampscript-language.ts';
import { CONCEPT_ENTRIES } from './concepts.ts';
import { ERROR_ENTRIES } from './errors.ts';
import { SQL_ENTRIES } from './sql.ts';
import { SSJS_ENTRIES } from './ssjs.ts';

export { PACK_VERSION } from '../schema.ts';

export const ALL_ENTRIES: readonly ReferenceEntry[] = [
  ...AMPSCRIPT_FUNCTIONS,
  ...AMPSCRIPT_LANGUAGE,
  ...SSJS_ENTRIES,
  ...SQL_ENTRIES,
  ...CONCEPT_ENTRIES,
  ...ERROR_ENTRIES,
];
