/**
 * Structure of one frame: headings, field labels, button/link/tab names, visible validation errors. Never input values,
 * editor text or table cells. Regions that show records, previews or secrets are dropped whole and named in `dropped`.
 * Every string passes `redactText` before it leaves this function.
 */
import type { FrameContext } from './types';
import { detectApp, isEmbeddedFrameUrl } from './detect';
import { redactText, redactUrl } from './redact';
import { PII_COLUMN, PII_SCREENS, SECRET_FIELD, SEL } from './selectors';
import {
  HIGHLIGHT_ATTR,
  USER_CONTENT,
  accessibleName,
  controlLabel,
  isVisible,
  norm,
  safeText,
  type VisibilityCache,
} from './dom';

export const LIMITS = { text: 100, headings: 20, labels: 40, buttons: 40, errors: 10 } as const;

export interface DroppedRegions {
  roots: Element[];
  names: string[];
}

function tableHeaders(table: Element): string[] {
  return Array.from(table.querySelectorAll('th, [role="columnheader"]')).map((th) => norm(th.textContent));
}

/** Does a table/grid hold personal data? Column names that mean PII, or any cell the redactor would change. */
function tableLooksPersonal(table: Element): boolean {
  if (tableHeaders(table).some((h) => PII_COLUMN.test(h))) return true;
  const cells = table.querySelectorAll('td, [role="gridcell"], [role="cell"], li');
  for (const cell of Array.from(cells).slice(0, 200)) {
    const t = norm(cell.textContent);
    if (t && redactText(t) !== t) return true;
  }
  return false;
}

/** Find the regions to drop whole. `screen` comes from detection: records screens drop every table. */
export function findDroppedRegions(doc: Document, screen: string): DroppedRegions {
  const roots: Element[] = [];
  const names = new Set<string>();
  const add = (el: Element, name: string) => {
    if (roots.some((r) => r === el || r.contains(el))) {
      names.add(name);
      return;
    }
    roots.push(el);
    names.add(name);
  };
  for (const { name, selector } of SEL.pii) for (const el of Array.from(doc.querySelectorAll(selector))) add(el, name);
  for (const el of Array.from(doc.querySelectorAll('iframe[srcdoc]'))) add(el, 'email preview');
  const screenDrop = PII_SCREENS[screen];
  for (const table of Array.from(doc.querySelectorAll(SEL.tables))) {
    if (screenDrop) add(table, screenDrop);
    else if (tableLooksPersonal(table)) add(table, 'records table');
  }
  // Secret fields: the control (its value) and the element that displays it next to the label.
  for (const el of Array.from(doc.querySelectorAll('input, textarea, output, [data-field]'))) {
    const label = controlLabel(el) || norm(el.getAttribute('data-field')) || norm(el.getAttribute('name'));
    if (SECRET_FIELD.test(label)) add(el, 'client secret');
  }
  for (const lab of Array.from(doc.querySelectorAll('label, dt, th'))) {
    if (!SECRET_FIELD.test(norm(lab.textContent))) continue;
    const shown = lab.tagName.toLowerCase() === 'dt' ? lab.nextElementSibling : null;
    if (shown) add(shown, 'client secret');
  }
  return { roots, names: [...names] };
}

const cap = (s: string) => (s.length > LIMITS.text ? `${s.slice(0, LIMITS.text - 1)}…` : s);

class Collector {
  private seen = new Set<string>();
  readonly items: string[] = [];
  constructor(private max: number) {}
  add(raw: string) {
    const s = cap(redactText(norm(raw)));
    if (!s || this.items.length >= this.max) return;
    const key = s.toLowerCase();
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(s);
  }
}

function isTopWindow(doc: Document): boolean {
  const w = doc.defaultView;
  try {
    return !w || w.top === w;
  } catch {
    return false;
  }
}

/** Extract one frame's redacted structure. */
export function extractFrameContext(doc: Document, url: string): FrameContext {
  const isTop = isTopWindow(doc);
  const { app, screen } = detectApp(url, doc);
  const base: FrameContext = {
    url: redactUrl(url),
    isTop,
    app,
    screen,
    title: '',
    headings: [],
    labels: [],
    buttons: [],
    errors: [],
    dropped: [],
  };
  // about:blank / srcdoc / blob: frames are SFMC's email previews and editors: nothing is read from them.
  if (isEmbeddedFrameUrl(url)) return { ...base, dropped: ['embedded preview frame'] };

  const { roots, names } = findDroppedRegions(doc, screen);
  const vis: VisibilityCache = new WeakMap();
  const usable = (el: Element) =>
    !roots.some((r) => r === el || r.contains(el)) &&
    !el.closest(`[${HIGHLIGHT_ATTR}]`) &&
    !el.parentElement?.closest(USER_CONTENT) &&
    isVisible(el, vis);

  const headings = new Collector(LIMITS.headings);
  const labels = new Collector(LIMITS.labels);
  const buttons = new Collector(LIMITS.buttons);
  const errors = new Collector(LIMITS.errors);

  for (const el of Array.from(doc.querySelectorAll(SEL.headings))) if (usable(el)) headings.add(accessibleName(el));
  for (const el of Array.from(doc.querySelectorAll(SEL.labels))) {
    if (!usable(el)) continue;
    const tag = el.tagName.toLowerCase();
    labels.add(
      tag === 'label' || tag === 'legend' || tag === 'th' ? safeText(el) : norm(el.getAttribute('aria-label')),
    );
  }
  // Column names of dropped record tables are structure (not values): keep them as labels.
  for (const root of roots) {
    for (const th of Array.from(root.querySelectorAll('th, [role="columnheader"]'))) {
      const name = norm(th.textContent);
      if (name && isVisible(th, vis)) labels.add(`Column: ${name}`);
    }
  }
  for (const el of Array.from(doc.querySelectorAll(SEL.buttons))) if (usable(el)) buttons.add(accessibleName(el));
  // Messages referenced by an invalid field are reported with that field, not again on their own.
  const invalid = Array.from(doc.querySelectorAll('[aria-invalid="true"]'));
  const referenced = new Set(
    invalid.flatMap((el) =>
      `${el.getAttribute('aria-errormessage') ?? ''} ${el.getAttribute('aria-describedby') ?? ''}`
        .split(/\s+/)
        .filter(Boolean),
    ),
  );
  for (const el of Array.from(doc.querySelectorAll(SEL.errors))) {
    if (!usable(el)) continue;
    if (el.id && referenced.has(el.id) && el.getAttribute('aria-invalid') !== 'true') continue;
    if (el.getAttribute('aria-invalid') === 'true') {
      const ids = `${el.getAttribute('aria-errormessage') ?? ''} ${el.getAttribute('aria-describedby') ?? ''}`.trim();
      const msg = ids
        .split(/\s+/)
        .map((id) => (id ? doc.getElementById(id) : null))
        .filter((e): e is HTMLElement => !!e && isVisible(e, vis))
        .map((e) => safeText(e))
        .join(' ');
      const name = norm(accessibleName(el).replace(msg, ''));
      errors.add(msg ? (name && !msg.includes(name) ? `${name}: ${msg}` : msg) : `${name || 'A field'} is invalid`);
    } else errors.add(safeText(el));
  }

  return {
    ...base,
    title: cap(redactText(norm(doc.title))),
    headings: headings.items,
    labels: labels.items,
    buttons: buttons.items,
    errors: errors.items,
    dropped: names,
  };
}
