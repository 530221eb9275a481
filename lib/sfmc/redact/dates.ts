/**
 * Dates, clock times, money and counts. Ordinary ones are claimed as kept, so no phone or number detector can eat
 * "24.11.2026 10:45", "Budget 1 500 000 EUR" or "Top 100000 rows". Dates of birth are redacted: a date after a
 * birth cue ("DOB", "born", "Geburtsdatum", …) or any full date before 2010 (marketing UI dates are recent; an old
 * full date on an SFMC page is most likely someone's birthday).
 */
import type { Scan } from './scan';

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\\.?';

/** Full dates; the year is the named group `y`. */
const DATES = [
  /(?<![\d.])(?<y>(?:19|20)\d{2})[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])(?![\d])/g,
  /(?<![\d.])(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|[12]\d|3[01])[-/.](?<y>(?:19|20)?\d{2})(?![\d]|\.\d)/g,
  new RegExp(
    `(?<![\\d])(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\.?\\s+(?:of\\s+)?${MONTH}\\s+(?<y>(?:19|20)\\d{2})(?!\\d)`,
    'giu',
  ),
  new RegExp(`\\b${MONTH}\\s+(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?,?\\s+(?<y>(?:19|20)\\d{2})(?!\\d)`, 'giu'),
  // Compact YYYYMMDD, also inside identifiers (Master_Subscriber_Table_20261124).
  /(?<!\d)(?<y>(?:19|20)\d{2})(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d)/g,
];

const BIRTH_CUE =
  /(?:\bdob\b|d\.o\.b|birth|born|\bnée?\b|geboren|geburts|naissance|nacimiento|nascimento|nascita|født|född|urodzon|生年月日|誕生日)[^\n]{0,24}$/iu;

const TIMES = [
  /(?<![\w:.])\d{1,2}(?::[0-5]\d){1,3}(?:[.,]\d{1,3})?(?:\s?[AaPp]\.?[Mm]\.?)?(?![\w:])/g,
  /(?<![\d:])(?:[01]\d|2[0-3])h[0-5]\d\b/g,
  // HHMMSS right after a compact date: 20261124_104500
  /(?<=[\d\uE000]{8}[_T-]?)(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?!\d)/g,
];

const CURRENCY = '(?:[$€£¥₹₩₽]|\\b(?:EUR|USD|GBP|JPY|CHF|AUD|CAD|INR|BRL|MXN|SEK|NOK|DKK|PLN|ZAR|CNY|NZD|SGD|HKD)\\b)';
const AMOUNT = "\\d{1,3}(?:[ ,.'’ ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";
const MONEY = new RegExp(
  `${CURRENCY}\\s?(?:${AMOUNT})(?:\\s?(?:k|m|bn|million|mio|billion))?\\b|(?<![\\d.,])(?:${AMOUNT})\\s?(?:k|m|bn|million|mio|billion)?\\s?${CURRENCY}`,
  'giu',
);
const PERCENT = /(?<![\d.,])\d+(?:[.,]\d+)?\s?%/g;
/** Counts: round numbers (100000, 1 000 000) and thousands-grouped numbers followed by a unit word. */
const ROUND = /(?<![\d.,+]|\d[ ./-])[1-9]\d{0,2}(?:(?:[ ,.' ]?000)+)(?![\d]|[ ./-]\d)/g;
const COUNT_UNIT =
  /(?<![\d.,])\d{1,3}(?:[ ,.' ]\d{3})+(?=\s?(?:rows?|records?|subscribers?|contacts?|emails?|sends?|opens?|clicks?|messages?|items?|results?|users?|people|members|bytes|[kmg]b|characters?|chars|views|visits|impressions|bounces|unsubscribes|entries|journeys|times)\b)/gi;

function yearOf(y: string | undefined): number {
  if (!y) return 2026;
  const n = Number(y);
  return y.length === 2 ? (n > 40 ? 1900 + n : 2000 + n) : n;
}

export function scanDates(scan: Scan): void {
  if (!/\d/.test(scan.masked)) return;
  const text = scan.masked;
  const hints = [
    /\d{4}[-/.]\d/.test(text),
    /\d[-/.]\d{1,2}[-/.]\d{2}/.test(text),
    /\d{4}/.test(text),
    /\d{4}/.test(text),
    /\d{8}/.test(text),
  ];
  DATES.forEach((re, i) => {
    if (!hints[i]) return;
    scan.each(re, (m) => {
      const start = m.index;
      const end = start + m[0].length;
      if (!scan.free(start, end)) return;
      const cue = BIRTH_CUE.test(scan.text.slice(Math.max(0, start - 40), start));
      scan.claim(start, end, cue || yearOf(m.groups?.y) < 2010 ? 'dob' : null);
    });
  });
  if (/\d[:h]\d|\d{6}/.test(scan.masked)) for (const re of TIMES) scan.tagAll(re, null);
}

const CURRENCY_HINT = new RegExp(CURRENCY, 'u');

export function scanAmounts(scan: Scan): void {
  const text = scan.masked;
  if (!/\d/.test(text)) return;
  if (CURRENCY_HINT.test(text)) scan.tagAll(MONEY, null);
  if (text.includes('%')) scan.tagAll(PERCENT, null);
  if (!/\d{4}|\d[ ,.' ]\d{3}/.test(text)) return;
  scan.tagAll(COUNT_UNIT, null);
  // Only long ones need protecting: shorter numbers are never redacted.
  scan.tagAll(ROUND, null, (m) => (m[0].match(/\d/g) ?? []).length >= 6);
}
