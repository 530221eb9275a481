/**
 * The checker's public shapes: one `Problem` per finding, 1-based line and column, and the result of one check.
 */

export type CheckLanguage = 'ampscript' | 'ssjs' | 'sql' | 'html';
export const CHECK_LANGUAGES: readonly CheckLanguage[] = ['ampscript', 'ssjs', 'sql', 'html'];

export type Severity = 'error' | 'warning';

export interface Problem {
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units like an editor's column. */
  column: number;
  severity: Severity;
  /** Stable rule id, e.g. `unknown-function`; listed in lib/check/README.md. */
  rule: string;
  message: string;
}

export interface CheckResult {
  /** True when there is no error (warnings allowed). */
  ok: boolean;
  problems: Problem[];
}

/** Where the AMPscript will run; unknown (undefined) means no content-type warnings. */
export type ContentType = 'email' | 'cloudpage' | 'sms' | 'landing-page';
