/**
 * Merge the frames of one tab into the page context the model sees; `text` is exactly what is sent: the marker line,
 * then one JSON object whose every string was redacted, normalised and capped (quote.ts).
 */
import type { FrameContext, PageContext, SfmcApp } from './types';
import { redactText } from './redact';
import { CONTEXT_MARKER, cleanPageString } from './quote';

export const CONTEXT_TEXT_CAP = 1500;

const GENERIC: SfmcApp[] = ['Unknown', 'Marketing Cloud'];

/** Specificity of a frame's detection: app frames with a named screen beat the shell's route guess. */
function rank(f: FrameContext): number {
  let r = 0;
  if (!GENERIC.includes(f.app)) r += 4;
  if (!f.isTop) r += 2;
  if (f.screen && f.screen !== f.app && f.screen !== 'Unknown' && f.screen !== 'Embedded frame') r += 1;
  return r;
}

/** Every frame was redacted at source; redact again so the text is safe even if a frame lied. */
const clean = (s: unknown, cap?: number) => cleanPageString(redactText(cleanPageString(s, 400)), cap);

function uniq(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((s) => {
    const k = s.toLowerCase();
    if (!s || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

type Lists = { errors: string[]; headings: string[]; fields: string[]; buttons: string[]; hiddenForPrivacy: string[] };

export function mergeContext(frames: FrameContext[]): PageContext {
  const ordered = [...frames].sort((a, b) => rank(b) - rank(a));
  const main = ordered[0];
  const app = (clean(main?.app, 40) || 'Unknown') as SfmcApp;
  const screen = clean(main?.screen, 60) || 'Unknown';
  const all = (k: 'headings' | 'labels' | 'buttons' | 'errors' | 'dropped') =>
    uniq(ordered.flatMap((f) => (Array.isArray(f[k]) ? f[k] : []).map((s) => clean(s))));

  const head: Record<string, string> = { app, screen };
  const title = clean(main?.title);
  if (title) head.title = title;
  if (main?.url && !main.isTop) head.location = clean(main.url, 200);
  const source: Lists = {
    errors: all('errors'),
    headings: all('headings'),
    fields: all('labels'),
    buttons: all('buttons'),
    hiddenForPrivacy: all('dropped'),
  };
  const data: Record<string, unknown> = { ...head };
  const render = () => `${CONTEXT_MARKER}\n${JSON.stringify(data)}`;
  // The privacy list is short and important: it goes in first, then the long lists in order, item by item, while
  // the whole stays under the cap; a cut list says how many items were left out.
  for (const key of ['hiddenForPrivacy', 'errors', 'headings', 'fields', 'buttons'] as const) {
    const items = source[key];
    if (!items.length) continue;
    const kept: string[] = [];
    data[key] = kept;
    for (const item of items) {
      kept.push(item);
      if (render().length > CONTEXT_TEXT_CAP - 24) {
        kept.pop();
        break;
      }
    }
    const cut = items.length - kept.length;
    if (cut) data[`${key}Omitted`] = cut;
    if (!kept.length) delete data[key];
  }
  // Key order for reading: app, screen, title, location, errors, headings, fields, buttons, hiddenForPrivacy.
  const orderedData: Record<string, unknown> = { ...head };
  for (const key of ['errors', 'headings', 'fields', 'buttons', 'hiddenForPrivacy']) {
    if (data[key]) orderedData[key] = data[key];
    if (data[`${key}Omitted`]) orderedData[`${key}Omitted`] = data[`${key}Omitted`];
  }
  const text = `${CONTEXT_MARKER}\n${JSON.stringify(orderedData)}`;
  return { app, screen, frames, text };
}

/** The JSON part of a context text (for tests and the practice stand-in). */
export function contextData(text: string): Record<string, unknown> | null {
  if (!text.startsWith(`${CONTEXT_MARKER}\n`)) return null;
  try {
    return JSON.parse(text.slice(CONTEXT_MARKER.length + 1)) as Record<string, unknown>;
  } catch {
    return null;
  }
}
