/**
 * One-line summary of a check for the model's `function_call_output`, e.g.
 * "checked: 1 error — line 2: LookupRow is not an AMPscript function; did you mean LookupRows?".
 */
import type { CheckResult, Problem } from './types.ts';

const MAX_LISTED = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function item(p: Problem): string {
  return `line ${p.line}${p.severity === 'warning' ? ' (warning)' : ''}: ${p.message}`;
}

export function formatForModel(result: CheckResult): string {
  if (result.problems.length === 0) return 'checked: no problems';
  const errors = result.problems.filter((p) => p.severity === 'error');
  const warnings = result.problems.filter((p) => p.severity === 'warning');
  const counts = [
    errors.length ? plural(errors.length, 'error') : '',
    warnings.length ? plural(warnings.length, 'warning') : '',
  ].filter(Boolean);
  // Errors first: they are what the model must fix.
  const ordered = [...errors, ...warnings];
  const listed = ordered.slice(0, MAX_LISTED).map(item);
  const more = ordered.length > MAX_LISTED ? `; and ${ordered.length - MAX_LISTED} more` : '';
  return `checked: ${counts.join(', ')} — ${listed.join('; ')}${more}`;
}
