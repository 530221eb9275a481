/** Deterministic helpers for generating corpus values: a seeded PRNG, valid IBANs and Salesforce ids. */
import { mulberry32 } from '@/worklets/dsp/random';

/** Small seeded PRNG (the project's one mulberry32), so the corpus is the same on every run. */
export const rng = mulberry32;

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

export function randomChars(r: () => number, n: number, alphabet: string): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet.charAt(Math.floor(r() * alphabet.length));
  return s;
}

/** An IBAN with correct check digits for a country and a BBAN. */
export function iban(country: string, bban: string): string {
  const digits = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let mod = 0;
  for (const ch of digits) mod = (mod * 10 + Number(ch)) % 97;
  return `${country}${String(98 - mod).padStart(2, '0')}${bban}`;
}

export const groups4 = (s: string, sep = ' ') => s.replace(/(.{4})(?=.)/g, `$1${sep}`);

/** A Salesforce 18-char id from a 15-char one: one checksum letter per 5 chars, bit i set when char i is upper case. */
export function sfId18(id15: string): string {
  const map = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let out = id15;
  for (let c = 0; c < 3; c++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (/[A-Z]/.test(id15.charAt(c * 5 + i))) bits |= 1 << i;
    out += map.charAt(bits);
  }
  return out;
}

/** Luhn-valid card number of `length` digits starting with `prefix`. */
export function luhn(r: () => number, prefix: string, length: number): string {
  let body = prefix;
  while (body.length < length - 1) body += String(Math.floor(r() * 10));
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body.charAt(body.length - 1 - i));
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return body + String((10 - (sum % 10)) % 10);
}
