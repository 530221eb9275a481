/**
 * Offsets → 1-based line/column, and building problems at an offset. Every checker works in offsets of the text it
 * was given and converts once, at the end.
 */
import type { Problem, Severity } from './types.ts';

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  /** 1-based line and column of a 0-based offset. */
  at(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1 };
  }

  /** 0-based offset of a 1-based line/column (clamped to the text). */
  offset(line: number, column: number): number {
    const start = this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
    return start + Math.max(column, 1) - 1;
  }
}

/** A finding still in offsets: the checkers collect these, `toProblems` places them. */
export interface Finding {
  offset: number;
  severity: Severity;
  rule: string;
  message: string;
}

export function toProblems(findings: Finding[], index: LineIndex): Problem[] {
  return findings
    .map((f) => ({ ...index.at(f.offset), severity: f.severity, rule: f.rule, message: f.message }))
    .sort((a, b) => a.line - b.line || a.column - b.column);
}
