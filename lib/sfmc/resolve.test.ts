// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { resolveElement, scoreName, FOUND_SCORE, type ResolveResult } from './resolve';
import { Window } from 'happy-dom';
import { loadFixture } from '@/tests/fixtures/sfmc/load';
import { PRACTICE_PAGES } from '@/scripts/sfmc-server';

const fixture = (app: string) => {
  const p = PRACTICE_PAGES.find((x) => x.app === app)!;
  return loadFixture(p.file, p.frameUrl).document;
};

function found(r: ResolveResult) {
  if (!('element' in r)) throw new Error(`not found; candidates: ${r.candidates.join(' | ')}`);
  return r;
}

const describeEl = (el: Element) =>
  `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}:${(el.textContent ?? '').trim().slice(0, 40)}`;

describe('scoreName', () => {
  it('orders exact > case-insensitive > contains > fuzzy', () => {
    const exact = scoreName('Journey Settings', 'Journey Settings');
    const ci = scoreName('Journey Settings', 'journey settings');
    const contains = scoreName('Open Journey Settings panel', 'journey settings');
    const fuzzy = scoreName('Journey Settings', 'jorney setings');
    expect(exact).toBe(100);
    expect(ci).toBeLessThan(exact);
    expect(contains).toBeLessThan(ci);
    expect(fuzzy).toBeLessThan(contains);
    expect(fuzzy).toBeGreaterThanOrEqual(FOUND_SCORE);
    expect(scoreName('Delete', 'Journey Settings')).toBe(0);
  });
});

describe('resolveElement on the Journey Builder practice page', () => {
  const doc = fixture('Journey Builder');

  it('finds buttons by exact name, preferring the exact over the longer one', () => {
    expect(describeEl(found(resolveElement(doc, { label: 'Validate' })).element)).toBe('button:Validate');
    expect(describeEl(found(resolveElement(doc, { label: 'Activate', role: 'button' })).element)).toBe(
      'button:Activate',
    );
  });

  it('prefers the interactive element on a tie, and honours the role', () => {
    expect(found(resolveElement(doc, { label: 'journey settings' })).element.tagName).toBe('BUTTON');
    expect(found(resolveElement(doc, { label: 'Journey Settings', role: 'heading' })).element.tagName).toBe('H2');
  });

  it('points at the control of a label', () => {
    const r = found(resolveElement(doc, { label: 'Re-entry: No re-entry' }));
    expect(r.element.id).toBe('reentry-none');
    expect(found(resolveElement(doc, { label: 'Default Email Address', role: 'field' })).element.id).toBe(
      'default-email',
    );
  });

  it('matches by contains and by fuzzy tokens', () => {
    expect(found(resolveElement(doc, { label: 'Re-entry only' })).element.id).toBe('reentry-exit');
    expect(describeEl(found(resolveElement(doc, { label: 'Activte' })).element)).toBe('button:Activate');
    expect(describeEl(found(resolveElement(doc, { label: 'wait duration' })).element)).toBe('button:Wait By Duration');
  });

  it('returns up to 3 candidates when nothing matches well', () => {
    const r = resolveElement(doc, { label: 'Publish to production' });
    expect('candidates' in r && r.candidates.length).toBeGreaterThan(0);
    if ('candidates' in r) expect(r.candidates.length).toBeLessThanOrEqual(3);
  });

  it('never resolves into the dropped contact history, and candidates carry no personal data', () => {
    const r = resolveElement(doc, { label: 'maria.gonzalez@example.net' });
    expect('element' in r).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/@|maria|liam/i);
  });
});

describe('resolveElement on other practice pages', () => {
  it('Automation Studio: Target Data Extension → its input', () => {
    const r = found(resolveElement(fixture('Automation Studio'), { label: 'Target Data Extension' }));
    expect(r.element.id).toBe('target-de');
    expect(r.score).toBe(100);
  });

  it('Contact Builder records: tabs by role; no cell is a target', () => {
    const doc = fixture('Contact Builder');
    expect(found(resolveElement(doc, { label: 'Records', role: 'tab' })).element.getAttribute('role')).toBe('tab');
    expect('element' in resolveElement(doc, { label: 'Oluwaseun' })).toBe(false);
  });

  it('Setup: the client secret value is not a target', () => {
    const doc = fixture('Setup');
    expect('element' in resolveElement(doc, { label: 'Qm7Rk2Xv9Lp4Tz8Nw3Jb6Hc1dF5gS0aE' })).toBe(false);
    expect(describeEl(found(resolveElement(doc, { label: 'Rotate Client Secret' })).element)).toBe(
      'button:Rotate Client Secret',
    );
  });
});

function docAt(url: string, html: string): Document {
  const w = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableIframePageLoading: true } });
  w.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return w.document as unknown as Document;
}

describe('embedded preview frames', () => {
  it('never resolve and give no candidates (they show a subscriber)', () => {
    expect(
      resolveElement(docAt('about:srcdoc', '<h1>Welcome, Maria!</h1><button>Shop now</button>'), { label: 'Shop now' }),
    ).toEqual({ candidates: [] });
  });
});

describe('visibility', () => {
  it('skips hidden elements', () => {
    const doc = docAt(
      'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/',
      '<div hidden><button>Save</button></div><button style="display:none">Save</button><button id="v">Save draft</button>',
    );
    const r = found(resolveElement(doc, { label: 'Save' }));
    expect(r.element.id).toBe('v');
  });
});

describe('resolveElement never reaches into records', () => {
  const html = `<h1>Contacts</h1><button>Export</button><table><thead><tr><th>Name</th><th>Budget</th></tr></thead>
    <tbody><tr><td>Jane Doe</td><td>1 500 000 EUR</td></tr><tr><td><span>Max Mustermann</span></td><td>42</td></tr></tbody></table>
    <p>Jane Doe is your account owner</p><div>Budget approved by Max Mustermann</div>
    <button aria-label="${'Very long button name '.repeat(8)}">x</button>`;
  const doc = new Window({ url: 'https://mc.s11.exacttarget.com/contacts' }).document as unknown as Document;
  doc.body.innerHTML = html;

  it('does not match table cells or plain text, and offers none of them as candidates', () => {
    for (const label of ['Jane Doe', 'Max Mustermann', '1 500 000 EUR', 'Budget approved']) {
      const r = resolveElement(doc, { label });
      if ('element' in r) expect(['th', 'h1', 'button']).toContain(r.element.tagName.toLowerCase());
      const offered = 'element' in r ? [r.name] : r.candidates;
      expect(offered.join(' | ')).not.toMatch(/Jane|Mustermann|1 500 000|42/);
    }
  });

  it('caps every name that leaves the page', () => {
    const r = resolveElement(doc, { label: 'Very long button name' });
    expect('element' in r && r.name.length).toBeLessThanOrEqual(60);
    const miss = resolveElement(doc, { label: 'zzzz qqqq' });
    for (const c of 'candidates' in miss ? miss.candidates : []) expect(c.length).toBeLessThanOrEqual(60);
  });
});
