/**
 * `scripts/sfmc-ask.ts` as acceptance checks run it: a child process printing one JSON line, or usage + exit 2.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;

async function ask(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'scripts/sfmc-ask.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('sfmc:ask CLI', () => {
  it('prints one JSON line with at most 5 compact results, best first', async () => {
    const { code, stdout } = await ask('how long can a query activity run?');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as { results: Record<string, string>[] };
    expect(out.results.length).toBeGreaterThan(0);
    expect(out.results.length).toBeLessThanOrEqual(5);
    for (const r of out.results) expect(Object.keys(r).sort()).toEqual(['id', 'source', 'text', 'title']);
    expect(out.results[0]!.id).toBe('sql.timeout');
    expect(out.results[0]!.text).toContain('30 minutes');
  });

  it('joins several arguments into one question', async () => {
    const { stdout } = await ask('table', 'with', 'bounces');
    expect((JSON.parse(stdout) as { results: { id: string }[] }).results[0]!.id).toBe('dataview._bounce');
  });

  it('prints usage on stderr and exits 2 without a question', async () => {
    const { code, stdout, stderr } = await ask();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/usage: npm run -s sfmc:ask -- "<question>"/);
  });
});
