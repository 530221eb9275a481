/**
 * `npm run bench:check`: time of one `check()` on a 200-line snippet per language, built from the corpus's valid
 * pieces (AMPscript/HTML snippets one after another; SSJS snippets one after another without their script tags; SQL
 * queries as `;`-separated statements), topped up to exactly 200 lines with plain filler lines. The catalogue is
 * built and the modules are warmed up before timing (the product loads the checker once). Median of many runs on
 * this (shared) machine, with the load average printed (min is the better estimate under load); a "typical" column
 * times single corpus snippets as written. A table, then the final JSON line {"ampscript_ms","ssjs_ms","sql_ms"}. Goal: each ≤ 5 ms.
 */
import { cpus, loadavg } from 'node:os';
import { AMPSCRIPT_VALID } from '../lib/check/corpus/ampscript.ts';
import { SQL_VALID } from '../lib/check/corpus/sql.ts';
import { SSJS_VALID } from '../lib/check/corpus/ssjs.ts';
import { check, type CheckLanguage } from '../lib/check/index.ts';

const LINES = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = 15;

/** Whole pieces while they fit, then filler lines up to exactly `LINES`. */
function build(pieces: string[], separator: string, filler: (i: number) => string): string {
  const lines: string[] = [];
  for (let k = 0; lines.length < LINES; k++) {
    const piece = (pieces[k % pieces.length] ?? '').split('\n');
    const sep = lines.length ? separator.split('\n') : [];
    if (lines.length + sep.length + piece.length > LINES) break;
    lines.push(...sep, ...piece);
  }
  while (lines.length < LINES) lines.push(filler(lines.length));
  return lines.join('\n');
}

/** The bodies of the `<script runat="server">` blocks, or the code itself when it has none. */
const scriptBodies = (code: string) => {
  const bodies = [...code.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => (m[1] ?? '').trim());
  return bodies.length ? bodies.join('\n') : code;
};

const SNIPPETS: Record<Exclude<CheckLanguage, 'html'>, { language: CheckLanguage; code: string }> = {
  ampscript: {
    language: 'html',
    code: build(
      AMPSCRIPT_VALID.map((s) => s.code),
      '',
      (i) => `<p>line ${i}</p>`,
    ),
  },
  ssjs: {
    language: 'ssjs',
    code: build(
      // Wrapped in functions so the pieces' top-level `var`s stay apart; the tags are dropped (one region).
      SSJS_VALID.map((s, k) => `function piece${k}() {\n${scriptBodies(s.code)}\n}`),
      '',
      (i) => `var filler${i} = ${i};`,
    ),
  },
  sql: {
    language: 'sql',
    code: build(
      SQL_VALID.map((s) => s.code),
      ';',
      () => '-- filler',
    ),
  },
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;

/** Median time of one corpus snippet of the language as written (5–30 lines): what a code card usually costs. */
function typical(name: string): number {
  const snippets = [...AMPSCRIPT_VALID, ...SSJS_VALID, ...SQL_VALID].filter((s) =>
    name === 'ampscript' ? s.language === 'ampscript' || s.language === 'html' : s.language === name,
  );
  const times: number[] = [];
  for (let round = 0; round < 10; round++) {
    for (const s of snippets) {
      const t0 = performance.now();
      check(s.code, s.language);
      times.push(performance.now() - t0);
    }
  }
  return median(times);
}

const rows: {
  language: string;
  lines: number;
  errors: number;
  min: number;
  median: number;
  p90: number;
  typical: number;
}[] = [];
for (const [name, { language, code }] of Object.entries(SNIPPETS)) {
  const first = check(code, language); // also builds the catalogue and the SQL parser
  const errors = first.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    process.stderr.write(`${name}: the generated snippet has errors: ${JSON.stringify(errors.slice(0, 3))}\n`);
    process.exit(1);
  }
  for (let i = 0; i < WARMUP; i++) check(code, language);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    check(code, language);
    times.push(performance.now() - t0);
  }
  rows.push({
    language: name,
    lines: code.split('\n').length,
    errors: errors.length,
    min: Math.min(...times),
    median: median(times),
    p90: pct(times, 0.9),
    typical: typical(name),
  });
}

const f = (n: number) => n.toFixed(2).padStart(8);
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${cpus().length} cores`,
);
console.log(
  `${'language'.padEnd(10)} lines  errors      min   median      p90  typical   (ms per check, ${RUNS} runs; goal ≤ 5 ms)`,
);
for (const r of rows) {
  const cells = [r.min, r.median, r.p90, r.typical].map(f).join(' ');
  console.log(
    `${r.language.padEnd(10)} ${String(r.lines).padStart(5)} ${String(r.errors).padStart(7)} ${cells}${r.median <= 5 ? '' : '   over goal'}`,
  );
}
console.log('typical = median of one corpus snippet as written (5–30 lines)');
const ms = (name: string) => Number((rows.find((r) => r.language === name)?.median ?? NaN).toFixed(3));
console.log(JSON.stringify({ ampscript_ms: ms('ampscript'), ssjs_ms: ms('ssjs'), sql_ms: ms('sql') }));
