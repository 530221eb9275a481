/**
 * Splits a document (HTML with AMPscript, or bare code) into the regions each checker reads:
 * `%%[ … ]%%` blocks, `%%= … =%%` inline expressions, `<script runat="server" language="ampscript">` bodies (all
 * AMPscript) and other `<script runat="server">` bodies (SSJS). Delimiter problems (a block never closed, a stray
 * `]%%`) are found here. Offsets are into the whole document so positions stay true.
 */
import type { Finding } from './positions.ts';

export type RegionKind = 'amp-block' | 'amp-inline' | 'amp-script' | 'ssjs';

export interface Region {
  kind: RegionKind;
  /** Content start and end (exclusive), without delimiters. */
  start: number;
  end: number;
  /** Where the opening delimiter or tag starts. */
  open: number;
}

export interface Regions {
  regions: Region[];
  findings: Finding[];
}

const SCRIPT_OPEN = /<script\b([^>]*)>/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : undefined;
}

/**
 * End of an AMPscript region: the first `close` outside quotes and comments. Meeting another opener first means this
 * region was never closed. If a quote or comment never closes, fall back to the first plain `close` (the tokenizer
 * reports the quote or comment).
 */
function findClose(text: string, from: number, close: string): { end: number; reopened: boolean } {
  let i = from;
  let quote = '';
  let openComment = false;
  while (i < text.length) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
      i++;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      openComment = e < 0;
      i = e < 0 ? text.length : e + 2;
      continue;
    } else if (text.startsWith(close, i)) return { end: i, reopened: false };
    else if (text.startsWith('%%[', i) || text.startsWith('%%=', i)) return { end: i, reopened: true };
    i++;
  }
  if (quote || openComment) {
    const plain = text.indexOf(close, from);
    if (plain >= 0) return { end: plain, reopened: false };
  }
  return { end: -1, reopened: false };
}

/** Regions of an HTML document (or of AMPscript written with its delimiters). */
export function scanDocument(text: string): Regions {
  const regions: Region[] = [];
  const findings: Finding[] = [];
  let i = 0;
  // The next <script> and ]%% are searched again only once the scan has passed them: O(n), not O(n × regions).
  let script: RegExpExecArray | null = null;
  let scriptFrom = -1;
  let bracket = -1;
  let bracketFrom = -1;
  while (i < text.length) {
    const next = text.indexOf('%%', i);
    if (scriptFrom < 0 || (script && script.index < i) || (!script && scriptFrom > i)) {
      SCRIPT_OPEN.lastIndex = i;
      script = SCRIPT_OPEN.exec(text);
      scriptFrom = i;
    }
    if (bracketFrom < 0 || (bracket >= 0 && bracket < i) || (bracket < 0 && bracketFrom > i)) {
      bracket = text.indexOf(']%%', i);
      bracketFrom = i;
    }
    const candidates = [next, script ? script.index : -1, bracket].filter((n) => n >= 0);
    if (candidates.length === 0) break;
    const at = Math.min(...candidates);

    if (script && at === script.index) {
      const attrs = script[1] ?? '';
      const bodyStart = script.index + script[0].length;
      if ((attr(attrs, 'runat') ?? '').toLowerCase() !== 'server') {
        i = bodyStart; // client script: AMPscript inside it still runs, keep scanning
        continue;
      }
      SCRIPT_CLOSE.lastIndex = bodyStart;
      const close = SCRIPT_CLOSE.exec(text);
      const lang = (attr(attrs, 'language') ?? 'javascript').toLowerCase();
      const kind: RegionKind = lang === 'ampscript' ? 'amp-script' : 'ssjs';
      if (!close) {
        findings.push({
          offset: script.index,
          severity: 'error',
          rule: 'unclosed-block',
          message: '<script runat="server"> is never closed with </script>',
        });
        regions.push({ kind, start: bodyStart, end: text.length, open: script.index });
        break;
      }
      regions.push({ kind, start: bodyStart, end: close.index, open: script.index });
      i = close.index + close[0].length;
      continue;
    }

    if (at === bracket && at !== next) {
      findings.push({
        offset: at,
        severity: 'error',
        rule: 'unopened-block',
        message: ']%% closes a block that was never opened with %%[',
      });
      i = at + 3;
      continue;
    }

    const opener = text.slice(at, at + 3);
    if (opener === '%%[' || opener === '%%=') {
      const kind: RegionKind = opener === '%%[' ? 'amp-block' : 'amp-inline';
      const close = opener === '%%[' ? ']%%' : '=%%';
      const found = findClose(text, at + 3, close);
      if (found.end < 0 || found.reopened) {
        findings.push({
          offset: at,
          severity: 'error',
          rule: 'unclosed-block',
          message: opener === '%%[' ? '%%[ is never closed with ]%%' : '%%= is never closed with =%%',
        });
        const end = found.end < 0 ? text.length : found.end;
        regions.push({ kind, start: at + 3, end, open: at });
        i = end;
        continue;
      }
      regions.push({ kind, start: at + 3, end: found.end, open: at });
      i = found.end + 3;
      continue;
    }
    // `%%Name%%` personalization string (or a lone %%): nothing to check, skip it whole.
    const ps = /^%%[A-Za-z_][\w ]*%%(?![[=])/.exec(text.slice(at, at + 130));
    i = at + (ps ? ps[0].length : 2);
  }
  return { regions, findings };
}

/** True when the text has no AMPscript delimiters or tags at all: bare AMPscript statements. */
export function isBareAmpscript(text: string): boolean {
  return !text.includes('%%') && !/<script\b/i.test(text);
}

/** True when the text wraps its SSJS in `<script runat="server">` tags. */
export function hasServerScript(text: string): boolean {
  return /<script\b[^>]*\brunat\s*=\s*["']?server/i.test(text);
}
