/**
 * `npm run icons`: (re)draw the extension icons into public/icon/<size>.png (16, 32, 48, 128) — the sizes Chrome and
 * the Web Store use. scripts/icons.test.ts checks the committed files equal what this draws.
 */
import fs from 'node:fs';
import path from 'node:path';
import { drawIcon } from './icons/draw';
import { encodePng } from './icons/png';
import { ROOT } from './processes';

export const ICON_SIZES = [16, 32, 48, 128] as const;
export const ICON_DIR = path.join(ROOT, 'public/icon');

export function iconPng(size: number): Buffer {
  return encodePng(size, size, drawIcon(size));
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  fs.mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(ICON_DIR, `${size}.png`);
    fs.writeFileSync(file, iconPng(size));
    console.log(`${path.relative(ROOT, file)}  ${size}×${size}`);
  }
}
