/**
 * Phone numbers. libphonenumber-js (Google's libphonenumber metadata, min build) finds international numbers without
 * a default country and national numbers for a few default countries, with each country's real number lengths and
 * prefixes — far fewer misses and false hits than a digit-shape regex. Vanity numbers (`1-800-FLOWERS`) and numbers
 * after a phone label ("Mobile: …") are found here too; anything longer left over is caught by scanDigits.
 */
import { findNumbers, type CountryCode } from 'libphonenumber-js/min';
import type { Scan } from './scan';
import { digitCount } from './scan';

/**
 * No default country finds every international (+…/00…) number; US and GB add the commonest national formats. More
 * defaults cost ~10 µs each per string with digits and found nothing more on the corpus: national numbers of 9+ digits
 * are caught by scanDigits anyway (DE's min metadata would also accept almost any digit run).
 */
const DEFAULTS: Array<CountryCode | undefined> = [undefined, 'US', 'GB'];

/** North American vanity numbers: toll-free area code (or a +1/1- lead), then 7–10 letters and digits, 3+ letters. */
const VANITY =
  /(?<![\w])(?:(?:\+?1[ .-]?)?\(?8(?:00|33|44|55|66|77|88)\)?|\+?1[ .-]?\(?[2-9]\d{2}\)?)[ .-]?[A-Z0-9](?:[ .-]?[A-Z0-9]){6,9}(?![\w])/g;
const CUE =
  /(\b(?:tel|phone|mobile|mob|cell|fax|call|whatsapp|sms|text|téléphone|tél|telefon|telefono|teléfono|handy|móvil|celular|portable|contact number)\b\.?\s*(?:no\.?|number|nr\.?|#)?\s*[:.]?\s*)(\+?[\d(][\d ()./-]{4,}\d)/giu;

/** A digit-rich window that may hold a phone number: optional +/00, then digits with phone punctuation, ≤ 36 chars. */
const WINDOW = /(?:\+ ?)?[\d(][\d ()./-]{5,33}\d/g;
const EXTENSION = /^,?\s?(?:x|ext\.?|extension|#)\s?\d{1,6}\b/i;
/** libphonenumber costs 0.2–3 ms a call: at most this many windows per string, the rest falls to scanDigits. */
const MAX_WINDOWS = 8;

export function scanPhones(scan: Scan): void {
  scan.tagAll(VANITY, 'phone', (m) => (m[0].match(/[A-Z]/g) ?? []).length >= 3);
  scan.tagAll(CUE, 'phone', (m) => digitCount(m[2] ?? '') >= 6, true);
  // libphonenumber sees only short digit-rich windows: its cost grows fast with text length (5,000 chars of
  // "1 1 1 …" took 0.6 s whole); a number split across two windows is still caught by scanDigits.
  let budget = MAX_WINDOWS;
  for (const w of [...scan.masked.matchAll(WINDOW)]) {
    const groups = (w[0].match(/\d+/g) ?? []).length;
    const digits = digitCount(w[0]);
    // Phone-shaped only: 7–15 digits in at most 8 groups ("1 1 1 1 1 1 1" is not a number anyone dials).
    if (digits < 7 || digits > 15 || groups > 8 || digits / groups < 1.6 || budget-- <= 0) continue;
    // "0044 …" is "+44 …" to the parser; same length, so offsets stay put.
    const text = w[0].replace(/^00(?=[1-9])/, ' +');
    for (const country of DEFAULTS) {
      for (const hit of findNumbers(text, { defaultCountry: country, v2: true })) {
        // The "+" stands for the second 0 of "00": take the first one too.
        const from = text.slice(hit.startsAt - 1, hit.startsAt + 1) === ' +' ? hit.startsAt - 1 : hit.startsAt;
        const start = w.index + from;
        const end = w.index + hit.endsAt;
        if (scan.free(start, end))
          scan.claim(start, end + (EXTENSION.exec(scan.masked.slice(end))?.[0].length ?? 0), 'phone');
      }
    }
  }
}
