/**
 * The validation errors the page context already carries (extracted and redacted in the page, lib/sfmc/extract.ts),
 * for the panel's "Explain this error", and the question it asks the instructor about one of them.
 */
import { cleanPageString } from '@/lib/sfmc/quote';
import type { PageContext } from '@/lib/sfmc/types';

/** At most this many errors are offered (one frame reports up to 10). */
export const MAX_ERRORS = 5;
/** Longest error text shown and asked about (page text, normalised to one line). */
export const ERROR_CAP = 300;

function uniq(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const k = s.trim().toLowerCase();
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Errors of every frame of the page, without duplicates. */
export function pageErrors(ctx: PageContext | null | undefined): string[] {
  return uniq(
    (ctx?.frames ?? [])
      .flatMap((f) => (Array.isArray(f.errors) ? f.errors : []))
      .map((e) => cleanPageString(e, ERROR_CAP)),
  ).slice(0, MAX_ERRORS);
}

/**
 * Fallback when the panel only has the text that was sent (`EngineSnapshot.contextSent`). Reads either shape of that
 * text: a header line followed by one JSON object with an `errors` array, or an "Errors shown: a; b (+N more)" line
 * (split on "; ", so an error that itself contains "; " comes out in pieces). Prefer `pageErrors` where frames exist.
 */
export function errorsFromContextText(text: string | undefined): string[] {
  const lines = (text ?? '').split('\n');
  const json = lines.findIndex((l) => l.trimStart().startsWith('{'));
  if (json >= 0) {
    try {
      const data: unknown = JSON.parse(lines.slice(json).join('\n'));
      const errors = (data as { errors?: unknown } | null)?.errors;
      if (Array.isArray(errors)) return uniq(errors.map((e) => cleanPageString(e, ERROR_CAP))).slice(0, MAX_ERRORS);
    } catch {
      // not JSON: try the line format
    }
  }
  const line = lines.find((l) => l.startsWith('Errors shown: '));
  if (!line) return [];
  const body = line
    .slice('Errors shown: '.length)
    .replace(/ \(\+\d+ more\)$/, '')
    .replace(/…$/, '');
  return uniq(body.split('; ').map((e) => cleanPageString(e, ERROR_CAP))).slice(0, MAX_ERRORS);
}

/**
 * What the panel sends as the user's question (a typed-text turn) when "Explain this error" is pressed. The message is
 * page text: normalised to one capped line and JSON-quoted, so it reads as the error, never as more of the question.
 */
export function explainErrorQuestion(message: string): string {
  return `Explain this error on my SFMC screen and how to fix it. The error as shown (page data): ${JSON.stringify(cleanPageString(message, ERROR_CAP))}`;
}
