/** Which SFMC app and screen a frame shows, from URL (host, path, decoded hash route), then title and DOM hints. */
import { cleanPageString } from './quote';
import type { SfmcApp } from './types';
import {
  APP_FRAME_HOSTS,
  DEFAULT_SCREEN,
  SCREEN_RULES,
  SEL,
  SHELL_APP_NAMES,
  SHELL_HOST,
  SHELL_PATH,
  SHELL_ROUTE,
  TITLE_HINTS,
} from './selectors';

export interface Detection {
  app: SfmcApp;
  screen: string;
}

function safeDecode(s: string): string {
  let out = s;
  // Shell routes nest encodings (`%23` inside `#app/...`): decode until stable, at most 3 times.
  for (let i = 0; i < 3; i++) {
    try {
      const next = decodeURIComponent(out);
      if (next === out) break;
      out = next;
    } catch {
      break;
    }
  }
  return out;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function screenFor(app: SfmcApp, route: string): string {
  for (const [a, re, screen] of SCREEN_RULES) if (a === app && re.test(route)) return screen;
  return DEFAULT_SCREEN[app] ?? app;
}

export function isShellUrl(url: string): boolean {
  const u = parseUrl(url);
  return !!u && SHELL_HOST.test(u.hostname) && SHELL_PATH.test(u.pathname);
}

/** An embedded frame without its own origin (about:blank, srcdoc, blob:): SFMC uses these for email previews. */
export function isEmbeddedFrameUrl(url: string): boolean {
  return /^(about:|blob:|data:)/i.test(url);
}

function fromUrl(url: string): Detection | null {
  const u = parseUrl(url);
  if (!u) return null;
  const hash = safeDecode(u.hash);
  if (SHELL_HOST.test(u.hostname) && SHELL_PATH.test(u.pathname)) {
    const m = SHELL_ROUTE.exec(hash.replace(/^#/, ''));
    if (!m) return { app: 'Marketing Cloud', screen: 'Home' };
    const name = (m[1] ?? '').trim();
    const app = SHELL_APP_NAMES[name.toLowerCase()] ?? 'Marketing Cloud';
    // An unknown app name is whatever the link said: page data, normalised and capped at the source (quote.ts).
    return {
      app,
      screen: app === 'Marketing Cloud' ? cleanPageString(name, 60) || 'Home' : screenFor(app, m[2] ?? ''),
    };
  }
  for (const rule of APP_FRAME_HOSTS) {
    if (!rule.host.test(u.hostname)) continue;
    if (rule.path && !rule.path.test(u.pathname)) continue;
    return { app: rule.app, screen: screenFor(rule.app, safeDecode(u.pathname + u.search) + hash) };
  }
  return null;
}

function fromDocument(doc: Document): Detection | null {
  const h1 = doc.querySelector('h1')?.textContent ?? '';
  const text = `${doc.title} ${h1}`;
  for (const [re, app] of TITLE_HINTS) if (re.test(text)) return { app, screen: screenFor(app, text) };
  if (doc.querySelector(SEL.appIframe)) return { app: 'Marketing Cloud', screen: 'Home' };
  return null;
}

/**
 * Detect the app and screen. URL rules win; when the URL only says "some SFMC frame" (the generic app or the default
 * screen), the title/h1 refine the screen.
 */
export function detectApp(url: string, doc?: Document): Detection {
  if (isEmbeddedFrameUrl(url)) return { app: 'Unknown', screen: 'Embedded frame' };
  const byUrl = fromUrl(url);
  if (byUrl && byUrl.app !== 'Marketing Cloud') {
    if (doc && byUrl.screen === (DEFAULT_SCREEN[byUrl.app] ?? byUrl.app)) {
      const title = `${doc.title} ${doc.querySelector('h1')?.textContent ?? ''}`;
      const refined = screenFor(byUrl.app, title);
      return { app: byUrl.app, screen: refined };
    }
    return byUrl;
  }
  const byDoc = doc ? fromDocument(doc) : null;
  if (byDoc && byDoc.app !== 'Marketing Cloud') return byDoc;
  return byUrl ?? byDoc ?? { app: 'Unknown', screen: 'Unknown' };
}
