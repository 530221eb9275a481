/**
 * A scan over one string: detectors claim spans (to redact with a tag, or to keep, e.g. a clock time), and later
 * detectors see claimed spans as filler characters, so they can neither match inside nor across them.
 */

/** Private-use filler: not a letter, digit, space or separator to any pattern. */
export const FILL = '\uE000';

export interface Span {
  start: number;
  end: number;
  /** Replacement tag without brackets, or null to keep the text as it is. */
  tag: string | null;
}

export class Scan {
  masked: string;
  readonly spans: Span[] = [];

  constructor(readonly text: string) {
    this.masked = text;
  }

  /** True when [start, end) is still unclaimed. */
  free(start: number, end: number): boolean {
    return !this.masked.slice(start, end).includes(FILL);
  }

  claim(start: number, end: number, tag: string | null): void {
    if (end <= start) return;
    this.spans.push({ start, end, tag });
    this.masked = this.masked.slice(0, start) + FILL.repeat(end - start) + this.masked.slice(end);
  }

  /** Run a global regex over the unclaimed text; the callback may claim. */
  each(re: RegExp, fn: (m: RegExpExecArray) => void): void {
    for (const m of [...this.masked.matchAll(re)]) fn(m);
  }

  /** Claim every match (or the part after group 1, when `afterGroup1`) that `keep` accepts. */
  tagAll(
    re: RegExp,
    tag: string | null,
    accept: (m: RegExpExecArray) => boolean = () => true,
    afterGroup1 = false,
  ): void {
    this.each(re, (m) => {
      if (!accept(m)) return;
      const start = m.index + (afterGroup1 ? (m[1]?.length ?? 0) : 0);
      const end = m.index + m[0].length;
      if (this.free(start, end)) this.claim(start, end, tag);
    });
  }
}

/** Digits in a string. */
export const digitCount = (s: string): number => (s.match(/\d/g) ?? []).length;
