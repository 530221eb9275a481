/**
 * `show_snippet`: every code card is checked (lib/check, loaded on first use) before the user sees it. The model is
 * told what the checker found, in one line, and asked to correct a broken snippet with a new call; the corrected
 * card then names the broken one it replaces (`supersedes`), so the panel keeps the fix on top.
 */
import type { CheckLanguage } from '@/lib/check/types';
import type { CodeSnippet } from '@/lib/conversation/types';

const CHECKED: Record<string, CheckLanguage> = {
  ampscript: 'ampscript',
  amp: 'ampscript',
  ssjs: 'ssjs',
  sql: 'sql',
  html: 'html',
};

export const CODE_CAP = 20_000;

export interface SnippetOutcome {
  snippet: CodeSnippet;
  /** What goes back to the model. */
  output: { shown: true; checked: boolean; ok?: boolean; check?: string; next?: string };
}

/** Keeps the last broken card per language so its correction can point back at it. */
export function createSnippetChecker() {
  const brokenByLanguage = new Map<string, string>();

  return async function showSnippet(args: Record<string, unknown>, entryId: string): Promise<SnippetOutcome> {
    const code = typeof args.code === 'string' ? args.code : '';
    if (!code.trim()) throw new Error('code is required');
    if (code.length > CODE_CAP) throw new Error(`code is longer than ${CODE_CAP} characters: show a shorter snippet`);
    const language = String(args.language ?? 'text').toLowerCase();
    const title = String(args.title ?? 'Snippet').slice(0, 120);
    const checkAs = CHECKED[language];
    const snippet: CodeSnippet = { language, title, code };
    if (!checkAs) return { snippet, output: { shown: true, checked: false } };

    const { check, formatForModel } = await import('@/lib/check/index');
    const result = check(code, checkAs);
    snippet.check = result;
    const previous = brokenByLanguage.get(checkAs);
    if (previous) snippet.supersedes = previous;
    if (result.ok) brokenByLanguage.delete(checkAs);
    else brokenByLanguage.set(checkAs, entryId);
    return {
      snippet,
      output: {
        shown: true,
        checked: true,
        ok: result.ok,
        check: formatForModel(result),
        ...(result.ok
          ? {}
          : {
              next: 'The user sees these problems on the card. Correct the code and call show_snippet again with the fixed version.',
            }),
      },
    };
  };
}
