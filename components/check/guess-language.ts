/** A best guess at a pasted snippet's language, so "Check my code" works without choosing one first. */
import type { CheckLanguage } from '@/lib/check/types';

export function guessLanguage(code: string): CheckLanguage {
  const c = code.trim();
  if (/<script[^>]*runat\s*=\s*["']?server/i.test(c) && !/language\s*=\s*["']?ampscript/i.test(c))
    return /<(html|body|div|p|table)\b/i.test(c) ? 'html' : 'ssjs';
  if (/%%\[|%%=|language\s*=\s*["']?ampscript/i.test(c))
    return /<(html|body|div|p|table|a)\b/i.test(c) ? 'html' : 'ampscript';
  if (/^\s*(select|with|update|delete|insert|merge|declare)\b/i.test(c)) return 'sql';
  if (/\b(Platform\.|Write\s*\(|var\s+\w+\s*=|function\s*\w*\s*\()/.test(c)) return 'ssjs';
  if (/<\/?[a-z][\s\S]*>/i.test(c)) return 'html';
  return 'sql';
}

/** What "Ask the instructor" sends: the code (only now leaving the panel) with what the checker found. */
export function askAboutCode(code: string, language: CheckLanguage, summary: string): string {
  return `Please explain what the checker found in my ${language.toUpperCase()} and how to fix it.\n\`\`\`${language}\n${code}\n\`\`\`\nChecker result: ${summary}`;
}
