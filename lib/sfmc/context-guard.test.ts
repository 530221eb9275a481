// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guardContentScriptContext, scriptStartedEventName } from './context-guard';

// What a page script can do: the event name is predictable and the detail is whatever it likes.
const forge = (name = scriptStartedEventName()) =>
  document.dispatchEvent(new CustomEvent(name, { detail: { contentScriptName: 'sfmc', messageId: 'forged' } }));

describe('guardContentScriptContext', () => {
  it('without the guard, a forged "content script started" event switches the agent off (the attack)', () => {
    fakeBrowser.runtime.id = 'test-extension-id';
    const ctx = new ContentScriptContext('sfmc');
    forge();
    expect(ctx.isValid).toBe(false);
  });

  it('with the guard, the forged event does nothing', () => {
    fakeBrowser.runtime.id = 'test-extension-id';
    const ctx = new ContentScriptContext('sfmc');
    guardContentScriptContext(ctx, window);
    forge();
    forge();
    expect(ctx.isValid).toBe(true);
    ctx.abort('test over'); // removes the guard's listener
  });

  it('still invalidates when this copy of the extension is gone (reload/update)', () => {
    let alive = true;
    const calls: string[] = [];
    const ctx = { notifyInvalidated: () => calls.push('invalidated'), signal: new AbortController().signal };
    guardContentScriptContext(ctx, window, { eventName: 'x:started', runtimeAlive: () => alive });
    forge('x:started');
    expect(calls).toEqual([]);
    alive = false;
    forge('x:started');
    expect(calls).toEqual(['invalidated']);
  });
});
