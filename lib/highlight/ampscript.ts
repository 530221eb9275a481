/**
 * A highlight.js grammar for AMPscript (none is maintained upstream): `%%[ … ]%%` blocks, `%%= … =%%` inline output,
 * `%%Attribute%%` personalization strings, and inside code: keywords, @variables, function calls, strings, numbers
 * and comments, case-insensitive like AMPscript itself. Text outside the delimiters is HTML.
 */
import type { HLJSApi, Language, Mode } from 'highlight.js';

export function ampscript(hljs: HLJSApi): Language {
  const code: Mode[] = [
    hljs.C_BLOCK_COMMENT_MODE,
    { scope: 'string', begin: '"', end: '"', illegal: '\\n' },
    { scope: 'string', begin: "'", end: "'" },
    { scope: 'variable', begin: /@[A-Za-z_][\w]*/ },
    { scope: 'title.function', begin: /\b[A-Za-z_][\w]*(?=\s*\()/ },
    hljs.NUMBER_MODE,
    { scope: 'operator', begin: /==|!=|<=|>=|<|>|=/ },
  ];
  const keywords = {
    $pattern: /[A-Za-z_]\w*/,
    keyword: 'var set if then elseif else endif for to downto do next and or not',
    literal: 'true false',
  };
  return {
    name: 'AMPscript',
    aliases: ['amp'],
    case_insensitive: true,
    subLanguage: 'xml',
    contains: [
      { begin: /%%\[/, end: /\]%%/, beginScope: 'punctuation', endScope: 'punctuation', keywords, contains: code },
      { begin: /%%=/, end: /=%%/, beginScope: 'punctuation', endScope: 'punctuation', keywords, contains: code },
      { scope: 'template-variable', begin: /%%[A-Za-z_][\w]*%%/ },
      {
        begin: /<script\b[^>]*language\s*=\s*["']?ampscript["']?[^>]*>/i,
        end: /<\/script>/i,
        beginScope: 'tag',
        endScope: 'tag',
        keywords,
        contains: code,
      },
    ],
  };
}
