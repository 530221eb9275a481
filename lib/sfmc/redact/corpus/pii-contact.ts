/** Corpus: emails (plain, internationalised, zero-width, fullwidth, spelled out), phone numbers in many national formats, IPs. */
import type { PiiItem } from './types';

const EMAILS = [
  'maria.gonzalez@example.net',
  'liam.oconnor+promo@example.org',
  'j.doe@sub.example.co.uk',
  'ALLCAPS.USER@EXAMPLE.COM',
  "o'brien@example.ie",
  'first_last-99@mail-server.example.travel',
  'priya.raman@northerntrail.example',
  'support-desk.team_lead@shop.example.com.au',
  'josé.garcía@ejemplo.es',
  'jürgen.müller@beispiel.de',
  'δοκιμή@παράδειγμα.ελ',
  'пользователь@пример.рф',
  '用户名@例子.公司',
  'jane\u200B.doe@example.com',
  'rohan.mehta@exa\u200Cmple.com',
  'tomasz\u2060@example.org',
  'ines\uFEFF.costa@example.pt',
  'samu\u00ADel.okafor@example.com',
  'ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ',
  'kenji.sato＠example.jp',
  'maria%40example.net',
  'jane(at)example.com',
  'lucia [at] example [dot] com',
  'jane dot doe at example dot com',
  'tom{at}example{dot}org',
  'kofi.mensah (at) example (dot) co (dot) uk',
  'ana at example dot pt',
  'j.smith AT example DOT com',
  'lena<at>beispiel<dot>de',
  'mike @ example.com',
  'nia(@)example.com',
  'chen.wei @example.cn',
];

const PHONES = [
  '+1 (415) 555-0199', '(415) 555-0132', '415-555-0142', '415.555.0188', '+1-202-555-0143', '1 (800) 555-0100 ext. 42',
  '+44 20 7946 0958', '+44 (0)20 7946 0958', '07700 900123', '020 7946 0958', '0044 161 496 0754',
  '+49 30 901820', '+49 151 23456789', '030 12345678', '0151/23456789', '+49 (0) 89 1234 5678',
  '+33 6 12 34 56 78', '01 23 45 67 89', '06.12.34.56.78',
  '+34 612 345 678', '912 345 678', '+39 02 1234 5678', '333 123 4567', '+31 6 12345678', '020-123 4567',
  '+32 470 12 34 56', '+41 44 668 18 00', '+43 1 5356411', '+46 8 123 456 78', '+47 912 34 567', '+45 32 12 34 56',
  '+48 512 345 678', '+351 912 345 678', '+353 87 123 4567',
  '+55 11 91234-5678', '(11) 91234-5678', '+52 55 1234 5678', '+54 9 11 1234-5678',
  '+91 98765 43210', '098765 43210', '+86 138 0013 8000', '+81 90-1234-5678', '03-1234-5678', '+82 10-1234-5678',
  '+61 4 1234 5678', '(02) 9876 5432', '+64 21 123 4567', '+27 82 123 4567', '+234 803 555 0147', '+254 712 345678',
  '+20 10 1234 5678', '+971 50 123 4567', '+90 532 123 45 67', '+7 912 345-67-89',
  '1-800-FLOWERS', '1-800-GOT-JUNK', '+1 888 CALL NOW', '1 (877) ASK-MEGA',
  '+٤٤ ٢٠ ٧٩٤٦ ٠٩٥٨', '۰۹۱۲ ۳۴۵ ۶۷۸۹', '+९१ ९८७६५ ४३२१०', '＋４４ ２０ ７９４６ ０９５８',
  '+44\u200B20\u200B7946\u200B0958', '415\u200C555\u200C0199', '+33\u20606\u206012\u206034\u206056\u206078',
];

const IPS = [
  '192.168.10.24', '10.0.0.1', '203.0.113.77', '172.16.254.1', '8.8.4.4', '100.64.12.7', '198.51.100.14/32',
  '2001:db8:85a3::8a2e:370:7334', 'fe80::1ff:fe23:4567:890a', '2001:0:0:0:0:0:0:1', '::ffff:192.0.2.128', '2001:db8::/32',
];

export const CONTACT_ITEMS: PiiItem[] = [
  ...EMAILS.map((value): PiiItem => ({ kind: 'email', value })),
  ...PHONES.map((value): PiiItem => ({ kind: 'phone', value })),
  ...IPS.map((value): PiiItem => ({ kind: 'ip', value })),
];
