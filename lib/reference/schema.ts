/**
 * The SFMC reference pack's shape. The pack is data written by us (facts from the official docs, our own words);
 * every entry links to the official page where the user reads more. Checked by `pack.test.ts`.
 */
import { z } from 'zod';

export const PACK_VERSION = 1;

export const ENTRY_KINDS = [
  'ampscript-function',
  'ampscript-language',
  'ssjs-function',
  'ssjs-object',
  'ssjs-language',
  'sql-rule',
  'sql-pattern',
  'data-view',
  'concept',
  'error',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** Where AMPscript runs. */
export const CONTENT_TYPES = ['email', 'cloudpage', 'sms', 'landing-page'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const paramSchema = z.object({
  name: z.string().min(1),
  type: z.enum(['string', 'number', 'boolean', 'date', 'rowset', 'row', 'object', 'array', 'any']),
  optional: z.boolean().optional(),
  /** Part of a repeating group (e.g. the column/value pairs of LookupRows). */
  repeating: z.boolean().optional(),
});
export type Param = z.infer<typeof paramSchema>;

/** The facts a checker needs about one AMPscript function (or SSJS Platform.Function). */
export const functionFactsSchema = z.object({
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/),
  params: z.array(paramSchema),
  minArgs: z.number().int().min(0),
  /** null = unbounded (repeating groups). */
  maxArgs: z.number().int().min(0).nullable(),
  returns: z.string().min(1),
  /** AMPscript only: where the function works. */
  contexts: z.array(z.enum(CONTENT_TYPES)).optional(),
});
export type FunctionFacts = z.infer<typeof functionFactsSchema>;

export const entrySchema = z.object({
  /** Stable, lower-case, e.g. `ampscript.lookuprows`, `sql.no-update`, `dataview._bounce`. */
  id: z.string().regex(/^[a-z0-9_.-]+$/),
  kind: z.enum(ENTRY_KINDS),
  title: z.string().min(1).max(120),
  /** Our own words: what it is, when to use it, the limits that matter. */
  text: z.string().min(20).max(1200),
  keywords: z.array(z.string().min(1)),
  signature: z.string().optional(),
  example: z.string().optional(),
  /** The official documentation page for this entry. */
  source: z.string().url().startsWith('https://'),
  /** For `ampscript-function` and `ssjs-function`. */
  function: functionFactsSchema.optional(),
  /** For `data-view`: main columns. */
  columns: z.array(z.string()).optional(),
});
export type ReferenceEntry = z.infer<typeof entrySchema>;
