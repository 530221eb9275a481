/**
 * Bank, card and national identity numbers: IBAN (spaced or not), payment cards with any separator, CVV/CVC after
 * its label, UK NINO, US SSN, French NIR (INSEE), Spanish DNI/NIE, Italian codice fiscale, Brazilian CPF/CNPJ.
 * Shapes are strict enough to leave ordinary UI text alone; checksums are not required (a mistyped IBAN is still
 * someone's IBAN).
 */
import type { Scan } from './scan';
import { digitCount } from './scan';

const IBAN =
  /\b(?:AD|AE|AL|AT|AZ|BA|BE|BG|BH|BR|CH|CR|CY|CZ|DE|DK|DO|EE|EG|ES|FI|FO|FR|GB|GE|GI|GL|GR|GT|HR|HU|IE|IL|IQ|IS|IT|JO|KW|KZ|LB|LC|LI|LT|LU|LV|MC|MD|ME|MK|MR|MT|MU|NL|NO|PK|PL|PS|PT|QA|RO|RS|SA|SC|SE|SI|SK|SM|TL|TN|TR|UA|VA|VG|XK)\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,3})?\b/gi;
const CARD = /(?<![\w./-])\d{4}(?:([ ./-]?)\d{4}\1\d{4}\1\d{1,7}|([ ./-]?)\d{6}\2\d{4,5})(?![\w]|[./-]\d)/g;
const CVV =
  /(\b(?:cvv2?|cvc2?|cvn|csc|cid|security code|card verification (?:code|value|number)|kartenprüfnummer|cryptogramme(?: visuel)?|código de seguridad)\b\W{0,4}(?:is\s+|was\s+|:\s*)?)(\d{3,4})\b/giu;
const NATIONAL = [
  // UK National Insurance number (any two letters: test prefixes such as QQ are real-world data too)
  /\b[A-Z]{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?[A-D]\b/g,
  // French NIR: sex, year, month, department (2A/2B), commune, order, key
  /(?<![\d])[12][ .]?\d{2}[ .]?(?:0[1-9]|1[0-2]|[2-9]\d)[ .]?(?:\d{2}|2[AB])[ .]?\d{3}[ .]?\d{3}(?:[ .]?\d{2})?(?![\d])/g,
  // Spanish DNI / NIE
  /\b[XYZ]?\d{7,8}[- ]?[A-HJ-NP-TV-Z]\b/g,
  // Nordic personal numbers: (YY)YYMMDD-NNNN, Finnish DDMMYY-NNNC
  /(?<![\d])(?:\d{2})?\d{6}[-+A]\d{3}[\dA-Z](?![\w])/g,
  // Italian codice fiscale
  /\b[A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z]\b/gi,
  // Brazilian CPF and CNPJ
  /(?<![\d])\d{3}\.\d{3}\.\d{3}[-.]\d{2}(?![\d])/g,
  /(?<![\d])\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}(?![\d])/g,
];
/** Shapes that phone numbers share: matched only after the phone detector had its turn. */
const LOOSE = [
  // US SSN / ITIN
  /(?<![\d+-]|\d )\d{3}[- ]\d{2}[- ]\d{4}(?![\d-]| \d)/g,
  // Dutch BSN / Canadian SIN / Japanese My Number / Aadhaar, when grouped: 3-3-3 or 4-4-4
  /(?<![\d.,+]|\d )\d{3}[ -]\d{3}[ -]\d{3}(?![\d]|[.,]\d| \d)/g,
  /(?<![\d.,+]|\d )\d{4}[ -]\d{4}[ -]\d{4}(?![\d]|[.,]\d| \d)/g,
];

const CVV_HINT = /cvv|cvc|cvn|csc|cid|security code|card verification|kartenpr|cryptogramme|código/i;

export function scanIds(scan: Scan): void {
  const digits = digitCount(scan.masked);
  if (digits < 3) return;
  if (digits >= 8) scan.tagAll(IBAN, 'iban', (m) => digitCount(m[0]) >= 8);
  if (digits >= 13) scan.tagAll(CARD, 'card', (m) => digitCount(m[0]) >= 13);
  if (CVV_HINT.test(scan.masked)) scan.tagAll(CVV, 'cvv', () => true, true);
  if (digits >= 6) for (const re of NATIONAL) scan.tagAll(re, 'national-id');
}

export function scanLooseIds(scan: Scan): void {
  if (digitCount(scan.masked) < 9) return;
  for (const re of LOOSE) scan.tagAll(re, 'national-id');
}
