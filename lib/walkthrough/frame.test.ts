// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFrameWalkthrough, outlineNote, type FrameStepEvent, type WatchRequest } from './frame';
import { WATCH_DEBOUNCE_MS } from './watch';

const hosts = () => document.querySelectorAll('[data-sfmc-voice-highlight]');
const caption = () => hosts()[0]?.shadowRoot?.querySelector('[data-part="caption"]')?.textContent;
const userClick = (el: Element) => {
  const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(ev, 'isTrusted', { value: true });
  el.dispatchEvent(ev);
};
const STEP0: WatchRequest = {
  walkId: 'wt_1',
  step: 0,
  total: 3,
  instruction: 'Open Journey Settings',
  target: { label: 'Journey Settings', role: 'button' },
  next: { label: 'Re-entry anytime' },
};
const STEP1: WatchRequest = {
  ...STEP0,
  step: 1,
  instruction: 'Pick re-entry anytime',
  target: { label: 'Re-entry anytime' },
  next: { label: 'Done' },
};

let sent: FrameStepEvent[];
let frame: ReturnType<typeof createFrameWalkthrough>;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  document.body.innerHTML = '<button id="settings">Journey Settings</button><main id="main"></main>';
  sent = [];
  frame = createFrameWalkthrough({ doc: document, send: (e) => sent.push(e) });
});
afterEach(() => {
  frame.dispose();
  vi.useRealTimers();
});

describe('frame walkthrough', () => {
  it('reports found, and outlines only when told it owns the target, with the step as caption', () => {
    frame.watch(STEP0);
    expect(sent).toEqual([{ walkId: 'wt_1', step: 0, kind: 'found', name: 'Journey Settings', score: 100 }]);
    expect(hosts()).toHaveLength(0);
    frame.outline({ walkId: 'wt_1', step: 0, draw: true });
    expect(hosts()).toHaveLength(1);
    expect(caption()).toBe('Step 1 of 3: Open Journey Settings');
    expect(outlineNote(STEP1)).toBe('Step 2 of 3: Pick re-entry anytime');
    frame.outline({ walkId: 'wt_1', step: 0, draw: false });
    expect(hosts()).toHaveLength(0);
  });

  it('ignores outline requests for another step or walkthrough', () => {
    frame.watch(STEP0);
    frame.outline({ walkId: 'wt_1', step: 1, draw: true });
    frame.outline({ walkId: 'wt_2', step: 0, draw: true });
    expect(hosts()).toHaveLength(0);
  });

  it('a user click reports done and removes the outline; then the next step is watched', () => {
    frame.watch(STEP0);
    frame.outline({ walkId: 'wt_1', step: 0, draw: true });
    userClick(document.getElementById('settings')!);
    expect(sent.at(-1)).toEqual({ walkId: 'wt_1', step: 0, kind: 'done', how: 'click' });
    expect(hosts()).toHaveLength(0);
    frame.watch(STEP1);
    expect(sent.at(-1)).toEqual({ walkId: 'wt_1', step: 1, kind: 'missing', candidates: expect.any(Array) });
  });

  it('the outline follows a re-rendered target and goes when the target does', async () => {
    frame.watch(STEP1);
    document.getElementById('main')!.innerHTML = '<button id="a">Re-entry anytime</button>';
    await Promise.resolve();
    vi.advanceTimersByTime(WATCH_DEBOUNCE_MS);
    expect(sent.at(-1)).toMatchObject({ kind: 'found', step: 1 });
    frame.outline({ walkId: 'wt_1', step: 1, draw: true });
    expect(hosts()).toHaveLength(1);
    document.getElementById('main')!.innerHTML = '<p>Loading…</p>';
    await Promise.resolve();
    vi.advanceTimersByTime(WATCH_DEBOUNCE_MS);
    expect(sent.at(-1)).toMatchObject({ kind: 'missing', step: 1 });
    expect(hosts()).toHaveLength(0);
    document.getElementById('main')!.innerHTML = '<button id="b">Re-entry anytime</button>';
    await Promise.resolve();
    vi.advanceTimersByTime(WATCH_DEBOUNCE_MS);
    expect(hosts()).toHaveLength(1); // still the owner: redrawn on the new element
  });

  it('the same watch request twice does not restart the watcher but repeats the last report; null stops and clears', () => {
    frame.watch(STEP0);
    frame.watch({ ...STEP0 });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
    frame.outline({ walkId: 'wt_1', step: 0, draw: true });
    frame.watch(null);
    expect(hosts()).toHaveLength(0);
    userClick(document.getElementById('settings')!);
    expect(sent).toHaveLength(2);
  });

  it('after a step is done, the same step can be watched again (Back)', () => {
    frame.watch(STEP0);
    userClick(document.getElementById('settings')!);
    frame.watch(STEP0);
    expect(sent.map((e) => e.kind)).toEqual(['found', 'done', 'found']);
  });
});
