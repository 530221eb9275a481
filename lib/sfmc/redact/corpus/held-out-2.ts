/**
 * Second held-out set, written after the first one had been scored once and before its misses were fixed. First
 * (blind) score, 2026-12-03: every kind caught except email 4/6 ("(punkt)" for dot; the ".ng" TLD spelled "dot ng")
 * and name 7/8 ("Message Ravi Krishnan": neither name in the lists, no cue); 0/30 ordinary strings changed. The email
 * gaps were fixed in general (dot words in 5 languages, any two-letter TLD). A later, broad extension of the name
 * lists happened to add Ravi and Krishnan, so this set is no longer blind either; held-out-3.ts is.
 */
import type { PiiItem } from './types';

const n = (kind: PiiItem['kind'], value: string, frags?: string[]): PiiItem => ({ kind, value, ...(frags ? { frags } : {}) });

export const HELD_OUT_2_PII: PiiItem[] = [
  n('email', 'sofia.bianchi@posta.example.it'), n('email', 'k.nakamura+jp@example.co.jp'), n('email', 'olaf(at)beispiel(punkt)de', ['olaf', 'beispiel']),
  n('email', 'zoë.hart@example.org'), n('email', 'billing@northern-trail.example'), n('email', 'ngozi dot eze at example dot ng'),
  n('phone', '+1 312-555-0147'), n('phone', '(312) 555 0198'), n('phone', '+44 113 496 0123'), n('phone', '+49 (0)221 9876543'),
  n('phone', '0221 9876543'), n('phone', '+33 (0)4 72 12 34 56'), n('phone', '+31 20 123 4567'), n('phone', '+46 70 123 45 67'),
  n('phone', '+65 9123 4567'), n('phone', '+852 9123 4567'), n('phone', '+62 812-3456-7890'), n('phone', '1-888-SFMC-HELP'),
  n('phone', '+٢٠ ١٠ ٩٨٧٦ ٥٤٣٢'),
  n('iban', 'ES91 2100 0418 4502 0005 1332'), n('iban', 'CH9300762011623852957'), n('iban', 'it60 x054 2811 1010 0000 0123 456'),
  n('card', '4000-0027-6000-3184'), n('card', '5200 8282 8282 8210'), n('card', '3566 0020 2036 0505'),
  n('cvv', 'CVC 818', ['818']),
  n('national-id', 'NI number: PY 45 67 89 B'), n('national-id', 'SSN 609-44-8123'), n('national-id', 'Steuer-ID 86 095 742 719'),
  n('national-id', 'DNI 45678912K'), n('national-id', 'CPF 529.982.247-25'), n('national-id', 'My Number 4567 8901 2345'),
  n('dob', 'DOB: 11/30/1964'), n('dob', 'born on 5 September 1993'), n('dob', 'Geb. 07.03.1958'),
  n('address', '18 Elm Grove, Bristol BS8 2HL', ['Elm Grove', 'BS8 2HL']), n('address', '2200 Mission College Blvd, Santa Clara, CA 95054', ['Mission College', '95054']),
  n('address', 'Bahnhofstrasse 21, 8001 Zürich', ['Bahnhofstrasse', '8001']), n('address', '5 place Bellecour, 69002 Lyon', ['Bellecour', '69002']),
  n('name', 'Sofia Bianchi'), n('name', 'Kaito Nakamura'), n('name', 'Ngozi Eze'), n('name', 'Björn Lindqvist'), n('name', 'Isabella Moretti'),
  n('name', 'Mateo Herrera'), n('name', 'Ms. Adebayo', ['Adebayo']), n('name', 'Ravi Krishnan'),
  n('subscriber-key', 'SK_sofia_bianchi_88'), n('subscriber-key', 'CUST-0045512'),
  n('sfid', '0015e00000Pq7RsAAJ'), n('sfid', 'XkLmNpQrStUvWxY'),
  n('jwt', 'eyJ0eXAiOiJKV1QiLCJhbGciOiJFUzI1NiJ9 . eyJleHAiOjE3MDAwMDAwMDB9 . AbCdEf123'),
  n('secret', 'API Key: 9c1b7e3f5a2d4c6b8e0f', ['9c1b7e3f5a2d4c6b8e0f']), n('secret', 'pwd=Winter2026!', ['Winter2026']),
  n('ip', '192.0.2.33'), n('ip', '2001:db8:1234::1'),
];

export const HELD_OUT_2_ORDINARY: string[] = [
  'Send Throttling', 'Send Window: 8:00 AM – 5:00 PM', 'Per-hour limit 10000', 'Journey Version History', 'Stop Journey',
  'Data Extension Properties', 'Is Sendable', 'Is Testable', 'Retention Setting: Delete individual records after 180 days',
  'LookupRowsCS', 'AttributeValue("FirstName")', 'UpsertContact', 'Platform.Function.InsertData', 'HTTP.Post',
  'Passwords expire every 90 days.', 'Meet us at Connections 2026!', 'Look at the activity log for details.',
  'Created 2026-12-01 09:12', 'Due 12/24/2026', 'Updated 3 minutes ago', '1,000,000 sends this month',
  'Budget 750 000 USD', 'Top 250000 rows', 'Campaign_Holiday_20261215', 'Sendable_Audience_20261130_v2',
  'Owner: Marketing Operations', 'Journey for VIP Customers', 'Created by Automation', 'Contact: Help Desk', 'Dear Customer',
];
