/**
 * Redaction before anything leaves an SFMC page. Scrubbing is the second line of defence: extraction never reads
 * input values or table cells and drops record/preview/secret regions whole (extract.ts). Each detector in
 * `redact/` claims spans of a scanning form of the string (unicode digits, zero-width characters and fullwidth forms
 * normalised); ordinary dates, times, money and counts are claimed as kept first so that no number detector eats
 * them. Only claimed spans change: they become bracketed tags (`[email]`, `[phone]`, …) that no detector matches again;
 * every other character is returned as it was.
 */
import { scanAddresses } from './redact/addresses';
import { scanContacts, scanIps } from './redact/contact';
import { scanAmounts, scanDates } from './redact/dates';
import { scanIds, scanLooseIds } from './redact/ids';
import { scanNames } from './redact/names';
import { normalizeForScan } from './redact/normalize';
import { scanPhones } from './redact/phones';
import { Scan } from './redact/scan';
import { scanSecrets } from './redact/secrets';
import { scanDigits, scanKeys, scanTokens } from './redact/tokens';

/** Tags this module writes; kept as they are when a string is redacted twice. */
const TAG = /\[(?:email|phone|id|ip|card|cvv|iban|national-id|dob|number|secret|token|name|address|embedded)\]/g;

/** Detectors in order: earlier ones win a contested span. */
const STAGES: Array<(scan: Scan) => void> = [
  (scan) => scan.tagAll(TAG, null),
  scanSecrets,
  scanContacts,
  scanIds,
  scanIps,
  scanDates,
  scanKeys,
  scanAmounts,
  scanAddresses,
  scanPhones,
  scanLooseIds,
  scanTokens,
  scanDigits,
  scanNames,
];

/** Scrub personal data and secrets from one string. Idempotent; text that holds none comes back unchanged. */
export function redactText(input: string): string {
  if (!input) return input;
  const norm = normalizeForScan(input);
  const scan = new Scan(norm.text);
  for (const stage of STAGES) stage(scan);
  const cuts = scan.spans.filter((s) => s.tag !== null).sort((a, b) => a.start - b.start);
  if (cuts.length === 0) return input;
  let out = '';
  let at = 0;
  for (const c of cuts) {
    const from = norm.from ? (norm.from[c.start] ?? input.length) : c.start;
    const to = norm.to ? (norm.to[c.end - 1] ?? input.length) : c.end;
    out += `${input.slice(at, from)}[${c.tag}]`;
    at = to;
  }
  return out + input.slice(at);
}

const SECRET_PARAM = /secret|token|key|pass|sig|auth|code|email|phone|mobile|name|user|subscriber|contact|mid|id$/i;

/** A path/route segment that is a word (kept) rather than an id or a value (replaced). */
function isWord(seg: string): boolean {
  if (seg === '') return true;
  if (/^\d{1,4}$/.test(seg)) return true;
  if (!/^[A-Za-z(][A-Za-z0-9 ._():!-]*$/.test(seg)) return false;
  if ((seg.match(/\d/g) ?? []).length > 3 || seg.length > 48) return false;
  return redactText(seg) === seg;
}

function redactRoute(route: string): string {
  return route
    .split(/([/?&=#])/)
    .map((part, i, parts) => {
      if (/^[/?&=#]$/.test(part)) return part;
      // Query-style values after `=`: keep only short plain words for harmless keys.
      if (parts[i - 1] === '=') {
        const key = parts[i - 2] ?? '';
        return !SECRET_PARAM.test(key) && /^(?:[A-Za-z]{1,20}|\d{1,4})$/.test(part) ? part : '[id]';
      }
      return isWord(part) ? part : '[id]';
    })
    .join('');
}

function decodeLoose(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Keep scheme, host and path words; replace ids and values in path, query and hash. Never keeps user:pass@. */
export function redactUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactText(url);
  }
  if (!/^https?:$/.test(u.protocol)) return `${u.protocol}[embedded]`;
  const path = redactRoute(decodeLoose(u.pathname));
  const query = u.search ? redactRoute(decodeLoose(u.search)) : '';
  const hash = u.hash ? redactRoute(decodeLoose(decodeLoose(u.hash))) : '';
  return `${u.protocol}//${u.host}${path}${query}${hash}`;
}
