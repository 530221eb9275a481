/**
 * `npm run -s sfmc:ask -- "<question>"`: looks a question up in the SFMC reference pack and prints ONE JSON line,
 * `{"results":[{"id","title","text","source"}]}`, best first, at most 5. For scripts and acceptance checks; the same
 * index the instructor's lookup tool and practice mode use. No question → usage on stderr, exit 2.
 */
import { compact, getReferenceIndex } from '../lib/reference/search.ts';

const question = process.argv.slice(2).join(' ').trim();
if (!question || question === '--help' || question === '-h') {
  process.stderr.write('usage: npm run -s sfmc:ask -- "<question>"\n');
  process.exit(2);
}
const results = getReferenceIndex().search(question, 5).map(compact);
process.stdout.write(`${JSON.stringify({ results })}\n`);
