/** A practice SFMC page in its own tab, brought to the front (the active tab is the one the instructor works on). */
import type { Frame, Page } from 'playwright-core';
import { PRACTICE_PAGES } from '../../scripts/sfmc-server';
import type { Browser } from './browser';

export async function openPractice(b: Browser, app = 'Journey Builder'): Promise<Page> {
  const page = await b.ctx.newPage();
  await page.goto(PRACTICE_PAGES.find((p) => p.app === app)!.url);
  await page.bringToFront();
  return page;
}

/** The app iframe of a practice page whose address starts with `prefix` (e.g. the Journey Builder host). */
export function appFrame(page: Page, prefix: string): Frame {
  const frame = page.frames().find((f) => f.url().startsWith(prefix));
  if (!frame)
    throw new Error(
      `no frame at ${prefix} (frames: ${page
        .frames()
        .map((f) => f.url())
        .join(', ')})`,
    );
  return frame;
}
