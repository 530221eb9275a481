/** Corpus: Salesforce ids (15/18, with and without digits), GUIDs, JWTs (also spaced and split), API keys and `key: value` secrets. */
import { randomChars, rng, sfId18 } from './gen';
import type { PiiItem } from './types';

const r = rng(1985);
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const PREFIXES = ['003', '00Q', '001', '005', 'a0B', '006', '701', '00T'];
const SF_IDS = [
  '0035g00000XyZabAAB',
  '0035g00000Qm3Tz',
  '00Q5g000004FjXlEAK',
  '001Dn00000AbCdE',
  ...PREFIXES.map((p, i) => {
    const id15 = p + randomChars(r, 12, ALNUM);
    return i % 2 === 0 ? sfId18(id15) : id15;
  }),
  // All-letter ids: as real as any other (key prefixes and bodies can be letters only).
  ...Array.from({ length: 8 }, (_, i) => {
    const id15 = randomChars(r, 15, LETTERS);
    return i % 2 === 0 ? sfId18(id15) : id15;
  }),
];

const GUIDS = [
  '3f2a9c1e-8b7d-4e21-9a55-6c0d2b1f7e43',
  '7C9E6679-7425-40DE-944B-E07FC1F90AE7',
  '6a1f0d2c44b3e911a2ce1402ec8f9a11',
  '{8d2c41f0-5b7e-4a3c-9e61-2f0b7d9c3a58}',
  'b1e6f9a2-0c3d-4e5f-8a7b-9c0d1e2f3a4b',
  '00000000-0000-4000-8000-0000000000ab',
  'e3b0c442-98fc-1c14-9afb-f4c8996fb924',
  'ABCDEF01-2345-6789-ABCD-EF0123456789',
];

const JWT_H = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const JWT_P = 'eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUifQ';
const JWT_S = 'SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
const JWTS = [
  `${JWT_H}.${JWT_P}.${JWT_S}`,
  `${JWT_H} . ${JWT_P} . ${JWT_S}`,
  `${JWT_H}. ${JWT_P}. ${JWT_S}`,
  `${JWT_H}\n.${JWT_P}\n.${JWT_S}`,
  `eyJraWQiOiIxIiwidmVyIjoiMSJ9.eyJhdWQiOiJtYyJ9.c2lnbmF0dXJlX3ZhbHVlX2hlcmU`,
  `${JWT_P}`,
  `Bearer ${JWT_H}.${JWT_P}.${JWT_S}`,
  `eyJhbGciOiJub25lIn0.eyJ1c2VyIjoiamFuZSJ9.`,
];

const SECRETS: Array<[string, string[]?]> = [
  ['client_secret=Qm7Rk2Xv9Lp4Tz8Nw3Jb6Hc1dF5gS0aE'],
  ['clientSecret: "hunter2-Kx8"', ['hunter2']],
  ['api_key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY'],
  ['access_token=abc.def.ghi123', ['ghi123']],
  ['refresh_token: 1//0gLd8vQ2x', ['0gLd8vQ2x']],
  ['password=P@ssw0rd!', ['ssw0rd']],
  ['Password: correcthorse', ['correcthorse']],
  ['secretword: swordfish', ['swordfish']],
  ['passphrase = "blue-monkey-42"', ['monkey']],
  ['PIN: 4821', ['4821']],
  ['x-api-key: 3f9a7c21b8d44e0f9a1c', ['3f9a7c21b8d44e0f9a1c']],
  ['Authorization: Basic dXNlcjpwYXNzd29yZDEyMw=='],
  ['Bearer 7Gh2kLm9Qp4Rs8Tv1Wx3Yz6Ab5Cd0Ef'],
  ['AKIAIOSFODNN7EXAMPLE'],
  ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
  ['sk_live_51Hx2kLmNoPqRsTuVwXyZ0123'],
  ['ghp_16C7e42F292c6912E7710c838347Ae178B4a'],
  ['xoxb-2048-4096-AbCdEfGhIjKl', ['AbCdEfGhIjKl']],
  ['"client_id": "4x9tq2m8v1r7k3p6s0w5z8y2"'],
  ['SECRET_KEY=django-insecure-8f3k2j9x', ['8f3k2j9x']],
  ['Passwort: Sonnenblume7', ['Sonnenblume7']],
  ['mot de passe : soleil2026', ['soleil2026']],
  ['otp=482913', ['482913']],
  ['Verification code: 739201', ['739201']],
  ['token: QmRkXvLpTzNwJbHcFgSaEy', ['QmRkXvLpTzNwJbHcFgSaEy']],
];

export const KEY_ITEMS: PiiItem[] = [
  ...SF_IDS.map((value): PiiItem => ({ kind: 'sfid', value })),
  ...GUIDS.map((value): PiiItem => ({ kind: 'guid', value })),
  ...JWTS.map((value): PiiItem => ({ kind: 'jwt', value })),
  ...SECRETS.map(([value, frags]): PiiItem => ({ kind: 'secret', value, ...(frags ? { frags } : {}) })),
];
