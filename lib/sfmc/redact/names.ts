/**
 * Person names without an NLP model (compromise & co. weigh ~350 kB, too much for a script in every SFMC frame):
 * capitalised words next to a known given name or surname, or after a cue ("Dear", "Mr", "for", "Owner:",
 * "Created by"), with particles (van, de la, bin) and initials; "Doe, Jane" and "JANE DOE" too. Capitalised UI
 * words ("Journey for New Subscribers") never count as names.
 */
import type { Scan } from './scan';
import {
  hasSurnameEnding,
  isAmbiguousName,
  isRomajiName,
  isGivenName,
  isNameEvidence,
  isSurname,
  isUiWord,
} from './names-data';
import { wordSet } from '../../word-set';

const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’-]*\.?/gu;
const TITLE = wordSet('mr mrs ms miss mx dr prof herr frau mme mlle m sr sra srta señor señora sig sig.ra dott dra');
const GREETING = wordSet(
  'dear hi hello hey bonjour hola hallo liebe lieber estimado estimada cher chère caro cara querido querida olá ciao',
);
const CUE = wordSet(
  'for by to with from cc attn owner contact assignee approver author manager rep agent recipient name customer subscriber member patient client guest sender signed',
);
const PARTICLE = wordSet('van von der den de del della da di du la le dos das do bin binti al el ibn ten ter y e st');

interface Tok {
  w: string;
  start: number;
  end: number;
}

const bare = (w: string) => w.replace(/\.$/, '').replace(/['’]s$/, '');
const capitalised = (w: string) =>
  /^\p{Lu}(?:\p{Ll}|['’]\p{Lu}|\.?$)/u.test(w) || /^(?:al|el|bin|ibn|abu)-\p{Lu}/u.test(w);
const allCaps = (w: string) => /^\p{Lu}{2,}$/u.test(bare(w));
const nameWord = (w: string) => capitalised(w) && !isUiWord(bare(w));
const initial = (w: string) => /^\p{Lu}\.$/u.test(w);

/** Tokens i and j are neighbours: only spaces (or one hyphen) between them. */
const joined = (text: string, a: Tok, b: Tok) => /^ {1,2}$/.test(text.slice(a.end, b.start));

function extend(text: string, toks: Tok[], i: number, max = 4): number {
  let j = i;
  while (j + 1 < toks.length && j - i < max - 1) {
    const next = toks[j + 1] as Tok;
    if (!joined(text, toks[j] as Tok, next)) break;
    if (nameWord(next.w) || initial(next.w)) {
      j++;
      continue;
    }
    // Particles: "van der Berg", "de la Cruz", "bin Rashid".
    let k = j + 1;
    while (k < toks.length && PARTICLE.has((toks[k] as Tok).w.toLowerCase()) && k - j <= 3) k++;
    const after = toks[k];
    if (k > j + 1 && after && nameWord(after.w) && joined(text, toks[k - 1] as Tok, after)) j = k;
    else break;
  }
  return j;
}

export function scanNames(scan: Scan): void {
  const text = scan.masked;
  const toks: Tok[] = [...text.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
  // Every rule below needs a known name, a title/greeting or a cue word: most UI strings have none.
  const cueWord = (w: string) => {
    const l = w.toLowerCase().replace(/[.:]$/, '');
    return TITLE.has(l) || GREETING.has(l) || CUE.has(l);
  };
  if (!toks.some((t) => cueWord(t.w) || isNameEvidence(t.w) || hasSurnameEnding(t.w) || isRomajiName(t.w))) return;
  const claim = (a: number, b: number) => {
    const s = (toks[a] as Tok).start;
    const t = toks[b] as Tok;
    const e = t.w.endsWith('.') && !initial(t.w) ? t.end - 1 : t.end;
    if (scan.free(s, e)) scan.claim(s, e, 'name');
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Tok;
    const next = toks[i + 1];
    const prev = toks[i - 1];
    const lw = bare(t.w).toLowerCase();
    const nextJoined = next !== undefined && joined(text, t, next);
    // Titles and greetings: "Dr. Okafor", "Dear Jane".
    if (
      (TITLE.has(lw) || GREETING.has(lw)) &&
      next &&
      /^[. ]{1,3}$/.test(text.slice(t.end, next.start)) &&
      nameWord(next.w)
    ) {
      const j = extend(text, toks, i + 1);
      claim(i + 1, j);
      i = j;
      continue;
    }
    if (!capitalised(t.w) && !allCaps(t.w)) {
      // "jane doe" in lower case: a clear given name and a known surname.
      if (isGivenName(lw, true) && next && nextJoined && isSurname(next.w)) {
        claim(i, i + 1);
        i++;
      }
      continue;
    }
    if (allCaps(t.w)) {
      if (isGivenName(lw, true) && next && nextJoined && allCaps(next.w) && !isUiWord(bare(next.w))) {
        claim(i, i + 1);
        i++;
      }
      continue;
    }
    if (isUiWord(lw)) continue;
    const given = lw.split('-').some((part) => isGivenName(part));
    const nextName =
      next !== undefined && nextJoined && (nameWord(next.w) || initial(next.w) || PARTICLE.has(next.w.toLowerCase()));
    const cue =
      prev !== undefined && CUE.has(bare(prev.w).toLowerCase()) && /^:? {1,2}$/.test(text.slice(prev.end, t.start));
    // "Doe, Jane"
    if (next && /^, $/.test(text.slice(t.end, next.start)) && isGivenName(next.w, true) && (isSurname(t.w) || cue)) {
      claim(i, i + 1);
      i++;
      continue;
    }
    const strong = given && !isAmbiguousName(lw);
    const surnameNext =
      nextName &&
      next !== undefined &&
      (isSurname(next.w) ||
        hasSurnameEnding(next.w) ||
        (given && isGivenName(next.w, true)) ||
        (isRomajiName(t.w) && isRomajiName(next.w)));
    if (nextName && (strong || surnameNext || cue)) {
      const j = extend(text, toks, i);
      if (j > i) {
        claim(i, j);
        i = j;
        continue;
      }
    }
    // A lone given name right after a cue: "Assigned to Priya".
    if (cue && strong) claim(i, i);
  }
}
