/**
 * Point at an element in this frame: a driver.js-style dim with an even-odd SVG cutout around the element, an outline
 * ring and a caption, all inside an open shadow root on a `position:fixed` host with `pointer-events:none` (the page
 * stays fully usable; we never click or type). One highlight per document; Escape, `clearHighlight()`, or the next
 * highlight removes it. The host carries `data-sfmc-voice-highlight` (+ `data-label`) for tests.
 */
import { HIGHLIGHT_ATTR } from './dom';

export const HOST_TAG = 'sfmc-voice-highlight';
const PAD = 6;
const RADIUS = 6;

interface Active {
  host: HTMLElement;
  dispose: () => void;
}

const active = new WeakMap<Document, Active>();

const CSS_TEXT = `
:host { all: initial; }
svg { position: fixed; inset: 0; width: 100vw; height: 100vh; pointer-events: none; }
.dim { fill: rgba(15, 23, 42, 0.45); fill-rule: evenodd; }
.ring { fill: none; stroke: #f59e0b; stroke-width: 3; }
.caption {
  position: fixed; max-width: 320px; box-sizing: border-box; padding: 8px 12px; border-radius: 8px;
  background: #111827; color: #fff; font: 500 14px/1.4 system-ui, sans-serif; pointer-events: none;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.35); border-left: 4px solid #f59e0b;
}
.caption:empty { display: none; }
`;

/** Rounded-rect subpath; with the outer viewport rect and `fill-rule: evenodd` it becomes the cutout. */
export function cutoutPath(vw: number, vh: number, x: number, y: number, w: number, h: number, r = RADIUS): string {
  const rr = Math.max(0, Math.min(r, w / 2, h / 2));
  return (
    `M0 0H${vw}V${vh}H0Z ` +
    `M${x + rr} ${y}H${x + w - rr}A${rr} ${rr} 0 0 1 ${x + w} ${y + rr}V${y + h - rr}A${rr} ${rr} 0 0 1 ${x + w - rr} ${y + h}` +
    `H${x + rr}A${rr} ${rr} 0 0 1 ${x} ${y + h - rr}V${y + rr}A${rr} ${rr} 0 0 1 ${x + rr} ${y}Z`
  );
}

export function clearHighlight(doc: Document = document): void {
  const a = active.get(doc);
  if (!a) return;
  active.delete(doc);
  a.dispose();
  a.host.remove();
}

export function hasHighlight(doc: Document = document): boolean {
  return active.has(doc);
}

export function drawHighlight(target: Element, opts: { label: string; note?: string }): HTMLElement {
  const doc = target.ownerDocument;
  const view = doc.defaultView;
  clearHighlight(doc);
  target.scrollIntoView?.({ block: 'center', inline: 'nearest' });

  const NS = 'http://www.w3.org/2000/svg';
  const host = doc.createElement(HOST_TAG);
  host.setAttribute(HIGHLIGHT_ATTR, '');
  host.setAttribute('data-label', opts.label);
  host.setAttribute(
    'style',
    'position:fixed!important;inset:0!important;z-index:2147483647!important;pointer-events:none!important;display:block!important;',
  );
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS_TEXT;
  const svg = doc.createElementNS(NS, 'svg');
  const dim = doc.createElementNS(NS, 'path');
  dim.setAttribute('class', 'dim');
  dim.setAttribute('data-part', 'cutout');
  dim.setAttribute('fill-rule', 'evenodd');
  const ring = doc.createElementNS(NS, 'rect');
  ring.setAttribute('class', 'ring');
  ring.setAttribute('data-part', 'ring');
  ring.setAttribute('rx', String(RADIUS));
  svg.append(dim, ring);
  const caption = doc.createElement('div');
  caption.className = 'caption';
  caption.setAttribute('data-part', 'caption');
  caption.setAttribute('role', 'status');
  caption.textContent = opts.note || opts.label;
  root.append(style, svg, caption);

  let frame = 0;
  const update = () => {
    frame = 0;
    const vw = view?.innerWidth ?? doc.documentElement.clientWidth;
    const vh = view?.innerHeight ?? doc.documentElement.clientHeight;
    const r = target.getBoundingClientRect();
    const x = Math.round(r.left - PAD);
    const y = Math.round(r.top - PAD);
    const w = Math.round(r.width + 2 * PAD);
    const h = Math.round(r.height + 2 * PAD);
    svg.setAttribute('viewBox', `0 0 ${vw} ${vh}`);
    dim.setAttribute('d', cutoutPath(vw, vh, x, y, w, h));
    ring.setAttribute('x', String(x));
    ring.setAttribute('y', String(y));
    ring.setAttribute('width', String(w));
    ring.setAttribute('height', String(h));
    const below = y + h + 8;
    const top = below + 60 < vh ? below : Math.max(8, y - 8 - 60);
    caption.style.top = `${top}px`;
    caption.style.left = `${Math.max(8, Math.min(x, vw - 328))}px`;
    host.toggleAttribute('data-detached', !target.isConnected);
  };
  const schedule = () => {
    if (frame || !view) return;
    frame = view.requestAnimationFrame(update);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') clearHighlight(doc);
  };
  view?.addEventListener('scroll', schedule, { capture: true, passive: true });
  view?.addEventListener('resize', schedule, { passive: true });
  view?.addEventListener('keydown', onKey, { capture: true });
  const dispose = () => {
    if (frame && view) view.cancelAnimationFrame(frame);
    view?.removeEventListener('scroll', schedule, { capture: true });
    view?.removeEventListener('resize', schedule);
    view?.removeEventListener('keydown', onKey, { capture: true });
  };

  doc.documentElement.appendChild(host);
  update();
  active.set(doc, { host, dispose });
  return host;
}
