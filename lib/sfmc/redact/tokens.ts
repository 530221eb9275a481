/**
 * Opaque identifiers: Salesforce ids (15/18 chars, also all-letter ones, 18-char checksum verified), hex ids,
 * subscriber keys (`SK_jane_doe_1985`, `SUB-00482913`, `jane.doe.85`), random-looking keys, long digit runs and
 * grouped digit sequences (tax ids, account numbers). CamelCase names made of words (`BuildRowsetFromString`,
 * `DataExtensionRowCount`) and DE names with date suffixes are not ids.
 */
import type { Scan } from './scan';
import { digitCount } from './scan';
import { isGivenName } from './names-data';

const SF_ID = /\b[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\b/g;
const HEX_ID = /\b[0-9a-fA-F]{16,}\b/g;
const RANDOM = /(?<![\w+=-])[A-Za-z0-9][A-Za-z0-9_+/=-]{15,}(?![\w/+=-])/g;
const KEY_PREFIX =
  /(?<![\w@.-])(?:(SK|SUB|SUBKEY|CUST|CUS|CID|CK|CKEY|CNT|MBR|MEM|LOY|USR|UID|ACCT|PID|SID|CRM)|(subscriber|contact|customer|member|person|lead|user))[_.:#-]([A-Za-z0-9_.-]*[A-Za-z0-9])/gi;
const SEPARATED = /(?<![\w@.-])[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)+(?![\w@-]|\.\w)/g;
const GLUED = /(?<![\w@.-])[a-z]{3,}\d{2,}(?![\w@-])/g;
const KEY_CUE = /(\b(?:subscriber|contact|customer|member)[ _]?(?:key|id)\s*[:=#]\s*)([^\s,;<>\uE000]+)/gi;
const DIGITS = /(?<!\d)\d{6,}(?!\d)/g;
const GROUPED = /(?<![\w.,+])(\+)?(?:\(\d{1,5}\)[ .-]?)?\d{1,8}(?:(?:[ ./-]|\s?-\s?)\d{1,8}){1,6}(?![\w]|[.,]\d)/g;

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** An identifier made of words: `BuildRowsetFromString`, `Welcome_Series`, `HTTPS`. */
function wordy(part: string): boolean {
  if (/\d/.test(part)) return false;
  const pieces = part.match(/[A-Z]{2,}(?![a-z])|[A-Z]?[a-z]+/g) ?? [];
  if (pieces.join('').length !== part.length || pieces.length === 0) return false;
  const ok = pieces.every((p) => (p.length >= 2 && /[aeiouy]/i.test(p)) || (p.length <= 5 && p === p.toUpperCase()));
  return ok && part.length / pieces.length >= 3.5;
}

/** A random-looking part: scattered digits, dense case changes, or an upper-case key id with digits. */
function randomPart(part: string): boolean {
  if (part.length < 12 || wordy(part)) return false;
  const digits = count(part, /\d/g);
  const lower = count(part, /[a-z]/g);
  let changes = 0;
  const cls = (c: string) => (/\d/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : 2);
  for (let i = 1; i < part.length; i++) if (cls(part.charAt(i)) !== cls(part.charAt(i - 1))) changes++;
  return count(part, /\d+/g) >= 3 || changes / part.length >= 0.3 || (digits >= 1 && lower === 0 && part.length >= 16);
}

const looksRandom = (s: string) => s.split(/[_+/=.-]+/).some(randomPart);

const SF_CHECK = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
function sfChecksumOk(id: string): boolean {
  let out = '';
  for (let c = 0; c < 3; c++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id.charAt(c * 5 + i))) bits |= 1 << i;
    out += SF_CHECK.charAt(bits);
  }
  return id.slice(15) === out;
}

function sfId(m: string): boolean {
  if (m.length === 18 && sfChecksumOk(m)) return true;
  const digits = digitCount(m);
  if (digits >= 2 || (/^0/.test(m) && digits >= 2)) return true;
  return digits === 0 && /[a-z]/.test(m) && /[A-Z]/.test(m) && !wordy(m) && randomPart(m);
}

/** A key segment that names a person. */
const hasName = (rest: string) =>
  rest.split(/[^A-Za-z]+|(?<=[a-z])(?=[A-Z])/).some((seg) => seg.length >= 3 && isGivenName(seg, true));

/** A field reference (`SubscriberKey`, `m.SubscriberKey`) rather than a key value. */
const fieldName = (v: string) => {
  const last = v.split('.').pop() ?? v;
  return wordy(last) && !hasName(last);
};

/** Subscriber keys: run before phones and numbers, which would otherwise take their digits and leave the prefix. */
export function scanKeys(scan: Scan): void {
  const text = scan.masked;
  if (!/[_.:#-]|[a-z]\d\d/.test(text)) return;
  scan.tagAll(KEY_CUE, 'id', (m) => !/^\[[a-z-]+\]$/.test(m[2] ?? '') && !fieldName(m[2] ?? ''), true);
  scan.tagAll(KEY_PREFIX, 'id', (m) => {
    const rest = m[3] ?? '';
    return m[1] ? /\d/.test(rest) || hasName(rest) : /\d{5,}/.test(rest) || hasName(rest);
  });
  scan.tagAll(SEPARATED, 'id', (m) => {
    const segs = m[0].split(/[._-]/);
    const named = segs.some((s) => /^[a-z]+$/i.test(s) && isGivenName(s, true));
    return named && (/\d/.test(m[0]) || segs.filter((s) => /^[a-z]+$/.test(s)).length >= 2);
  });
  scan.tagAll(GLUED, 'id', (m) => {
    const letters = m[0].replace(/\d+$/, '');
    for (let n = 3; n <= letters.length; n++) if (isGivenName(letters.slice(0, n), true)) return true;
    return false;
  });
}

export function scanTokens(scan: Scan): void {
  if (!/[A-Za-z0-9_+/=-]{15}/.test(scan.masked)) return;
  scan.tagAll(SF_ID, 'id', (m) => sfId(m[0]));
  scan.tagAll(HEX_ID, 'id', (m) => digitCount(m[0]) >= 3);
  scan.tagAll(RANDOM, 'secret', (m) => looksRandom(m[0]));
}

/** Numbers left after dates, money, phones and ids: long runs and long grouped sequences. */
export function scanDigits(scan: Scan): void {
  if (!/\d/.test(scan.masked)) return;
  // "+44 7700 900456": a plus and 7+ digits is a phone even where libphonenumber's metadata disagrees.
  scan.each(GROUPED, (m) => {
    const plus = Boolean(m[1]);
    if (digitCount(m[0]) < (plus || m[0].includes('(') ? 7 : 9)) return;
    if (scan.free(m.index, m.index + m[0].length))
      scan.claim(m.index, m.index + m[0].length, plus ? 'phone' : 'number');
  });
  scan.tagAll(DIGITS, 'number');
}
