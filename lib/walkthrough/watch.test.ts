// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawHighlight, clearHighlight } from '@/lib/sfmc/highlight';
import { watchStep, WATCH_DEBOUNCE_MS, type WatchOptions } from './watch';

/** A user's click as the browser delivers it: `isTrusted` is set by the browser only (happy-dom never sets it). */
function userEvent<E extends Event>(ev: E): E {
  Object.defineProperty(ev, 'isTrusted', { value: true });
  return ev;
}
const userClick = (el: Element) => {
  const ev = userEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
  el.dispatchEvent(ev);
  return ev;
};
const userKey = (el: Element, key: string, code = key) => {
  const ev = userEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
  el.dispatchEvent(ev);
  return ev;
};
const $ = (sel: string) => document.querySelector(sel)!;

/** Let the MutationObserver deliver (microtask), then the debounce run. */
async function settle(ms = WATCH_DEBOUNCE_MS) {
  await Promise.resolve();
  await Promise.resolve();
  vi.advanceTimersByTime(ms);
}

let stop: (() => void) | undefined;
const watch = (target: { label: string; role?: string }, opts: Partial<WatchOptions> = {}) => {
  const calls = { done: [] as string[], found: [] as Element[], missing: [] as string[][] };
  stop = watchStep(target, {
    doc: document,
    onDone: (how) => calls.done.push(how),
    onFound: (el) => calls.found.push(el),
    onMissing: (c) => calls.missing.push(c),
    ...opts,
  });
  return calls;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.innerHTML = `
    <header><button id="settings" type="button"><span class="icon">⚙</span> Journey Settings</button><button id="save">Save</button></header>
    <main id="main"></main>`;
});
afterEach(() => {
  stop?.();
  stop = undefined;
  clearHighlight(document);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('watchStep: finding the target', () => {
  it('reports the element found at once, or the closest candidates when it is not in this frame', () => {
    const a = watch({ label: 'Journey Settings', role: 'button' });
    expect(a.found).toEqual([$('#settings')]);
    expect(a.missing).toEqual([]);
    stop!();
    const b = watch({ label: 'jorney setings' });
    expect(b.found).toHaveLength(1); // fuzzy still finds it
    stop!();
    const c = watch({ label: 'Entry Source' });
    expect(c.found).toEqual([]);
    expect(c.missing).toHaveLength(1);
    expect(c.missing[0]).toEqual(expect.arrayContaining(['Save']));
  });

  it('finds the target again after the DOM changes (debounced), and reports it lost and found', async () => {
    const calls = watch({ label: 'Re-entry anytime' });
    expect(calls.missing).toHaveLength(1);
    $('#main').innerHTML = '<label><input type="radio" id="any" name="r"> Re-entry anytime</label>';
    await settle(WATCH_DEBOUNCE_MS - 10);
    expect(calls.found).toHaveLength(0); // still inside the debounce
    vi.advanceTimersByTime(10);
    expect(calls.found).toEqual([$('#any')]);
    // A re-render replaces the element: reported again with the new one.
    $('#main').innerHTML = '<label><input type="radio" id="any2" name="r"> Re-entry anytime</label>';
    await settle();
    expect(calls.found.at(-1)).toBe($('#any2'));
    $('#main').innerHTML = '';
    await settle();
    expect(calls.missing).toHaveLength(2);
    // The same missing state is not reported twice.
    $('#main').innerHTML = '<p>Loading</p>';
    await settle();
    expect(calls.missing.length).toBeLessThanOrEqual(3);
    expect(calls.done).toEqual([]);
  });

  it('re-resolves on navigation (hashchange/popstate)', () => {
    const calls = watch({ label: 'Automation Studio' });
    expect(calls.missing).toHaveLength(1);
    const link = document.createElement('a');
    link.href = '#as';
    link.textContent = 'Automation Studio';
    // Appended without waiting for the observer: the navigation event alone must trigger a check.
    $('header').append(link);
    window.dispatchEvent(new Event('hashchange'));
    vi.advanceTimersByTime(WATCH_DEBOUNCE_MS);
    expect(calls.found).toEqual([link]);
  });

  it('ignores its own outline: drawing the highlight does not trigger a re-check loop', async () => {
    let found = 0;
    watch(
      { label: 'Journey Settings' },
      { onFound: (el) => (found++, drawHighlight(el, { label: 'Journey Settings' })) },
    );
    expect(found).toBe(1);
    expect(document.querySelectorAll('[data-sfmc-voice-highlight]')).toHaveLength(1);
    await settle();
    await settle();
    expect(found).toBe(1);
  });
});

describe('watchStep: the user doing the step', () => {
  it('a trusted click on the target or inside it completes the step, once', () => {
    const calls = watch({ label: 'Journey Settings' });
    userClick($('#settings .icon'));
    expect(calls.done).toEqual(['click']);
    userClick($('#settings'));
    expect(calls.done).toEqual(['click']); // stopped after the first
  });

  it('a click elsewhere does not complete it', () => {
    const calls = watch({ label: 'Journey Settings' });
    userClick($('#save'));
    userClick(document.body);
    expect(calls.done).toEqual([]);
  });

  it('untrusted (synthetic) clicks and keys never complete a step', () => {
    const calls = watch({ label: 'Journey Settings' });
    const el = $('#settings') as HTMLButtonElement;
    el.click();
    el.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const forged = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(forged, 'isTrusted', { value: false });
    el.dispatchEvent(forged);
    expect(calls.done).toEqual([]);
    userClick(el);
    expect(calls.done).toEqual(['click']);
  });

  it('keyboard activation: Enter or Space on the target; other keys do not count', () => {
    const a = watch({ label: 'Journey Settings' });
    userKey($('#settings'), 'Tab');
    userKey($('#settings'), 'a', 'KeyA');
    userKey($('#save'), 'Enter');
    expect(a.done).toEqual([]);
    userKey($('#settings'), 'Enter');
    expect(a.done).toEqual(['keyboard']);
    stop!();
    const b = watch({ label: 'Save' });
    userKey($('#save'), ' ', 'Space');
    expect(b.done).toEqual(['keyboard']);
  });

  it('a click on the label of a pointed-at control counts', () => {
    $('#main').innerHTML =
      '<input type="radio" id="exit" name="r"><label for="exit">Re-entry only after exiting</label>';
    const calls = watch({ label: 'Re-entry only after exiting' });
    expect(calls.found).toEqual([$('#exit')]); // the resolver points at the control
    userClick($('label[for="exit"]'));
    expect(calls.done).toEqual(['click']);
  });

  it('a click on a freshly re-rendered target counts before the debounce has seen it', async () => {
    const calls = watch({ label: 'Journey Settings' });
    $('header').innerHTML = '<button id="settings2">Journey Settings</button>';
    userClick($('#settings2')); // no settle: the watcher's element is the detached old one
    expect(calls.done).toEqual(['click']);
  });

  it('never prevents the default or stops the event reaching the page', () => {
    const pageSaw: Event[] = [];
    document.body.addEventListener('click', (e) => pageSaw.push(e));
    document.body.addEventListener('keydown', (e) => pageSaw.push(e));
    const addSpy = vi.spyOn(window, 'addEventListener');
    watch({ label: 'Journey Settings' });
    for (const [type, , options] of addSpy.mock.calls) {
      if (type === 'click' || type === 'keydown') expect(options).toMatchObject({ capture: true, passive: true });
    }
    const click = userClick($('#settings'));
    expect(click.defaultPrevented).toBe(false);
    stop!();
    watch({ label: 'Save' });
    const key = userKey($('#save'), 'Enter');
    expect(key.defaultPrevented).toBe(false);
    expect(pageSaw).toEqual([click, key]);
  });

  it('dispatches no events and clicks nothing itself', async () => {
    const seen: string[] = [];
    const types = [
      'click',
      'mousedown',
      'mouseup',
      'pointerdown',
      'keydown',
      'keyup',
      'input',
      'change',
      'focus',
      'focusin',
      'submit',
    ];
    const spy = (e: Event) => seen.push(e.type);
    for (const t of types) window.addEventListener(t, spy, { capture: true });
    const click = vi.spyOn(HTMLElement.prototype, 'click');
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    const calls = watch({ label: 'Re-entry anytime' }, { next: { label: 'Done' } });
    $('#main').innerHTML = '<label><input type="radio"> Re-entry anytime</label>';
    await settle();
    window.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(WATCH_DEBOUNCE_MS);
    expect(calls.found).toHaveLength(1); // it did work meanwhile
    expect(seen).toEqual([]);
    expect(click).not.toHaveBeenCalled();
    expect(focus).not.toHaveBeenCalled();
    // The listener is live: a user's click shows up (so the empty list above means something).
    userClick($('#main label'));
    expect(seen[0]).toBe('click');
    for (const t of types) window.removeEventListener(t, spy, { capture: true });
  });
});

describe('watchStep: the screen moving on to the next step', () => {
  it('completes when the next target appears and the current one is gone', async () => {
    const calls = watch({ label: 'Journey Settings' }, { next: { label: 'Re-entry anytime' } });
    $('header').innerHTML = '<h1>Journey Settings panel loading</h1>'.replace('Journey Settings', 'Canvas');
    await settle();
    expect(calls.done).toEqual([]); // current gone, next not there yet
    $('#main').innerHTML = '<label><input type="radio"> Re-entry anytime</label>';
    await settle();
    expect(calls.done).toEqual(['screen']);
  });

  it('does not complete while the current target is still there', async () => {
    const calls = watch({ label: 'Journey Settings' }, { next: { label: 'Re-entry anytime' } });
    $('#main').innerHTML = '<label><input type="radio"> Re-entry anytime</label>';
    await settle();
    expect(calls.done).toEqual([]);
    userClick($('#settings'));
    expect(calls.done).toEqual(['click']);
  });

  it('a next target that was there from the start does not count (another frame may own the current one)', async () => {
    $('#main').innerHTML = '<button>Done</button>';
    const calls = watch({ label: 'Journey Settings' }, { next: { label: 'Done' } });
    expect(calls.done).toEqual([]);
    $('header').innerHTML = '';
    await settle();
    expect(calls.done).toEqual([]);
    // Gone and back again: now it appeared.
    $('#main').innerHTML = '';
    await settle();
    $('#main').innerHTML = '<button>Done</button>';
    await settle();
    expect(calls.done).toEqual(['screen']);
  });
});

describe('watchStep: stop()', () => {
  it('stops listening, observing and re-checking', async () => {
    const calls = watch({ label: 'Re-entry anytime' }, { next: { label: 'Done' } });
    stop!();
    $('#main').innerHTML = '<label><input type="radio"> Re-entry anytime</label><button>Done</button>';
    await settle();
    window.dispatchEvent(new Event('hashchange'));
    vi.advanceTimersByTime(WATCH_DEBOUNCE_MS * 4);
    userClick($('#main label'));
    expect(calls).toEqual({ done: [], found: [], missing: [expect.any(Array)] });
  });
});
