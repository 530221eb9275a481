/**
 * Redaction before anything leaves an SFMC page. Regex scrubbing is the second line of defence: extraction never reads
 * input values or table cells and drops record/preview/secret regions whole (extract.ts). Replacements are bracketed
 * tags (`[email]`, `[phone]`, …) that none of the patterns match again.
 */

const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
const AUTH_HEADER = /\b(Bearer|Basic|Token)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
const KEY_VALUE =
  /\b(client[_ -]?secret|client[_ -]?id|api[_ -]?key|apikey|access[_ -]?token|refresh[_ -]?token|auth[_ -]?token|id[_ -]?token|password|passwd|pwd|secret|token|signature|sig|x-api-key|authorization)(["']?\s*[:=]\s*["']?)(?!\[)[^\s"'&,;<>]+/gi;
const EMAIL = /[A-Za-z0-9._%+'!#$&*=?^`{|}~-]+(?:@|%40|＠)[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const EMAIL_OBFUSCATED = /\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}|\sat\s)\s*[\w-]+(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s|\.)\s*[\w-]+)*\s*(?:\(dot\)|\[dot\]|\{dot\}|\sdot\s)\s*[a-z]{2,}\b/gi;
const GUID = /\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1?\d?\d)(?:\.(?:25[0-5]|2[0-4]\d|1?\d?\d)){3}\b/g;
const IPV6 = /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?:\/\d{1,3})?(?![\w:])|(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}(?::[0-9a-fA-F]{1,4}){0,5})?(?![\w:])|::1\b/g;
const CARD = /(?<![\w])\d(?:[ -]?\d){12,18}(?![\w])/g;
const PHONE =
  /(?<![\w.+])(?:\+\s?|\b00)?(?:\(\d{1,5}\)[\s.-]?)?\d[\d\s.()\u2010-\u2015-]{4,}\d(?:\s?(?:x|ext\.?|#)\s?\d{1,6})?(?![\w])/g;
const SF_ID = /\b[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?\b/g;
const HEX_ID = /\b[0-9a-fA-F]{16,}\b/g;
const RANDOM = /(?<![\w/+=-])[A-Za-z0-9_+/=-]{20,}(?![\w/+=-])/g;
const DIGITS = /\d{6,}/g;

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

/** A random-looking part: scattered digits, dense case changes, or an upper-case key id with digits. */
function randomPart(part: string): boolean {
  if (part.length < 12) return false;
  const digits = count(part, /\d/g);
  const lower = count(part, /[a-z]/g);
  const digitGroups = count(part, /\d+/g);
  let changes = 0;
  const cls = (c: string) => (/\d/.test(c) ? 0 : /[A-Z]/.test(c) ? 1 : 2);
  for (let i = 1; i < part.length; i++) if (cls(part.charAt(i)) !== cls(part.charAt(i - 1))) changes++;
  return digitGroups >= 3 || changes / part.length >= 0.3 || (digits >= 1 && lower === 0 && part.length >= 16);
}

/** Long tokens (keys, secrets, tenant subdomains) vs. identifiers made of words (`Active_Subscribers_30d`). */
function looksRandom(s: string): boolean {
  return s.split(/[_+/=.-]+/).some(randomPart);
}

function phoneLike(m: string): boolean {
  const digits = count(m, /\d/g);
  if (digits < 7) return false;
  const t = m.trim();
  // ISO dates/times and dotted versions are not phones.
  if (/^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}[:.]\d{2})?$/.test(t)) return false;
  if (/^\d{1,3}(?:\.\d{1,3}){2,3}$/.test(t)) return false;
  return true;
}

/** Scrub personal data and secrets from one string. Idempotent. */
export function redactText(input: string): string {
  if (!input) return input;
  let s = input.normalize('NFKC');
  s = s.replace(JWT, '[token]');
  s = s.replace(AUTH_HEADER, (_m, kind: string) => `${kind} [token]`);
  s = s.replace(KEY_VALUE, (_m, key: string, sep: string) => `${key}${sep}[secret]`);
  s = s.replace(EMAIL, '[email]');
  s = s.replace(EMAIL_OBFUSCATED, '[email]');
  s = s.replace(GUID, '[id]');
  s = s.replace(IPV4, '[ip]');
  // Clock times (10:45:30) look like IPv6 groups: require a hex letter, `::`, or 5+ colons.
  s = s.replace(IPV6, (m) => (/::|[a-f]/i.test(m) || count(m, /:/g) >= 5 ? '[ip]' : m));
  s = s.replace(CARD, (m) => (count(m, /\d/g) >= 13 ? '[card]' : m));
  s = s.replace(PHONE, (m) => {
    if (!phoneLike(m)) return m;
    const lead = /^\s*/.exec(m)?.[0] ?? '';
    const trail = /\s*$/.exec(m)?.[0] ?? '';
    return `${lead}${/^\s*\d+\s*$/.test(m) ? '[number]' : '[phone]'}${trail}`;
  });
  s = s.replace(SF_ID, (m) => (count(m, /\d/g) >= 2 || (/^0/.test(m) && /\d/.test(m.slice(1))) ? '[id]' : m));
  s = s.replace(HEX_ID, (m) => (count(m, /\d/g) >= 3 ? '[id]' : m));
  s = s.replace(RANDOM, (m) => (looksRandom(m) ? '[secret]' : m));
  s = s.replace(DIGITS, '[number]');
  return s;
}

const SECRET_PARAM = /secret|token|key|pass|sig|auth|code|email|phone|mobile|name|user|subscriber|contact|mid|id$/i;

/** A path/route segment that is a word (kept) rather than an id or a value (replaced). */
function isWord(seg: string): boolean {
  if (seg === '') return true;
  if (/^\d{1,4}$/.test(seg)) return true;
  if (!/^[A-Za-z(][A-Za-z0-9 ._():!-]*$/.test(seg)) return false;
  if (count(seg, /\d/g) > 3 || seg.length > 48) return false;
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
