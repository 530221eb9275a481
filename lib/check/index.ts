/**
 * The code checker's entry point: `check(code, language)` for AMPscript, SSJS, SQL (Query Activity) and HTML that
 * may hold AMPscript and `<script runat="server">` SSJS. Pure and synchronous; the product lazy-loads this module.
 */
import { checkAmpscriptRegions } from './ampscript/index.ts';
import type { Catalog } from './catalog.ts';
import { defaultCatalog } from './default-catalog.ts';
import { LineIndex, toProblems, type Finding } from './positions.ts';
import { hasServerScript, isBareAmpscript, scanDocument, type Regions } from './regions.ts';
import { checkSql } from './sql/index.ts';
import { checkSsjsRegion, loadsCore } from './ssjs/index.ts';
import type { CheckLanguage, CheckResult, ContentType } from './types.ts';

export type { CheckLanguage, CheckResult, ContentType, Problem, Severity } from './types.ts';
export { CHECK_LANGUAGES } from './types.ts';
export { formatForModel } from './format.ts';
export { checkLanguageFor } from './language.ts';

export interface CheckOptions {
  /** Where the AMPscript runs; unknown = no content-type warnings. */
  contentType?: ContentType;
  /** Defaults to the reference pack's. */
  catalog?: Catalog;
}

function checkDocument(code: string, scan: Regions, catalog: Catalog, contentType?: ContentType): Finding[] {
  const regions = scan.regions;
  const unclosed = new Set(scan.findings.filter((f) => f.rule === 'unclosed-block').map((f) => f.offset));
  const findings = [
    ...scan.findings,
    ...checkAmpscriptRegions(code, regions, { catalog, ...(contentType ? { contentType } : {}) }, unclosed),
  ];
  const coreLoaded = loadsCore(code);
  for (const r of regions) {
    if (r.kind === 'ssjs')
      findings.push(...checkSsjsRegion(code.slice(r.start, r.end), r.start, { catalog, coreLoaded }));
  }
  return findings;
}

/**
 * Check one snippet. Never throws; problems are sorted by position, 1-based; `ok` is false only with an error.
 * `ampscript` accepts bare statements or AMPscript with its delimiters; `html` also checks server-side SSJS blocks;
 * `ssjs` accepts bare code or `<script runat="server">` blocks; `sql` accepts a query or a clause on its own.
 */
export function check(code: string, language: CheckLanguage, options: CheckOptions = {}): CheckResult {
  let findings: Finding[];
  try {
    findings = findingsFor(code, language, options.catalog ?? defaultCatalog(), options.contentType);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    // Nesting deeper than the parsers' recursion can follow (hostile or generated code): one error, never a crash.
    findings = [{ offset: 0, severity: 'error', rule: 'syntax', message: TOO_DEEP }];
  }
  const problems = toProblems(findings, new LineIndex(code));
  return { ok: !problems.some((p) => p.severity === 'error'), problems };
}

export const TOO_DEEP = 'the code is nested too deeply to check (thousands of levels of parentheses or calls)';

function findingsFor(code: string, language: CheckLanguage, catalog: Catalog, contentType?: ContentType): Finding[] {
  switch (language) {
    case 'sql':
      return checkSql(code, catalog);
    case 'ssjs':
      return hasServerScript(code)
        ? checkDocument(code, scanDocument(code), catalog, contentType)
        : checkSsjsRegion(code, 0, { catalog });
    case 'ampscript':
    case 'html': {
      if (language === 'ampscript' && isBareAmpscript(code)) {
        const bare: Regions = { regions: [{ kind: 'amp-script', start: 0, end: code.length, open: 0 }], findings: [] };
        return checkDocument(code, bare, catalog, contentType);
      }
      return checkDocument(code, scanDocument(code), catalog, contentType);
    }
  }
}
