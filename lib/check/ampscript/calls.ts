/**
 * Checks one AMPscript function call against the catalogue: unknown names (with a suggestion), argument counts,
 * and functions that do not work in the content type being written.
 */
import { arity } from '../catalog.ts';
import type { Finding } from '../positions.ts';
import { suggestName } from '../suggest.ts';
import type { ContentType } from '../types.ts';
import type { AmpOptions } from './state.ts';
import type { Token } from './tokenize.ts';

/** Functions that write their status/result into variables passed to them. */
export const OUTPUT_PARAMS = /^(httpget|httppost2?|invoke[a-z]+)$/i;

/** Names learners and models bring from other languages → the AMPscript function that does the job. */
const HABITS: Record<string, string> = {
  len: 'Length',
  substr: 'Substring',
  upper: 'Uppercase',
  toupper: 'Uppercase',
  touppercase: 'Uppercase',
  lower: 'Lowercase',
  tolower: 'Lowercase',
  tolowercase: 'Lowercase',
  isempty: 'Empty',
  isnullorempty: 'Empty',
  contains: 'IndexOf',
  split: 'BuildRowsetFromString',
  print: 'Output',
  write: 'Output',
  echo: 'Output',
  count: 'RowCount',
  concatenate: 'Concat',
  getdate: 'Now',
  today: 'Now',
  iff: 'IIf',
  if: 'IIf',
};

const CONTENT_LABEL: Record<ContentType, string> = {
  email: 'email',
  cloudpage: 'CloudPage',
  sms: 'SMS',
  'landing-page': 'landing page',
};

/** Reports problems with a call of `name` with `args` arguments into `findings`. */
export function checkCall(name: Token, args: number, options: AmpOptions, findings: Finding[]) {
  const report = (offset: number, rule: string, message: string, severity: 'error' | 'warning' = 'error') =>
    findings.push({ offset, severity, rule, message });
  const f = options.catalog.ampscript.get(name.value.toLowerCase());
  if (!f) {
    const guess = suggestName(
      name.value,
      [...options.catalog.ampscript.values()].map((x) => x.name),
      HABITS,
    );
    report(
      name.start,
      'unknown-function',
      `${name.value} is not an AMPscript function${guess ? `; did you mean ${guess}?` : ''}`,
    );
    return;
  }
  if (args < f.minArgs || (f.maxArgs !== null && args > f.maxArgs)) {
    report(name.start, 'argument-count', `${f.name} takes ${arity(f)}, got ${args}`);
  }
  const ct = options.contentType;
  if (ct && f.contexts && f.contexts.length > 0 && !f.contexts.includes(ct)) {
    report(
      name.start,
      'content-type',
      `${f.name} does not work in ${CONTENT_LABEL[ct]} content (only ${f.contexts.map((c) => CONTENT_LABEL[c]).join(', ')})`,
      'warning',
    );
  }
}
