/**
 * Syntax highlighting for code cards (highlight.js core with only the grammars we need, plus our AMPscript one).
 * The panel imports this module lazily, when the first card renders, so its first paint does not grow. The output
 * is highlight.js's escaped HTML: code text never becomes markup.
 */
import hljs from 'highlight.js/lib/core';
import javascript from 'highlight.js/lib/languages/javascript';
import sql from 'highlight.js/lib/languages/sql';
import xml from 'highlight.js/lib/languages/xml';
import { ampscript } from './ampscript';

hljs.registerLanguage('xml', xml);
hljs.registerLanguage('javascript', javascript);
hljs.registerLanguage('sql', sql);
hljs.registerLanguage('ampscript', ampscript);

/** The grammar for a card's language; HTML holding AMPscript is highlighted as AMPscript (its text as HTML). */
export function grammarFor(language: string, code: string): string | null {
  switch (language.toLowerCase()) {
    case 'ampscript':
    case 'amp':
      return 'ampscript';
    case 'ssjs':
    case 'javascript':
    case 'js':
      return 'javascript';
    case 'sql':
      return 'sql';
    case 'html':
      return /%%[[=]|language\s*=\s*["']?ampscript/i.test(code) ? 'ampscript' : 'xml';
    default:
      return null;
  }
}

/** Highlighted HTML for the code, or null when the language has no grammar (show plain text). */
export function highlightCode(code: string, language: string): string | null {
  const grammar = grammarFor(language, code);
  if (!grammar) return null;
  return hljs.highlight(code, { language: grammar, ignoreIllegals: true }).value;
}
