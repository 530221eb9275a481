/**
 * `npm run -s sfmc:check -- <file> [--language l] [--content-type t]`: checks an AMPscript, SSJS, SQL or HTML file
 * with the same checker the code cards use and prints ONE JSON line
 * `{"language","ok","problems":[{"line","column","severity","rule","message"}]}`.
 * Exit 0 without errors, 1 with errors, 2 on usage errors (message on stderr).
 */
import { readFileSync } from 'node:fs';
import { parseCliArgs, report, USAGE } from '../lib/check/cli.ts';
import { check } from '../lib/check/index.ts';

const args = parseCliArgs(process.argv.slice(2));
if (!args.ok) {
  process.stderr.write(`${args.error ? `sfmc:check: ${args.error}\n` : ''}${USAGE}\n`);
  process.exit(2);
}
let code: string;
try {
  code = readFileSync(args.file === '-' ? 0 : args.file, 'utf8');
} catch (e) {
  process.stderr.write(`sfmc:check: cannot read ${args.file}: ${(e as Error).message}\n`);
  process.exit(2);
}
const result = check(code, args.language, args.contentType ? { contentType: args.contentType } : {});
const out = report(args.language, result);
process.stdout.write(`${out.line}\n`);
process.exitCode = out.code;
