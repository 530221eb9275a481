/** Corpus: IBANs (valid check digits, spaced and compact), card numbers with many separators, CVVs, national ids, dates of birth. */
import { groups4, iban, luhn, rng } from './gen';
import type { PiiItem } from './types';

const r = rng(2026);

const IBAN_BBANS: Array<[string, string]> = [
  ['DE', '370400440532013000'],
  ['GB', 'NWBK60161331926819'],
  ['FR', '20041010050500013M02606'],
  ['ES', '21000418450200051332'],
  ['IT', 'X0542811101000000123456'],
  ['NL', 'ABNA0417164300'],
  ['BE', '539007547034'],
  ['CH', '0076201162385295'],
  ['AT', '1904300234573201'],
  ['PL', '109010140000071219812874'],
  ['PT', '000201231234567890154'],
  ['IE', 'AIBK93115212345678'],
  ['SE', '50000000058398257466'],
  ['NO', '86011117947'],
  ['DK', '00400440116243'],
];
const IBANS = IBAN_BBANS.map(([c, b], i) => {
  const v = iban(c, b);
  return i % 3 === 0 ? v : i % 3 === 1 ? groups4(v) : groups4(v, '-');
});

const CARD_NUMBERS = [
  '4111111111111111',
  '5555555555554444',
  '378282246310005',
  '6011111111111117',
  '3530111333300000',
  '30569309025904',
  '4012888888881881',
  '2223003122003222',
  luhn(r, '4', 16),
  luhn(r, '51', 16),
  luhn(r, '6759', 19),
  luhn(r, '36', 14),
];
const SEPARATORS = [' ', '-', '/', '.', '', ' ', '\u00A0', '\u200B'];
const CARDS = [
  ...CARD_NUMBERS.map((n, i) => {
    const sep = SEPARATORS[i % SEPARATORS.length] ?? ' ';
    if (n.length === 15) return `${n.slice(0, 4)}${sep}${n.slice(4, 10)}${sep}${n.slice(10)}`;
    return groups4(n, sep);
  }),
  '4111/1111/1111/1111',
  '4111.1111.1111.1111',
  '4111 - 1111 - 1111 - 1111'.replaceAll(' - ', '-'),
  '５５５５ ５５５５ ５５５５ ４４４４',
  '٤١١١ ١١١١ ١١١١ ١١١١',
  '4000 0000 0000 0002',
  '4000-0566-5566-5556',
  '3714 496353 98431',
];

const CVVS: Array<[string, string]> = [
  ['CVV 123', '123'],
  ['CVC: 4567', '4567'],
  ['security code 321', '321'],
  ['CVV2 987', '987'],
  ['CID 1234', '1234'],
  ['Card verification code: 555', '555'],
  ['cryptogramme visuel : 741', '741'],
  ['CVC2=456', '456'],
  ['cvv: ٣٨٢', '382'],
];

const NATIONAL = [
  'QQ 12 34 56 C',
  'AB123456D',
  'JG 10 37 58 A',
  'ZX-98-76-54-B',
  'ce 12 34 56 a'.toUpperCase(),
  '123-45-6789',
  '078-05-1120',
  '219 09 9999',
  '536-22-1234',
  '457-55-5462',
  '1 85 05 78 006 084 36',
  '2 94 03 2A 123 456 12',
  '185057800608436',
  '65 929 970 489',
  '65929970489',
  '12 345 678 903',
  '12345678Z',
  '87654321-X',
  'X1234567L',
  'Y7654321G',
  '123.456.789-09',
  '987.654.321-00',
  '11.222.333/0001-81',
  '1234 5678 9012',
  '123456789012',
  '2345 6789 0123',
  '111 222 333',
  '046 454 286',
  '123456782',
  'RSSMRA85T10A562S',
  'BNCLCU90A41F205X',
  '850412-1234',
  '131052-308T',
  '19850412-5678',
];

const DOBS: Array<[string, string[]?]> = [
  ['DOB 1985-04-12'],
  ['Date of birth: 12/04/1985'],
  ['born 3 March 1979'],
  ['Geburtsdatum 12.04.1985'],
  ['12.04.1985'],
  ['April 12, 1985'],
  ['1985-04-12'],
  ['19850412'],
  ['née le 12/04/1985'],
  ['04/12/85', ['04/12/85']],
  ['3rd of May 1962'],
  ['Fecha de nacimiento: 07-11-1990'],
  ['DOB: 29 Feb 2012'],
  ['born 2011-06-30'],
  ['Birthday 30.06.2009'],
  ['1 janvier 1970'],
  ['٠٤/١٢/١٩٨٥'],
];

export const FINANCE_ITEMS: PiiItem[] = [
  ...IBANS.map((value): PiiItem => ({ kind: 'iban', value })),
  ...CARDS.map((value): PiiItem => ({ kind: 'card', value })),
  ...CVVS.map(([value, code]): PiiItem => ({ kind: 'cvv', value, frags: [code] })),
  ...NATIONAL.map((value): PiiItem => ({ kind: 'national-id', value })),
  ...DOBS.map(([value, frags]): PiiItem => ({ kind: 'dob', value, ...(frags ? { frags } : {}) })),
];
