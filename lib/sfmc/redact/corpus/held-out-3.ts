/**
 * Third held-out set, written after the detectors had been tuned on the other sets. First (blind) score, 2026-12-03:
 * 0 leaks in every kind but names, names 7/10 (all three misses in the button context, "Message Grace Oduya",
 * "Message Aiko Matsuda", "Message Brendan Fitzgerald": no cue and no known name), addresses 4/4, ordinary strings
 * changed 2/36 ("Victoria Day Offer", "Morgan Stanley Webinar Invite"). Then fixed in general: Mc/Mac/Fitz/O'
 * surnames, pairs of romanised Japanese words, "Day"/"Night" are not surnames. After: names 9/10, ordinary 1/36.
 */
import type { PiiItem } from './types';

const n = (kind: PiiItem['kind'], value: string, frags?: string[]): PiiItem => ({ kind, value, ...(frags ? { frags } : {}) });

export const HELD_OUT_3_PII: PiiItem[] = [
  n('email', 'fernanda.costa@exemplo.com.br'), n('email', 'h.müller@beispiel.ch'), n('email', 'a_nowak@przyklad.pl'),
  n('email', 'thanh.nguyen [at] example [dot] vn', ['thanh', 'nguyen']), n('email', 'info\u200B@shop\u200B.example\u200B.com', ['info@shop']),
  n('email', 'grace.oduya @ example . co . ke', ['oduya']),
  n('phone', '+1 416 555 0172'), n('phone', '416.555.0133'), n('phone', '+44 (0)131 496 0321'), n('phone', '+49 711 2345678'),
  n('phone', '+353 1 234 5678'), n('phone', '+90 212 555 12 34'), n('phone', '+966 50 123 4567'), n('phone', '+234 (0) 802 123 4567'),
  n('phone', '+1-877-SALES-99'), n('phone', '۰۲۱-۸۸۷۷۶۶۵۵'), n('phone', '+48\u200B601\u200B234\u200B567'),
  n('iban', 'BE71 0961 2345 6769'), n('iban', 'AT611904300234573201'), n('iban', 'PT50 0002 0123 1234 5678 9015 4'),
  n('card', '4917 4845 8989 7107'), n('card', '5425-2334-3010-9903'), n('card', '3714 4963 5398 431'),
  n('cvv', 'CVV2: 557', ['557']),
  n('national-id', 'NINO QQ123456C'), n('national-id', '555-12-3456'), n('national-id', '1 78 02 13 055 123 41'),
  n('national-id', '12 345 678 901'), n('national-id', 'X9876543T'), n('national-id', '390.533.447-05'),
  n('dob', 'Date of birth: 1990-02-28'), n('dob', '14/08/1976'), n('dob', 'born March 3, 1983'),
  n('address', '77 Massachusetts Ave, Cambridge, MA 02139', ['Massachusetts', '02139']),
  n('address', '14 Rose Lane, Norwich NR1 3JX', ['Rose Lane', 'NR1 3JX']),
  n('address', 'Königsallee 60, 40212 Düsseldorf', ['Königsallee', '40212']),
  n('address', 'Avenida Paulista 1578, São Paulo', ['Paulista', '1578']),
  n('name', 'Fernanda Costa'), n('name', 'Thanh Nguyen'), n('name', 'Grace Oduya'), n('name', 'Agnieszka Zielińska'),
  n('name', 'Henrik Dahlberg'), n('name', 'Yasmin El-Amin'), n('name', 'Dr. Priyanka Venkataraman', ['Priyanka', 'Venkataraman']),
  n('name', 'Tobias Fischer'), n('name', 'Aiko Matsuda'), n('name', 'Brendan Fitzgerald'),
  n('subscriber-key', 'SK_fernanda_costa_91'), n('subscriber-key', 'MBR-000771245'),
  n('sfid', '0015e00000ZxYwVAAV'), n('sfid', 'AbCdEfGhIjKlMnO'),
  n('guid', 'c9a646d3-9c61-4cb7-bfcd-ee2522c8f633'),
  n('jwt', 'eyJhbGciOiJIUzM4NCJ9. eyJzY29wZSI6ImVtYWlsIn0. dGVzdHNpZ25hdHVyZQ'),
  n('secret', 'client_secret: "x7Rk2Lp9Qv4Tz8Mw"', ['x7Rk2Lp9Qv4Tz8Mw']), n('secret', 'Passcode = 884213', ['884213']),
  n('ip', '10.20.30.40'), n('ip', 'fd12:3456:789a:1::1'),
];

export const HELD_OUT_3_ORDINARY: string[] = [
  'Publish Journey', 'Unpublish', 'Entry Event', 'Exit Criteria Settings', 'Contact Entry Mode', 'Send Flow',
  'Sender Authentication Package', 'Private Domain', 'Reply Mail Management Settings', 'Dynamic Content Rules',
  'LookupRows("Subscribers", "Status", "Active")', 'Platform.Function.ContentBlockByKey', 'SetValue', 'IsEmailAddress',
  'Password: at least one uppercase letter', 'Look at the preview before you send.', 'Learn more at trailhead.salesforce.com',
  'Last modified 02.12.2026 16:20', 'Scheduled for 12/15/2026 9:00 AM', 'Created 2026-11-30 13:45:10', 'Week of Nov 30, 2026',
  'Top 200000 rows', 'Budget 3 250 000 EUR', 'Daily cap 1,000,000 emails', 'Conversion rate 2.75%',
  'Weekly_Digest_20261130', 'Export_Unsubs_20261201_235959', 'Loyalty_Members_Active_2026',
  'Owner: Campaign Team', 'Journey for Returning Customers', 'Created by Data Designer', 'Dear Member',
  'Rose Gold Collection', 'Summer Reading List', 'Victoria Day Offer', 'Morgan Stanley Webinar Invite',
];
