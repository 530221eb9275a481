// Dev check: compares the pack's AMPscript functions (and the committed catalogue fixture the unit test uses) with the
// shared public catalogue file `../shared/data/ampscript-functions.json`, when that file exists. Prints every missing,
// extra or miscounted function and exits 1 on any; exits 0 with a note when the shared file is absent.
// Usage: npx tsx scripts/check-ampscript-coverage.ts [path/to/ampscript-functions.json]
import fs from 'node:fs';
import path from 'node:path';
import { AMPSCRIPT_CATALOGUE, type CatalogueFunction } from '../lib/reference/fixtures/ampscript-catalogue.ts';
import { AMPSCRIPT_FUNCTIONS } from '../lib/reference/pack/ampscript-functions.ts';

const file = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/data/ampscript-functions.json');
if (!fs.existsSync(file)) {
  console.log(`No shared catalogue at ${file}: nothing to compare (the unit test still checks the committed fixture).`);
  process.exit(0);
}

const shared = (JSON.parse(fs.readFileSync(file, 'utf8')) as { functions: CatalogueFunction[] }).functions;

/** Lists the differences between a reference list and a candidate list of names with argument counts. */
function compare(
  label: string,
  reference: readonly CatalogueFunction[],
  candidate: readonly CatalogueFunction[],
): string[] {
  const byName = new Map(candidate.map((c) => [c.name.toLowerCase(), c]));
  const problems: string[] = [];
  for (const r of reference) {
    const c = byName.get(r.name.toLowerCase());
    if (!c) problems.push(`${label}: missing ${r.name}`);
    else if (c.minArgs !== r.minArgs || c.maxArgs !== r.maxArgs) {
      problems.push(
        `${label}: ${r.name} takes ${c.minArgs}..${c.maxArgs ?? '∞'}, catalogue says ${r.minArgs}..${r.maxArgs ?? '∞'}`,
      );
    } else if (c.name !== r.name) problems.push(`${label}: ${r.name} spelled ${c.name}`);
  }
  const known = new Set(reference.map((r) => r.name.toLowerCase()));
  for (const c of candidate) if (!known.has(c.name.toLowerCase())) problems.push(`${label}: extra ${c.name}`);
  return problems;
}

const pack = AMPSCRIPT_FUNCTIONS.flatMap((e) => (e.function ? [e.function] : []));
const problems = [...compare('pack', shared, pack), ...compare('fixture', shared, AMPSCRIPT_CATALOGUE)];
for (const p of problems) console.log(p);
console.log(
  JSON.stringify({
    catalogue: shared.length,
    pack: pack.length,
    fixture: AMPSCRIPT_CATALOGUE.length,
    problems: problems.length,
  }),
);
process.exit(problems.length ? 1 : 0);
