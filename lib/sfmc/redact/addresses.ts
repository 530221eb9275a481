/**
 * Postal addresses: a street line in English ("221B Baker Street"), French ("12 rue de la Paix"), German/Dutch/Nordic
 * ("Hauptstraße 5", "Keizersgracht 123"), Spanish/Italian/Portuguese ("Calle Mayor 10", "Via Roma 1") forms, PO boxes,
 * then whatever follows in the same address (unit, postcode, city, state); UK postcodes and "City, ST 12345" alone too.
 */
import type { Scan } from './scan';

const CAP = String.raw`\p{Lu}[\p{L}'’.-]*`;
const EN_TYPE = String.raw`(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Circle|Cir|Trail|Row|Mews|Gardens|Grove|Hill|Walk|Park|Green|Rise|Loop|Alley|Pike|Heights|Ridge|Bend|Quay|Wharf|Embankment|Broadway|Esplanade|Parade|Promenade|Plaza)\b\.?`;
const UNIT_PART = String.raw`(?:Flat|Apt\.?|Apartment|Suite|Ste\.?|Unit|Floor|Fl\.?|Room)\s*[\w-]+`;
const UNIT = String.raw`(?:${UNIT_PART},?\s+)`;
const STREET = [
  new RegExp(`${UNIT}?\\b\\d{1,5}[A-Za-z]?(?:[-/]\\d{1,5}[A-Za-z]?)?,?\\s+(?:${CAP}\\s+){0,4}${EN_TYPE}`, 'gu'),
  new RegExp(
    `\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:rue|avenue|av\\.|boulevard|bd|place|allée|chemin|impasse|quai|cours|route|rua|carrer)\\s+(?:(?:de|du|des|la|le|l'|d'|da|do|dos)\\s*)*${CAP}(?:\\s+${CAP}){0,3}`,
    'giu',
  ),
  new RegExp(
    `${CAP}(?:straße|strasse|str\\.|weg|allee|platz|gasse|ring|damm|ufer|laan|straat|gracht|plein|steeg|kade|vej|gade|gatan|vägen|veien|gata)\\s+\\d{1,4}[a-z]?(?:-\\d{1,4})?`,
    'gu',
  ),
  new RegExp(
    `\\b(?:Calle|C/|Avenida|Avda\\.?|Av\\.|Paseo|Plaza|Pza\\.?|Via|Viale|Piazza|Corso|Largo|Rua|Travessa|Praça|Carrer|Rambla)\\s+(?:(?:de|del|la|los|las|da|do|dos|das|di|della|dei)\\s+)*${CAP}(?:\\s+${CAP}){0,3},?\\s*(?:n[º°o]\\.?\\s*)?\\d{1,4}[a-z]?`,
    'gu',
  ),
  /\bP\.?\s?O\.?\s?Box\s+\d+/giu,
  // Japanese chōme-banchi-gō: "1-2-3 Marunouchi, Chiyoda-ku"
  new RegExp(
    `(?<![\\d-])\\d{1,4}-\\d{1,4}(?:-\\d{1,4})?,?\\s+${CAP}(?:,\\s*${CAP}-(?:ku|shi|cho|machi|gun|ken))?`,
    'gu',
  ),
];
/** Cheap tests, one per STREET pattern, so the costly patterns run only where their key word occurs. */
const STREET_HINT = [
  /\b(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Circle|Cir|Trail|Row|Mews|Gardens|Grove|Hill|Walk|Park|Green|Rise|Loop|Alley|Pike|Heights|Ridge|Bend|Quay|Wharf|Embankment|Broadway|Esplanade|Parade|Promenade|Plaza)\b/,
  /\b(?:rue|avenue|av|boulevard|bd|place|allée|chemin|impasse|quai|cours|route|rua|carrer)\b/i,
  /(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|laan|straat|gracht|plein|steeg|kade|vej|gade|gatan|vägen|veien|gata) \d/,
  /\b(?:Calle|C\/|Avenida|Avda|Av\.|Paseo|Plaza|Pza|Via|Viale|Piazza|Corso|Largo|Rua|Travessa|Praça|Carrer|Rambla)\s/,
  /box/i,
  /\d-\d/,
];
const UK_POSTCODE = String.raw`(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})`;
const TAIL_PART = String.raw`(?:${UNIT_PART}|${UK_POSTCODE}|[A-Z]{2,3}\s\d{4,5}(?:-\d{4})?|〒?\d{3}-\d{4}|\d{3}\s\d{2}(?:\s+${CAP})?|\d{4,5}(?:-\d{3,4})?(?:\s+${CAP})?|[A-Z]{2,3}(?![\p{L}\p{N}])|(?=[A-Z0-9]*\d)[A-Z0-9]{2,4}(?:\s(?=[A-Z0-9]*\d)[A-Z0-9]{3,4})?(?![\p{L}\p{N}])|${CAP}(?:\s${CAP})?(?![\p{L}\p{N}]))`;
const TAIL_STEP = new RegExp(`^(?:,\\s*|\\s+)(${TAIL_PART})`, 'u');
const POSTCODE_ALONE = [
  new RegExp(`\\b${UK_POSTCODE}\\b`, 'g'),
  new RegExp(`${CAP},\\s[A-Z]{2}\\s\\d{5}(?:-\\d{4})?\\b`, 'gu'),
];

/** Words that end an address tail even when capitalised. */
const STOP =
  /^(?:Is|Was|Has|Save|Cancel|Edit|Delete|Copy|Send|Update|The|This|For|And|Or|To|In|On|At|By|Not|Invalid|Error|Missing|Required)$/;

export function scanAddresses(scan: Scan): void {
  if (!/\d/.test(scan.masked)) return;
  STREET.forEach((re, i) => {
    if (!STREET_HINT[i]?.test(scan.masked)) return;
    scan.each(re, (m) => {
      const start = m.index;
      let end = start + m[0].length;
      // Unit, postcode, city, state: up to five more parts, until a word that is not part of an address.
      for (let k = 0; k < 5; k++) {
        const step = TAIL_STEP.exec(scan.masked.slice(end));
        if (!step || STOP.test((step[1] ?? '').split(/\s/)[0] ?? '')) break;
        end += step[0].length;
      }
      if (scan.free(start, end)) scan.claim(start, end, 'address');
    });
  });
  for (const re of POSTCODE_ALONE) scan.tagAll(re, 'address');
}
