/**
 * The `sfmc:check` CLI: argument parsing, and the script run as acceptance checks run it (a child process through
 * npm, one JSON line, exit 0/1/2).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { languageFromPath, parseCliArgs } from './cli.ts';

const run = promisify(execFile);
const ROOT = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'sfmc-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function sfmcCheck(...args: string[]) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'sfmc:check', '--', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('parseCliArgs', () => {
  it('language from the extension, or --language (both spellings), and --content-type', () => {
    expect(languageFromPath('a/b.AMP')).toBe('ampscript');
    expect(languageFromPath('x.ampscript')).toBe('ampscript');
    expect(languageFromPath('x.htm')).toBe('html');
    expect(languageFromPath('x.txt')).toBeUndefined();
    expect(parseCliArgs(['q.sql'])).toEqual({ ok: true, file: 'q.sql', language: 'sql' });
    expect(parseCliArgs(['q.txt', '--language', 'SSJS'])).toEqual({ ok: true, file: 'q.txt', language: 'ssjs' });
    expect(parseCliArgs(['--language=html', '--content-type=email', 'q'])).toEqual({
      ok: true,
      file: 'q',
      language: 'html',
      contentType: 'email',
    });
  });
  it('usage errors', () => {
    expect(parseCliArgs([])).toMatchObject({ ok: false, error: 'no file given' });
    expect(parseCliArgs(['q.txt'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['q.sql', '--language', 'python'])).toMatchObject({
      ok: false,
      error: 'unknown language python',
    });
    expect(parseCliArgs(['a.sql', 'b.sql'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['a.sql', '--fast'])).toMatchObject({ ok: false });
    expect(parseCliArgs(['a.sql', '--language'])).toMatchObject({ ok: false });
  });
});

describe('npm run -s sfmc:check', () => {
  it('a broken AMPscript file: one JSON line, exit 1', async () => {
    const path = file('broken.ampscript', '%%[\nSET @row = LookupRow("Members", "Email", "a@example.com")\n]%%\n');
    const { code, stdout } = await sfmcCheck(path);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0] ?? '') as { language: string; ok: boolean; problems: Record<string, unknown>[] };
    expect(Object.keys(out)).toEqual(['language', 'ok', 'problems']);
    expect(out.language).toBe('ampscript');
    expect(out.ok).toBe(false);
    expect(out.problems).toEqual([
      {
        line: 2,
        column: 12,
        severity: 'error',
        rule: 'unknown-function',
        message: 'LookupRow is not an AMPscript function; did you mean LookupRows?',
      },
    ]);
  });

  it('a clean SQL file exits 0; warnings alone still exit 0', async () => {
    const sql = await sfmcCheck(file('ok.sql', 'SELECT TOP 10 SubscriberKey FROM _Open ORDER BY EventDate DESC'));
    expect(sql.code).toBe(0);
    expect(JSON.parse(sql.stdout)).toEqual({ language: 'sql', ok: true, problems: [] });
    const warn = await sfmcCheck(file('core.ssjs', 'var de = DataExtension.Init("D");'));
    expect(warn.code).toBe(0);
    expect(JSON.parse(warn.stdout)).toMatchObject({
      language: 'ssjs',
      ok: true,
      problems: [{ rule: 'core-not-loaded' }],
    });
  });

  it('--language overrides an unknown extension', async () => {
    const { code, stdout } = await sfmcCheck(file('snippet.txt', 'let a = 1;'), '--language', 'ssjs');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({
      language: 'ssjs',
      problems: [{ line: 1, column: 1, rule: 'no-let-const' }],
    });
  });

  it('usage errors: exit 2, message on stderr, nothing on stdout', async () => {
    const runs = await Promise.all([[], [file('x.txt', 'a')], [join(dir, 'missing.sql')]].map((a) => sfmcCheck(...a)));
    for (const { code, stdout, stderr } of runs) {
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/sfmc:check: /);
    }
  });
});
