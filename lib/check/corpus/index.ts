/**
 * The whole checker corpus, by validity.
 */
import { AMPSCRIPT_BROKEN, AMPSCRIPT_VALID } from './ampscript.ts';
import { SQL_BROKEN, SQL_VALID } from './sql.ts';
import { SSJS_BROKEN, SSJS_VALID } from './ssjs.ts';
import type { CorpusSnippet } from './types.ts';

export type { CorpusSnippet } from './types.ts';

export const VALID: CorpusSnippet[] = [...AMPSCRIPT_VALID, ...SSJS_VALID, ...SQL_VALID];
export const BROKEN: CorpusSnippet[] = [...AMPSCRIPT_BROKEN, ...SSJS_BROKEN, ...SQL_BROKEN];
