/**
 * Credentials: JWTs (also with spaces around the dots, or one part alone), `Bearer …`/`Basic …` headers, and
 * `key: value` / `key=value` pairs whose key names a secret (password, client secret, secretword, API key, PIN, …).
 * A value that is an ordinary UI word ("Password: must be at least 8 characters", "Client Secret: Hidden") is kept.
 */
import type { Scan } from './scan';
import { wordSet } from '../../word-set';

const JWT = /\beyJ[A-Za-z0-9_-]{8,}(?:\s{0,3}\.\s{0,3}[A-Za-z0-9_-]{4,}){0,2}(?:\s{0,3}\.(?:\s{0,3}[A-Za-z0-9_-]+)?)?/g;
const AUTH = /(\b(?:Bearer|Basic|Token|Digest|Negotiate)\s+)([A-Za-z0-9._~+/=-]{8,})/gi;
const SECRET_WORD =
  '(?:secret|passw(?:or)?d|passwort|mot de passe|contraseña|senha|pwd|passphrase|passcode|token|api[_ -]?key|apikey|access[_ -]?key|private[_ -]?key|secret[_ -]?key|client[_ -]?id|credentials?|signature|auth(?:orization)?|pin|otp|verification code|security answer)';
const KEY_VALUE = new RegExp(
  `(\\b(?:[A-Za-z]+[_ -]?)?${SECRET_WORD}(?:[_-]?[A-Za-z]+)?\\b["']?\\s*(?:[:=]|=>|\\bis\\b)\\s*["']?)([^\\s"'&,;<>\\uE000]+)`,
  'giu',
);

/** Words that follow "Password:"-style labels in ordinary UI and help text. */
const UI_VALUE = wordSet(
  'a an the at be is are was must should cannot can will may not never required optional hidden masked none n/a set unset empty missing expired expires invalid valid changed reset rotated rotate revoked generated generate regenerate copied copy show hide click enter type your this that my new old current minimum min maximum max length at least characters yes no on off true false active inactive enabled disabled saved updated see use never always only and or for to of in with from strong weak medium good fair poor matches mismatch incorrect wrong confirm confirmed forgot sent pending',
);

function secretValue(v: string): boolean {
  const word = v.replace(/[.!?:)]+$/, '');
  if (word === '' || /^\[[a-z-]+\]$/.test(word)) return false;
  if (/^[•*·.●-]+$/.test(word)) return false;
  return !UI_VALUE.has(word.toLowerCase());
}

/** Cheap test for a secret-naming word before the costly KEY_VALUE pattern. */
const SECRET_HINT = new RegExp(SECRET_WORD, 'iu');

export function scanSecrets(scan: Scan): void {
  const text = scan.masked;
  if (text.includes('eyJ')) scan.tagAll(JWT, 'token');
  if (/bearer|basic|token|digest|negotiate/i.test(text)) {
    scan.tagAll(
      AUTH,
      'token',
      (m) => /[\d._~+/=-]/.test(m[2] ?? '') || /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(m[2] ?? ''),
      true,
    );
  }
  if (!SECRET_HINT.test(text)) return;
  scan.each(KEY_VALUE, (m) => {
    const value = m[2] ?? '';
    if (!secretValue(value)) return;
    const start = m.index + (m[1]?.length ?? 0);
    const end = start + value.replace(/[.!?)]+$/, '').length;
    if (scan.free(start, end)) scan.claim(start, end, 'secret');
  });
}
