/**
 * `npx tsx bench/redact.ts`: microseconds per string for redactText over the corpus (ordinary UI strings, which are
 * most of what extraction sends, and personal-data items in their contexts). Best of BENCH_ROUNDS passes, so other
 * work on a shared machine inflates the figures less. Prints a table and a final JSON line.
 */
import { redactText } from '../lib/sfmc/redact';
import { ORDINARY, PII } from '../lib/sfmc/redact/corpus/index';
import { contexts } from '../lib/sfmc/redact/corpus/contexts';

const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);

/** Best pass over `strings`, in µs per string. */
function perString(strings: string[]): number {
  for (const s of strings) redactText(s); // warm-up: regex compilation, libphonenumber metadata
  let best = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now();
    for (const s of strings) redactText(s);
    best = Math.min(best, performance.now() - t0);
  }
  return (best * 1000) / strings.length;
}

const pii = PII.flatMap((item) => contexts(item.kind).map(([, t]) => t(item.value)));
const page = ORDINARY.slice(0, 60).join(' · ').slice(0, 1500);
const rows = {
  ordinaryUs: perString(ORDINARY),
  piiInContextUs: perString(pii),
  page1500CharsUs: perString([page]),
};
console.log(`ordinary strings (${ORDINARY.length})        ${rows.ordinaryUs.toFixed(1)} µs/string`);
console.log(`personal data in context (${pii.length})  ${rows.piiInContextUs.toFixed(1)} µs/string`);
console.log(`one 1500-char page text            ${rows.page1500CharsUs.toFixed(1)} µs`);
console.log(JSON.stringify(Object.fromEntries(Object.entries(rows).map(([k, v]) => [k, Math.round(v * 10) / 10]))));
