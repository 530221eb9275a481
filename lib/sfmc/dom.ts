/** DOM helpers shared by extraction and label resolution: visibility, accessible names, text that is safe to read. */

/** Attribute on our own highlight host; everything under it is ignored by extraction, resolution and observers. */
export const HIGHLIGHT_ATTR = 'data-sfmc-voice-highlight';

/** Elements whose text is user content (values, code, editors): never read. */
export const NEVER_READ =
  'textarea, select, option, input, script, style, noscript, template, pre, code, [contenteditable=""], [contenteditable="true"], .CodeMirror, .monaco-editor, .ace_editor';

/** Containers of user content (editors, code): nothing inside them is reported, even headings or buttons. */
export const USER_CONTENT =
  'textarea, select, pre, code, [contenteditable=""], [contenteditable="true"], .CodeMirror, .monaco-editor, .ace_editor';

export const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

export type VisibilityCache = WeakMap<Element, boolean>;

function selfHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  if (el.hasAttribute(HIGHLIGHT_ATTR)) return true;
  const tag = el.tagName.toLowerCase();
  if (tag === 'input' && (el as HTMLInputElement).type === 'hidden') return true;
  const inline = (el as HTMLElement).style;
  if (inline && (inline.display === 'none' || inline.visibility === 'hidden')) return true;
  const view = el.ownerDocument?.defaultView;
  if (!view) return false;
  const st = view.getComputedStyle(el);
  return st.display === 'none' || st.visibility === 'hidden';
}

/** Visible = neither it nor an ancestor is hidden (attribute, aria-hidden, display/visibility) or `<details>`-closed. */
export function isVisible(el: Element, cache: VisibilityCache = new WeakMap()): boolean {
  const cached = cache.get(el);
  if (cached !== undefined) return cached;
  let visible = !selfHidden(el);
  const parent = el.parentElement;
  if (visible && parent) {
    if (
      parent.tagName.toLowerCase() === 'details' &&
      !parent.hasAttribute('open') &&
      el.tagName.toLowerCase() !== 'summary'
    )
      visible = false;
    else visible = isVisible(parent, cache);
  }
  cache.set(el, visible);
  return visible;
}

/** Visible text of an element, skipping user-content elements and hidden descendants. */
export function safeText(el: Element, cache?: VisibilityCache): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const e = child as Element;
        if (e.matches(NEVER_READ) || e.hasAttribute(HIGHLIGHT_ATTR)) continue;
        if (selfHidden(e)) continue;
        if (e.tagName.toLowerCase() === 'img') parts.push(` ${e.getAttribute('alt') ?? ''} `);
        else {
          parts.push(' ');
          walk(e);
          parts.push(' ');
        }
      }
    }
  };
  if (cache && !isVisible(el, cache)) return '';
  walk(el);
  return norm(parts.join(''));
}

function byIds(doc: Document, ids: string): string {
  return norm(
    ids
      .split(/\s+/)
      .map((id) => (id ? doc.getElementById(id) : null))
      .filter((e): e is HTMLElement => !!e)
      .map((e) => safeText(e))
      .join(' '),
  );
}

const isControl = (el: Element) => /^(input|select|textarea)$/i.test(el.tagName);

/** Label text for a form control: aria-labelledby, aria-label, label[for], wrapping label, title. */
export function controlLabel(el: Element): string {
  const doc = el.ownerDocument;
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const t = byIds(doc, labelledby);
    if (t) return t;
  }
  const aria = norm(el.getAttribute('aria-label'));
  if (aria) return aria;
  const id = el.getAttribute('id');
  if (id) {
    const lab = Array.from(doc.querySelectorAll('label[for]')).find((l) => l.getAttribute('for') === id);
    if (lab) return safeText(lab);
  }
  const wrap = el.closest('label');
  if (wrap) return safeText(wrap);
  return norm(el.getAttribute('title'));
}

/**
 * Accessible name (simplified accname): aria-labelledby, aria-label, control labels, button values, alt, text, title.
 * Never an input's typed value (only button-type inputs, whose value is their caption).
 */
export function accessibleName(el: Element, opts: { placeholder?: boolean } = {}): string {
  const tag = el.tagName.toLowerCase();
  if (tag === 'input') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    if (['button', 'submit', 'reset'].includes(type)) {
      return (
        norm(el.getAttribute('aria-label')) || norm(el.getAttribute('value')) || (type === 'submit' ? 'Submit' : '')
      );
    }
  }
  if (isControl(el)) {
    const l = controlLabel(el);
    if (l) return l;
    return opts.placeholder ? norm(el.getAttribute('placeholder')) : '';
  }
  const labelledby = el.getAttribute('aria-labelledby');
  if (labelledby) {
    const t = byIds(el.ownerDocument, labelledby);
    if (t) return t;
  }
  const aria = norm(el.getAttribute('aria-label'));
  if (aria) return aria;
  if (tag === 'img') return norm(el.getAttribute('alt'));
  return safeText(el) || norm(el.getAttribute('title'));
}

/** Implicit or explicit ARIA role (the subset we need). */
export function roleOf(el: Element): string {
  const explicit = el.getAttribute('role');
  if (explicit) return (explicit.split(/\s+/)[0] ?? '').toLowerCase();
  const tag = el.tagName.toLowerCase();
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'button' || tag === 'summary') return 'button';
  if (tag === 'a' && el.hasAttribute('href')) return 'link';
  if (tag === 'select') return 'combobox';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'input') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
    if (type === 'checkbox') return 'checkbox';
    if (type === 'radio') return 'radio';
    return 'textbox';
  }
  if (tag === 'label' || tag === 'legend') return 'label';
  if (tag === 'th') return 'columnheader';
  if (tag === 'iframe') return 'frame';
  return 'text';
}
