import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drawIcon, waveBars } from './icons/draw';
import { crc32, decodeOwnPng, encodePng, pngSize } from './icons/png';
import { ICON_DIR, ICON_SIZES, iconPng } from './make-icons';

const pixel = (rgba: Uint8Array, size: number, x: number, y: number) =>
  Array.from(rgba.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));

describe('PNG encoder', () => {
  it('computes the standard CRC-32 (the IEND chunk type has the well-known CRC AE426082)', () => {
    expect(crc32(Buffer.from('IEND', 'ascii')).toString(16)).toBe('ae426082');
  });
  it('round-trips pixels and reports the size from IHDR', () => {
    const rgba = Uint8Array.from({ length: 3 * 2 * 4 }, (_, i) => (i * 37) % 256);
    const png = encodePng(3, 2, rgba);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    expect(decodeOwnPng(png).rgba).toEqual(rgba);
    // zlib accepts the image data: the file is a well-formed stream, not just our own reader's idea of one
    expect(() => zlib.inflateSync(png.subarray(8 + 25 + 8, png.length - 12 - 4))).not.toThrow();
  });
  it('refuses a wrong pixel count and says null for a non-PNG', () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(/16 RGBA bytes/);
    expect(pngSize(Buffer.from('GIF89a and more bytes to pass 24'))).toBeNull();
  });
});

describe('the icon', () => {
  it.each(ICON_SIZES)('%i px: transparent corners, white wave in the middle, blue between the bars', (size) => {
    const rgba = drawIcon(size);
    expect(pixel(rgba, size, 0, 0)[3]).toBeLessThan(128); // rounded corner
    const mid = Math.floor(size / 2);
    const bars = waveBars(size);
    const centre = bars[Math.floor(bars.length / 2)]!;
    expect(pixel(rgba, size, Math.floor((centre.x0 + centre.x1) / 2), mid)).toEqual([255, 255, 255, 255]);
    const between = bars[0]!.x1; // first pixel column right of the first bar: background
    const [r, g, b, a] = pixel(rgba, size, between, mid);
    expect(a).toBe(255);
    expect(b!).toBeGreaterThan(r! + 100);
    expect(g!).toBeLessThan(200);
  });
  it('bars stay inside the icon and do not touch each other', () => {
    for (const size of ICON_SIZES) {
      const bars = waveBars(size);
      expect(bars[0]!.x0).toBeGreaterThan(0);
      expect(bars.at(-1)!.x1).toBeLessThan(size);
      for (let i = 1; i < bars.length; i++) expect(bars[i]!.x0).toBeGreaterThan(bars[i - 1]!.x1);
    }
  });
  it.each(ICON_SIZES)(
    'public/icon/%i.png is what `npm run icons` draws (regenerate after changing the drawing)',
    (size) => {
      const file = fs.readFileSync(path.join(ICON_DIR, `${size}.png`));
      expect(pngSize(file)).toEqual({ width: size, height: size });
      expect(file.equals(iconPng(size))).toBe(true);
    },
  );
});
