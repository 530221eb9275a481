/**
 * Label → element: accessible name or visible text, exact > case-insensitive > contains > token fuzzy, optional role
 * filter, visible elements only, never inside regions dropped for privacy. Not found → the closest (redacted) names.
 * Only controls and structure (buttons, links, tabs, fields, headings, labels, column headers) are candidates: plain
 * text and table cells are what a record shows, so they are never matched and never offered as candidates.
 */
import { accessibleName, isVisible, norm, roleOf, HIGHLIGHT_ATTR, type VisibilityCache } from './dom';
import { findDroppedRegions } from './extract';
import { detectApp, isEmbeddedFrameUrl } from './detect';
import { redactText } from './redact';

export interface ResolveQuery {
  label: string;
  role?: string;
}

export type ResolveResult = { element: Element; score: number; name: string; role: string } | { candidates: string[] };

/** Score at or above which a match counts as found. */
export const FOUND_SCORE = 45;

const INTERACTIVE =
  'button, a[href], input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="link"], [role="tab"], [role="menuitem"], [role="checkbox"], [role="radio"], [role="switch"], [role="combobox"], [role="textbox"], [role="option"], [role="treeitem"], [tabindex]:not([tabindex="-1"])';
const STRUCTURE = 'h1, h2, h3, h4, h5, h6, [role="heading"], label, legend, th, [aria-label], iframe[title]';
/** Longest name that leaves the page in a tool result (found label or candidate). */
export const NAME_CAP = 60;

/** Role aliases the model may use → accepted roles. */
const ROLE_ALIASES: Record<string, string[]> = {
  button: ['button'],
  link: ['link', 'button'],
  tab: ['tab'],
  menuitem: ['menuitem', 'link', 'button'],
  heading: ['heading'],
  field: ['textbox', 'combobox', 'checkbox', 'radio', 'switch', 'label'],
  input: ['textbox', 'combobox'],
  textbox: ['textbox', 'combobox'],
  combobox: ['combobox', 'textbox'],
  select: ['combobox'],
  dropdown: ['combobox'],
  checkbox: ['checkbox', 'switch'],
  radio: ['radio'],
  label: ['label', 'text'],
  text: ['text', 'label', 'heading'],
  column: ['columnheader'],
  columnheader: ['columnheader'],
  frame: ['frame'],
};

const PRIORITY: Record<string, number> = {
  button: 3,
  link: 3,
  tab: 3,
  menuitem: 3,
  textbox: 3,
  combobox: 3,
  checkbox: 3,
  radio: 3,
  heading: 2,
  label: 1,
  columnheader: 1,
};

const tokens = (s: string) =>
  norm(s)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((t) => t && !STOP_WORDS.has(t));

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'to',
  'of',
  'by',
  'and',
  'or',
  'in',
  'on',
  'for',
  'with',
  'button',
  'field',
  'tab',
  'link',
]);

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] ?? 0;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] ?? 0;
      dp[j] = Math.min(tmp + 1, (dp[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length] ?? 0;
}

const tokenMatch = (a: string, b: string) =>
  a === b ||
  (a.length >= 4 &&
    b.length >= 4 &&
    (a.startsWith(b) || b.startsWith(a) || editDistance(a, b) <= (Math.max(a.length, b.length) >= 7 ? 2 : 1)));

/** 0–100: exact 100, case-insensitive 90, contains 60–80, token fuzzy up to 55. */
export function scoreName(name: string, query: string): number {
  const n = norm(name);
  const q = norm(query);
  if (!n || !q) return 0;
  if (n === q) return 100;
  const nl = n.toLowerCase();
  const ql = q.toLowerCase();
  if (nl === ql) return 90;
  const nt = tokens(n);
  const qt = tokens(q);
  if (nt.join(' ') === qt.join(' ')) return 88;
  if (nl.includes(ql)) return 60 + Math.round(20 * (ql.length / nl.length));
  if (ql.includes(nl) && nl.length >= 3) return 50 + Math.round(20 * (nl.length / ql.length));
  if (!qt.length || !nt.length) return 0;
  const matched = qt.filter((t) => nt.some((u) => tokenMatch(t, u))).length;
  const covered = nt.filter((u) => qt.some((t) => tokenMatch(t, u))).length;
  const recall = matched / qt.length;
  const precision = covered / nt.length;
  if (!matched) return 0;
  // Recall weighs more: every word the model said should be there; extra words on the element cost less.
  return Math.round(55 * (0.7 * recall + 0.3 * precision));
}

interface Candidate {
  el: Element;
  name: string;
  role: string;
}

function collect(doc: Document): Candidate[] {
  const { screen } = detectApp(doc.defaultView?.location?.href ?? doc.URL, doc);
  const { roots } = findDroppedRegions(doc, screen);
  const vis: VisibilityCache = new WeakMap();
  const out: Candidate[] = [];
  const seen = new Set<Element>();
  const push = (el: Element, name: string) => {
    if (seen.has(el) || !name) return;
    if (roots.some((r) => r === el || r.contains(el)) || el.closest(`[${HIGHLIGHT_ATTR}]`) || !isVisible(el, vis))
      return;
    seen.add(el);
    out.push({ el, name, role: roleOf(el) });
  };
  for (const el of Array.from(doc.querySelectorAll(INTERACTIVE))) push(el, accessibleName(el, { placeholder: true }));
  for (const el of Array.from(doc.querySelectorAll(STRUCTURE))) {
    const tag = el.tagName.toLowerCase();
    push(el, tag === 'iframe' ? norm(el.getAttribute('title')) : accessibleName(el));
  }
  return out;
}

/** The element to point at for a label: a label's control when there is one, else the element itself. */
function pointTarget(c: Candidate): Element {
  if (c.el.tagName.toLowerCase() === 'label') {
    const f = c.el.getAttribute('for');
    const control = f ? c.el.ownerDocument.getElementById(f) : c.el.querySelector('input, select, textarea');
    if (control && isVisible(control)) return control;
  }
  return c.el;
}

export function resolveElement(doc: Document, query: ResolveQuery): ResolveResult {
  // Embedded (srcdoc/blank/blob) frames are email previews with a subscriber's data: never a target, no candidates.
  if (isEmbeddedFrameUrl(doc.defaultView?.location?.href ?? doc.URL)) return { candidates: [] };
  const all = collect(doc);
  const wanted = query.role ? (ROLE_ALIASES[query.role.toLowerCase()] ?? [query.role.toLowerCase()]) : null;
  const scored = all
    .map((c) => {
      let score = scoreName(c.name, query.label);
      // A wrong role guess costs points rather than hiding the element.
      if (wanted && !wanted.includes(c.role)) score -= 15;
      return { c, score, tie: PRIORITY[c.role] ?? 0 };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || b.tie - a.tie || a.c.name.length - b.c.name.length);
  const best = scored[0];
  if (best && best.score >= FOUND_SCORE) {
    return {
      element: pointTarget(best.c),
      score: best.score,
      name: redactText(best.c.name).slice(0, NAME_CAP),
      role: best.c.role,
    };
  }
  // Nothing shares a word with the label: fall back to character similarity so the model still gets options.
  const pool = scored.length
    ? scored
    : all
        .map((c) => {
          const a = c.name.toLowerCase().slice(0, 40);
          const b = norm(query.label).toLowerCase();
          return { c, score: 1 - editDistance(a, b) / Math.max(a.length, b.length, 1), tie: PRIORITY[c.role] ?? 0 };
        })
        .sort((a, b) => b.score - a.score || b.tie - a.tie);
  const candidates: string[] = [];
  for (const s of pool) {
    const name = redactText(s.c.name).slice(0, NAME_CAP);
    if (!candidates.includes(name)) candidates.push(name);
    if (candidates.length === 3) break;
  }
  return { candidates };
}
