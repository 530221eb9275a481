// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearHighlight, cutoutPath, drawHighlight, hasHighlight } from './highlight';
import { extractFrameContext } from './extract';
import { resolveElement } from './resolve';

const hosts = () => document.querySelectorAll('[data-sfmc-voice-highlight]');

beforeEach(() => {
  document.body.innerHTML = '<button id="save">Save</button><button id="validate">Validate</button>';
  const rect = {
    left: 100,
    top: 200,
    width: 80,
    height: 30,
    right: 180,
    bottom: 230,
    x: 100,
    y: 200,
    toJSON: () => ({}),
  };
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockReturnValue(rect as DOMRect);
});
afterEach(() => {
  clearHighlight(document);
  vi.restoreAllMocks();
});

describe('drawHighlight', () => {
  it('scrolls the element into view and draws the cutout, ring and caption in a shadow root', () => {
    const el = document.getElementById('save')!;
    const scroll = vi.fn();
    el.scrollIntoView = scroll;
    const host = drawHighlight(el, { label: 'Save', note: 'Save your journey first' });
    expect(scroll).toHaveBeenCalledWith({ block: 'center', inline: 'nearest' });
    expect(hosts()).toHaveLength(1);
    expect(host.getAttribute('data-label')).toBe('Save');
    expect(host.getAttribute('style')).toContain('pointer-events:none');
    expect(host.getAttribute('style')).toContain('position:fixed');
    const root = host.shadowRoot!;
    expect(root.querySelector('[data-part="caption"]')!.textContent).toBe('Save your journey first');
    const path = root.querySelector('[data-part="cutout"]')!;
    expect(path.getAttribute('fill-rule')).toBe('evenodd');
    expect(path.getAttribute('d')).toMatch(/^M0 0H\d+V\d+H0Z M100 194H/);
    const ring = root.querySelector('[data-part="ring"]')!;
    expect([
      ring.getAttribute('x'),
      ring.getAttribute('y'),
      ring.getAttribute('width'),
      ring.getAttribute('height'),
    ]).toEqual(['94', '194', '92', '42']);
  });

  it('uses the label as caption without a note', () => {
    const host = drawHighlight(document.getElementById('save')!, { label: 'Save' });
    expect(host.shadowRoot!.querySelector('[data-part="caption"]')!.textContent).toBe('Save');
  });

  it('keeps one highlight per document', () => {
    drawHighlight(document.getElementById('save')!, { label: 'Save' });
    drawHighlight(document.getElementById('validate')!, { label: 'Validate' });
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.getAttribute('data-label')).toBe('Validate');
  });

  it('clears on Escape and on clearHighlight()', () => {
    drawHighlight(document.getElementById('save')!, { label: 'Save' });
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(hosts()).toHaveLength(0);
    expect(hasHighlight(document)).toBe(false);
    drawHighlight(document.getElementById('save')!, { label: 'Save' });
    clearHighlight(document);
    expect(hosts()).toHaveLength(0);
  });

  it('follows the element on scroll', async () => {
    const host = drawHighlight(document.getElementById('save')!, { label: 'Save' });
    vi.mocked(HTMLElement.prototype.getBoundingClientRect).mockReturnValue({
      left: 100,
      top: 50,
      width: 80,
      height: 30,
    } as DOMRect);
    window.dispatchEvent(new Event('scroll'));
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    expect(host.shadowRoot!.querySelector('[data-part="ring"]')!.getAttribute('y')).toBe('44');
  });

  it('is invisible to extraction and resolution', () => {
    drawHighlight(document.getElementById('save')!, { label: 'Save', note: 'Click Validate next' });
    const ctx = extractFrameContext(document, 'https://jbinteractions.s10.marketingcloudapps.com/#/x/1');
    expect(JSON.stringify(ctx)).not.toContain('Click Validate next');
    const r = resolveElement(document, { label: 'Click Validate next' });
    expect('element' in r && r.element.tagName === 'SFMC-VOICE-HIGHLIGHT').toBe(false);
  });
});

describe('cutoutPath', () => {
  it('outer rect then a rounded inner rect (even-odd hole)', () => {
    expect(cutoutPath(100, 50, 10, 10, 20, 10, 0)).toBe(
      'M0 0H100V50H0Z M10 10H30A0 0 0 0 1 30 10V20A0 0 0 0 1 30 20H10A0 0 0 0 1 10 20V10A0 0 0 0 1 10 10Z',
    );
  });
});
