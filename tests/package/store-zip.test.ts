/**
 * The Web Store package as `npm run zip` writes it (`npm run test:package` zips first): the manifest a reviewer and
 * the store read, the icons at every size Chrome uses, no pinned key (the store assigns the id) and no test hooks.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pngSize } from '../../scripts/icons/png';
import { ROOT } from '../../scripts/processes';
import { TEST_BUILD_MARKER } from '../../scripts/build-variants';
import { readZip } from './read-zip';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const ZIP = path.join(ROOT, `.output/${pkg.name}-${pkg.version}-chrome.zip`);
const SIZES = ['16', '32', '48', '128'];
/** What a test build adds (entrypoints/offscreen/main.ts, lib/particles/test-hook.ts) and the flag that enables it. */
const HOOK_STRINGS = ['__engine', '__particles', 'WXT_TEST_HOOKS'];

interface Manifest {
  manifest_version: number;
  name: string;
  version: string;
  description: string;
  key?: string;
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string>; default_title?: string };
  permissions?: string[];
  host_permissions?: string[];
  side_panel?: { default_path: string };
}

let files: Map<string, Buffer>;
let manifest: Manifest;
/** A manifest text as the store shows it in English: `__MSG_x__` read from _locales/<default_locale>/messages.json. */
let shown: (text: string) => string;

beforeAll(() => {
  if (!fs.existsSync(ZIP)) throw new Error(`No store package at ${ZIP}: run \`npm run test:package\` (it zips first).`);
  files = readZip(fs.readFileSync(ZIP));
  manifest = JSON.parse(files.get('manifest.json')?.toString() ?? 'null') as Manifest;
  const locale = (manifest as { default_locale?: string }).default_locale ?? 'en';
  const messages = JSON.parse(files.get(`_locales/${locale}/messages.json`)?.toString() ?? '{}') as Record<
    string,
    { message: string }
  >;
  shown = (text) => text.replace(/__MSG_(\w+)__/g, (_, name: string) => messages[name]?.message ?? `<missing ${name}>`);
});

describe('store package manifest', () => {
  it('names the extension, its version and what it does (the store shows these)', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(shown(manifest.name)).toBe('SFMC Voice Instructor');
    expect(manifest.version).toBe(pkg.version);
    expect(shown(manifest.description).length).toBeGreaterThan(20);
    expect(shown(manifest.description).length).toBeLessThanOrEqual(132); // the Web Store's limit for the manifest description
  });
  it('carries no pinned key: the Web Store assigns the id', () => {
    expect(manifest).not.toHaveProperty('key');
  });
  it('asks only for the permissions the README explains', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['offscreen', 'sidePanel', 'storage']);
    expect(manifest.side_panel?.default_path).toBe('sidepanel.html');
  });
  it.each(SIZES)('has a %s px icon for the store, the toolbar and chrome://extensions, of that pixel size', (size) => {
    for (const icons of [manifest.icons, manifest.action?.default_icon]) {
      const file = icons?.[size];
      expect(file, `icon ${size}`).toBeTruthy();
      const png = files.get(file!.replace(/^\//, ''));
      expect(png, `${file} is in the zip`).toBeDefined();
      expect(pngSize(png!)).toEqual({ width: Number(size), height: Number(size) });
    }
  });
});

describe('store package contents', () => {
  it('has no test hooks in any script or page', () => {
    const code = [...files].filter(([name]) => /\.(js|mjs|html)$/.test(name));
    expect(code.length).toBeGreaterThan(3);
    const found = code.flatMap(([name, data]) =>
      HOOK_STRINGS.filter((s) => data.toString('utf8').includes(s)).map((s) => `${name}: ${s}`),
    );
    expect(found).toEqual([]);
    expect(files.has(TEST_BUILD_MARKER)).toBe(false);
  });
  it('contains every page the manifest names', () => {
    for (const page of ['sidepanel.html', 'offscreen.html', 'background.js']) expect(files.has(page), page).toBe(true);
  });
});
