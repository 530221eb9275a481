// Comments cite the repository's own notes as docs/<file>.md#<anchor>: each cited heading must exist, so a renamed
// heading or a note that left the repository fails here instead of leaving a dead pointer in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', '.output', '.wxt', '.git', 'docs']);

function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.(ts|vue)$/.test(name)) out.push(path);
  }
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

function anchorsIn(file: string): Set<string> {
  const text = readFileSync(join(ROOT, 'docs', file), 'utf8');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1] ?? '')));
}

describe('citations of docs/', () => {
  const cited = sources(ROOT).flatMap((path) =>
    [...readFileSync(path, 'utf8').matchAll(/docs\/([a-z0-9-]+\.md)#([a-z0-9-]+)/g)].map((m) => ({
      path,
      file: m[1] ?? '',
      anchor: m[2] ?? '',
    })),
  );

  it('finds the citations it checks', () => {
    expect(cited.length).toBeGreaterThan(20);
  });

  it('every cited heading exists', () => {
    const missing = cited.filter(({ file, anchor }) => {
      try {
        return !anchorsIn(file).has(anchor);
      } catch {
        return true;
      }
    });
    expect(missing.map((c) => `${c.path.slice(ROOT.length + 1)} → docs/${c.file}#${c.anchor}`)).toEqual([]);
  });

  it('no comment points at the research notes outside the repository', () => {
    const stale = sources(ROOT).filter(
      (path) =>
        /(^|[^/])\b(realtime-protocol|extension-platform|rtc-peer|field-2026-12)\.md\b(?!#)/m.test(
          readFileSync(path, 'utf8'),
        ) || /shared\/docs/.test(readFileSync(path, 'utf8')),
    );
    expect(stale.map((p) => p.slice(ROOT.length + 1))).toEqual([]);
  });

  it('anchors follow GitHub', () => {
    expect(anchorOf('Server events we act on')).toBe('server-events-we-act-on');
    expect(anchorOf('Chrome MV3 facts: the design')).toBe('chrome-mv3-facts-the-design');
  });
});
