/**
 * Emails (plain, internationalised, `%40`, fullwidth @, and spelled out: `jane(at)example.com`,
 * `jane dot doe at example dot com`), IP addresses and GUIDs. Zero-width characters and fullwidth forms are already
 * gone in the scanning form (normalize.ts).
 */
import type { Scan } from './scan';
import { wordSet } from '../../word-set';

const EMAIL = /[\p{L}\p{N}._%+'!#$&*=?^`{|}~-]+ ?(?:@|%40) ?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
/** "jane @ example . com": a spaced @ also allows spaced dots (a bare "at" does not: "Meet at noon. It works"). */
const EMAIL_SPACED =
  /[\p{L}\p{N}_%+-]+(?:\s*\.\s*[\p{L}\p{N}_%+-]+)*\s*@\s*[\p{L}\p{N}-]+(?:\s*\.\s*[\p{L}\p{N}-]+)*\s*\.\s*\p{L}{2,}\b/gu;
const AT = String.raw`(?:\s*[([{<]\s*(?:at|@)\s*[)\]}>]\s*|\s+at\s+|\s+@\s+)`;
const DOT = String.raw`(?:\s*[([{<]\s*(?:dot|punkt|punto|point|ponto|\.)\s*[)\]}>]\s*|\s+(?:dot|punkt|punto|point|ponto)\s+|\.)`;
const LABEL = String.raw`[\p{L}\p{N}_%+-]+`;
const SPELLED = new RegExp(
  `${LABEL}(?:${DOT}${LABEL})*(${AT})${LABEL}(?:${DOT}${LABEL})*(${DOT})(\\p{L}{2,})\\b`,
  'giu',
);
/** TLDs accepted when the email is spelled with bare words ("… at example dot com"), besides any two-letter country code. */
const COMMON_TLD = wordSet(
  'com org net edu gov io co uk de fr es it nl be ch at se no dk fi ie pt pl br mx ca au nz jp cn in ru za info biz me us eu app dev cloud email',
);

/** Words that precede "at <host>" in sentences. */
const AT_WORD = wordSet(
  'more us me in out it them him her online here there site page docs available found located hosted running live up help support started look login log sign signed find reach contact visit email mail write details info',
);

const GUID = /\{?\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b\}?/g;
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}(?:\/\d{1,2})?(?![\d]|\.\d)/g;
const IPV6 =
  /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?:\/\d{1,3})?(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?(?![\w:])|::1\b/g;

export function scanContacts(scan: Scan): void {
  const text = scan.masked;
  if (text.includes('@') || text.includes('%40')) {
    scan.tagAll(EMAIL, 'email');
    scan.tagAll(EMAIL_SPACED, 'email');
  }
  const spelled =
    /[([{<]\s*(?:at|@)\s*[)\]}>]/i.test(text) ||
    (/\s(?:at|@)\s/i.test(text) && /\s(?:dot|punkt|punto|point|ponto)\s|[\p{L}\p{N}]\.\p{L}{2}/iu.test(text));
  if (spelled)
    scan.tagAll(SPELLED, 'email', (m) => {
      const bracketed = /[([{<]/.test(m[1] ?? '') || /[([{<]/.test(m[2] ?? '');
      const tld = (m[3] ?? '').toLowerCase();
      if (bracketed) return true;
      if (tld.length !== 2 && !COMMON_TLD.has(tld)) return false;
      // "Learn more at help.salesforce.com": a bare "at" after an ordinary word is a sentence, not an address.
      const local = m[0].slice(0, m[0].indexOf(m[1] ?? ''));
      return !AT_WORD.has(local.toLowerCase());
    });
  if (/[0-9a-fA-F]{8}/.test(text)) scan.tagAll(GUID, 'id');
}

const IPV4_MAPPED = /(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,6}(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;

export function scanIps(scan: Scan): void {
  if (!/[\da-fA-F][.:]/.test(scan.masked)) return;
  scan.tagAll(IPV4_MAPPED, 'ip');
  scan.tagAll(IPV4, 'ip');
  scan.tagAll(IPV6, 'ip', (m) => /::|[a-f]/i.test(m[0]) || (m[0].match(/:/g) ?? []).length >= 5);
}
