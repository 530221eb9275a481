/** Merge the frames of one tab into the page context the model sees; `text` is exactly what is sent. */
import type { FrameContext, PageContext, SfmcApp } from './types';
import { redactText } from './redact';

export const CONTEXT_TEXT_CAP = 1500;
export const CONTEXT_HEADER = 'SFMC page context:';

const GENERIC: SfmcApp[] = ['Unknown', 'Marketing Cloud'];

/** Specificity of a frame's detection: app frames with a named screen beat the shell's route guess. */
function rank(f: FrameContext): number {
  let r = 0;
  if (!GENERIC.includes(f.app)) r += 4;
  if (!f.isTop) r += 2;
  if (f.screen && f.screen !== f.app && f.screen !== 'Unknown' && f.screen !== 'Embedded frame') r += 1;
  return r;
}

function uniq(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const k = s.toLowerCase();
    if (!s || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Join items into one line that fits `budget` characters, ending with "(+N more)" when cut. */
function line(name: string, items: string[], budget: number): string {
  if (!items.length || budget <= name.length + 4) return '';
  let out = `${name}: `;
  for (let i = 0; i < items.length; i++) {
    const piece = (i ? '; ' : '') + items[i];
    const more = ` (+${items.length - i} more)`;
    if (out.length + piece.length + (i < items.length - 1 ? more.length : 0) > budget) return out + (i ? more : '…');
    out += piece;
  }
  return out;
}

export function mergeContext(frames: FrameContext[]): PageContext {
  const ordered = [...frames].sort((a, b) => rank(b) - rank(a));
  const main = ordered[0];
  const app: SfmcApp = main?.app ?? 'Unknown';
  const screen = main?.screen ?? 'Unknown';
  const all = (k: 'headings' | 'labels' | 'buttons' | 'errors' | 'dropped') => uniq(ordered.flatMap((f) => f[k]));

  const lines: string[] = [CONTEXT_HEADER, `App: ${app}`, `Screen: ${screen}`];
  if (main?.title) lines.push(`Title: ${main.title}`);
  if (main?.url && !main.isTop) lines.push(`Location: ${main.url}`);
  const sections: Array<[string, string[]]> = [
    ['Errors shown', all('errors')],
    ['Headings', all('headings')],
    ['Fields', all('labels')],
    ['Buttons and links', all('buttons')],
    ['Hidden for privacy', all('dropped')],
  ];
  // Privacy line is short and important: reserve its room before the long lists.
  const privacy = line('Hidden for privacy', all('dropped'), 300);
  let used = lines.join('\n').length + (privacy ? privacy.length + 1 : 0);
  for (const [name, items] of sections.slice(0, 4)) {
    const l = line(name, items, CONTEXT_TEXT_CAP - used - 1);
    if (!l) continue;
    lines.push(l);
    used += l.length + 1;
  }
  if (privacy) lines.push(privacy);
  // Every frame was redacted at source; redact again so the text is safe even if a frame lied.
  const text = redactText(lines.join('\n')).slice(0, CONTEXT_TEXT_CAP);
  return { app, screen, frames, text };
}
