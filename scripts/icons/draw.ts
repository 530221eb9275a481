/**
 * The extension icon, drawn in code so it can be regenerated and checked: a blue rounded square with a white sound
 * wave (vertical rounded bars, tallest in the middle). Small sizes get fewer, pixel-aligned bars so they stay crisp.
 */

/** Top and bottom colours of the background gradient. */
const TOP = [0x1b, 0x96, 0xff] as const;
const BOTTOM = [0x0b, 0x5c, 0xab] as const;
const SUBSAMPLES = 4; // 4 × 4 samples per pixel for anti-aliased edges

interface Bar {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Signed distance from (px, py) to a rectangle with rounded corners of radius r (negative inside). */
function roundedRectDistance(
  px: number,
  py: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
): number {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(px - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(py - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** The wave's bars in pixel coordinates: 3 bars below 32 px, 5 from 32 px; x edges on whole pixels. */
export function waveBars(size: number): Bar[] {
  const heights = size < 32 ? [0.42, 0.72, 0.42] : [0.3, 0.56, 0.78, 0.56, 0.3];
  const width = Math.max(2, Math.round(size * (size < 32 ? 0.125 : 0.09)));
  const gap = Math.max(1, Math.round(size * (size < 32 ? 0.09 : 0.06)));
  const total = heights.length * width + (heights.length - 1) * gap;
  const left = Math.round((size - total) / 2);
  return heights.map((h, i) => {
    const x0 = left + i * (width + gap);
    const half = (h * size) / 2;
    return { x0, x1: x0 + width, y0: size / 2 - half, y1: size / 2 + half };
  });
}

/** RGBA pixels (size × size × 4) of the icon. */
export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const radius = size * 0.22;
  const inset = size <= 16 ? 0 : size * 0.02; // the 16 px toolbar icon uses every pixel
  const bars = waveBars(size);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const px = x + (sx + 0.5) / SUBSAMPLES;
          const py = y + (sy + 0.5) / SUBSAMPLES;
          if (roundedRectDistance(px, py, inset, inset, size - inset, size - inset, radius) > 0) continue;
          bg++;
          if (bars.some((b) => roundedRectDistance(px, py, b.x0, b.y0, b.x1, b.y1, (b.x1 - b.x0) / 2) <= 0)) fg++;
        }
      }
      const t = (y + 0.5) / size;
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) {
        const base = TOP[c]! + (BOTTOM[c]! - TOP[c]!) * t;
        // fg samples are white, the other covered samples the gradient: average over covered samples only
        out[i + c] = bg === 0 ? 0 : Math.round((base * (bg - fg) + 255 * fg) / bg);
      }
      out[i + 3] = Math.round((255 * bg) / n);
    }
  }
  return out;
}
