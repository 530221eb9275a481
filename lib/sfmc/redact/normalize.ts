/**
 * Scanning form of a string: per code point NFKC, zero-width and bidi marks removed, every Unicode decimal digit
 * (Arabic-Indic, Devanagari, fullwidth, …) mapped to ASCII, dashes and odd spaces unified. Keeps a map back to the
 * original offsets so that redaction can replace only what it found and leave every other character as it was.
 */

/** Invisible marks, and U+E000: the scanner's own filler must not come from the page. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uE000]/u;
const DASH = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/u;
const DIGIT = /\p{Nd}/u;

const digitCache = new Map<number, string>();

/** ASCII value of a decimal digit: Unicode puts every Nd digit in a run of ten, starting at zero. */
function asciiDigit(cp: number): string {
  const hit = digitCache.get(cp);
  if (hit !== undefined) return hit;
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  const value = String((cp - start) % 10);
  digitCache.set(cp, value);
  return value;
}

function scanForm(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  let n = ch.normalize('NFKC');
  if (DASH.test(n)) return '-';
  if (/^\s$/u.test(n)) return n === '\n' || n === '\t' ? n : ' ';
  if (n.length === 1 && n > '\x7f' && DIGIT.test(n)) n = asciiDigit(n.codePointAt(0) ?? 0);
  return n;
}

export interface Normalized {
  /** The scanning form. */
  text: string;
  /** For each index of `text`, the original offset where its code point starts; null when `text` is the input. */
  from: number[] | null;
  /** For each index of `text`, the original offset just after its code point; null when `text` is the input. */
  to: number[] | null;
}

export function normalizeForScan(input: string): Normalized {
  // Fast path: plain ASCII without control characters scans as itself.
  if (/^[\x20-\x7e\n\t]*$/.test(input)) return { text: input, from: null, to: null };
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of input) {
    const n = scanForm(ch);
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    text += n;
    i += ch.length;
  }
  return { text, from, to };
}
