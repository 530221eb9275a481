/** The words on a checked code card's badge and its per-line marks (pure, for the card and its tests). */
import { i18n } from '#i18n';
import type { CheckResult, Problem } from '@/lib/check/types';

export function badgeFor(check: CheckResult | undefined): { text: string; tone: 'ok' | 'warn' | 'error' } | null {
  if (!check) return null;
  const errors = check.problems.filter((p) => p.severity === 'error').length;
  const warnings = check.problems.length - errors;
  if (errors) return { text: i18n.t('snippet.problems', check.problems.length), tone: 'error' };
  if (warnings) return { text: i18n.t('snippet.checkedWarnings', warnings), tone: 'warn' };
  return { text: i18n.t('snippet.checked'), tone: 'ok' };
}

/** Worst severity per line (1-based), for the gutter. */
export function lineMarks(problems: readonly Problem[]): Map<number, Problem['severity']> {
  const marks = new Map<number, Problem['severity']>();
  for (const p of problems) if (marks.get(p.line) !== 'error') marks.set(p.line, p.severity);
  return marks;
}
