// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { installHoldKey, HOLD_SAFETY_MS } from './hold-key';

let events: string[];
let key: string;
let uninstall: () => void;

/** A key event as the user's keyboard makes it (trusted), unless `trusted: false` (what a page script can make). */
const press = (type: 'keydown' | 'keyup', code: string, init: KeyboardEventInit = {}, trusted = true) => {
  const e = new KeyboardEvent(type, { code, key: code, bubbles: true, cancelable: true, ...init });
  if (trusted) Object.defineProperty(e, 'isTrusted', { value: true });
  document.body.dispatchEvent(e);
  return e;
};

beforeEach(() => {
  events = [];
  key = 'F9';
  uninstall = installHoldKey({
    getKey: () => key,
    onPress: () => events.push('press'),
    onRelease: () => events.push('release'),
  });
});
afterEach(() => {
  uninstall();
  vi.useRealTimers();
});

describe('installHoldKey', () => {
  it('ignores key events a page script dispatched: no press, no release, nothing prevented', () => {
    const down = press('keydown', 'F9', {}, false);
    expect(down.isTrusted).not.toBe(true);
    expect(down.defaultPrevented).toBe(false);
    for (let i = 0; i < 5; i++) press('keydown', 'F9', {}, false);
    press('keyup', 'F9', {}, false);
    expect(events).toEqual([]);
    // A forged keyup cannot end the user's real press either.
    press('keydown', 'F9');
    press('keyup', 'F9', {}, false);
    expect(events).toEqual(['press']);
  });

  it('press on keydown, release on keyup, ignoring auto-repeat', () => {
    press('keydown', 'F9');
    press('keydown', 'F9', { repeat: true });
    press('keydown', 'F9', { repeat: true });
    press('keyup', 'F9');
    expect(events).toEqual(['press', 'release']);
  });

  it('prevents default only for the hold key', () => {
    expect(press('keydown', 'F9').defaultPrevented).toBe(true);
    expect(press('keydown', 'KeyA').defaultPrevented).toBe(false);
    expect(press('keyup', 'KeyA').defaultPrevented).toBe(false);
    expect(press('keyup', 'F9').defaultPrevented).toBe(true);
  });

  it('runs in the capture phase, before page handlers that stop propagation', () => {
    const stopper = (e: Event) => e.stopPropagation();
    document.body.addEventListener('keydown', stopper);
    press('keydown', 'F9');
    document.body.removeEventListener('keydown', stopper);
    expect(events).toEqual(['press']);
  });

  it('ignores other keys and reads the key on every event', () => {
    press('keydown', 'F8');
    expect(events).toEqual([]);
    key = 'F8';
    press('keydown', 'F8');
    press('keyup', 'F8');
    expect(events).toEqual(['press', 'release']);
  });

  it('releases on window blur', () => {
    press('keydown', 'F9');
    window.dispatchEvent(new Event('blur'));
    press('keyup', 'F9');
    expect(events).toEqual(['press', 'release']);
  });

  it('releases when the page is hidden', () => {
    press('keydown', 'F9');
    const state = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    state.mockRestore();
    expect(events).toEqual(['press', 'release']);
  });

  it('releases after the safety timeout when keyup is lost', () => {
    uninstall();
    vi.useFakeTimers();
    uninstall = installHoldKey({
      getKey: () => key,
      onPress: () => events.push('press'),
      onRelease: () => events.push('release'),
    });
    press('keydown', 'F9');
    vi.advanceTimersByTime(HOLD_SAFETY_MS - 1);
    expect(events).toEqual(['press']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['press', 'release']);
    press('keyup', 'F9');
    expect(events).toEqual(['press', 'release']);
  });

  it('uninstall releases a held key and stops listening', () => {
    press('keydown', 'F9');
    uninstall();
    press('keydown', 'F9');
    expect(events).toEqual(['press', 'release']);
  });
});
