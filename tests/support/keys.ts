/** Fire a chrome.commands shortcut the way a keyboard does (docs/testing-in-chromium.md#keyboard-shortcuts: rawKeyDown + native code). */
import type { BrowserContext, Page } from 'playwright-core';

const MOD = { Alt: 1, Ctrl: 2, Meta: 4, Shift: 8 } as const;

export async function pressChord(ctx: BrowserContext, page: Page, chord: string): Promise<void> {
  const parts = chord.split('+');
  const key = parts.pop()!;
  const modifiers = parts.reduce((m, p) => m | MOD[p as keyof typeof MOD], 0);
  const code = key.length === 1 ? `Key${key.toUpperCase()}` : key;
  const vk = key.length === 1 ? key.toUpperCase().charCodeAt(0) : 0;
  const cdp = await ctx.newCDPSession(page);
  const k = { key: key.toUpperCase(), code, windowsVirtualKeyCode: vk, nativeVirtualKeyCode: vk, modifiers };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...k });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...k });
  await cdp.detach();
}
