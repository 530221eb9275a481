/**
 * What the AMPscript parser carries across the regions of one document: the options, the IF/FOR statements still
 * open (a block may open an IF that a later block closes), assigned and read variables, and the findings.
 */
import type { Catalog } from '../catalog.ts';
import type { Finding } from '../positions.ts';
import type { ContentType } from '../types.ts';

export interface AmpOptions {
  catalog: Catalog;
  contentType?: ContentType;
}

export interface OpenStatement {
  kind: 'IF' | 'FOR';
  offset: number;
  /** FOR only: the counter, lower-case with @. */
  counter?: string;
  /** IF only: the ELSE this IF directly follows (`ELSE IF` instead of `ELSEIF`). */
  afterElse?: number;
  /** IF only: an `ELSE IF` written inside this IF. */
  elseIf?: number;
  seenElse?: boolean;
}

export interface AmpState {
  stack: OpenStatement[];
  /** Lower-case names (with @) assigned anywhere: SET, VAR, FOR, output parameters. */
  assigned: Set<string>;
  uses: { name: string; display: string; offset: number }[];
  findings: Finding[];
}

export function newAmpState(findings: Finding[]): AmpState {
  return { stack: [], assigned: new Set(), uses: [], findings };
}

/** An IF or FOR never closed: reported at the IF/FOR, or at an `ELSE IF` that explains it. */
export function reportUnclosed(open: OpenStatement, findings: Finding[]) {
  if (open.kind === 'FOR') {
    findings.push({
      offset: open.offset,
      severity: 'error',
      rule: 'for-without-next',
      message: 'FOR without a matching NEXT',
    });
    return;
  }
  const elseIf = open.afterElse ?? open.elseIf;
  if (elseIf !== undefined) {
    if (findings.some((f) => f.rule === 'else-if' && f.offset === elseIf)) return;
    findings.push({
      offset: elseIf,
      severity: 'error',
      rule: 'else-if',
      message: 'ELSE IF opens a new IF that is never closed; write ELSEIF as one word',
    });
    return;
  }
  findings.push({
    offset: open.offset,
    severity: 'error',
    rule: 'if-without-endif',
    message: 'IF without a matching ENDIF',
  });
}
