/**
 * AMPscript checker: regions of the document → tokens → statements and rules, then the checks that need the whole
 * document (IF/FOR left open, variables never set).
 */
import type { Finding } from '../positions.ts';
import type { Region } from '../regions.ts';
import { RegionParser } from './parse.ts';
import { newAmpState, reportUnclosed, type AmpOptions } from './state.ts';
import { tokenize } from './tokenize.ts';

export type { AmpOptions } from './state.ts';

const UNCLOSED_RULES = new Set(['unclosed-string', 'unclosed-comment']);

/** `Variable.SetValue("@name", …)` in SSJS also sets an AMPscript variable. */
const SSJS_SETS = /Variable\.SetValue\(\s*["'](@?\w+)["']/gi;

/**
 * Check the AMPscript regions of `text`. `ssjs` regions are only read for the variables they set.
 * Returns findings in document offsets.
 */
export function checkAmpscriptRegions(
  text: string,
  regions: Region[],
  options: AmpOptions,
  /** Opening offsets of regions the scanner found unclosed. */
  unclosed: ReadonlySet<number> = new Set(),
): Finding[] {
  const findings: Finding[] = [];
  const state = newAmpState(findings);
  for (const r of regions) {
    if (r.kind === 'ssjs') {
      for (const m of text.slice(r.start, r.end).matchAll(SSJS_SETS)) {
        const name = (m[1] ?? '').toLowerCase();
        state.assigned.add(name.startsWith('@') ? name : `@${name}`);
      }
      continue;
    }
    const before = findings.length;
    const tokens = tokenize(text.slice(r.start, r.end), r.start, findings);
    const parser = new RegionParser(tokens, state, options, r.end);
    if (r.kind === 'amp-inline') parser.inline(r.open);
    else parser.statements();
    // A region that never closes (or holds a quote that never closes) swallowed text that is not AMPscript: the
    // delimiter finding says it all, syntax errors after it would only be noise.
    const broken = unclosed.has(r.open) || findings.slice(before).some((f) => UNCLOSED_RULES.has(f.rule));
    if (broken) {
      const kept = findings.slice(before).filter((f) => f.rule !== 'syntax');
      findings.splice(before, findings.length - before, ...kept);
    }
  }
  for (const open of state.stack) reportUnclosed(open, findings);

  const warned = new Set<string>();
  for (const use of state.uses) {
    if (state.assigned.has(use.name) || warned.has(use.name)) continue;
    warned.add(use.name);
    findings.push({
      offset: use.offset,
      severity: 'warning',
      rule: 'unset-variable',
      message: `${use.display} is used but never set (SET ${use.display} = … first)`,
    });
  }
  return findings;
}
