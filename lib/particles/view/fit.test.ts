import { describe, expect, it } from 'vitest';
import { FIT_RADIUS, fitFov } from './field-view';

/** Half-extent visible at the sphere's centre plane, per axis, for a camera at `d` with vertical fov `fov`. */
function visible(w: number, h: number, d: number) {
  const halfV = Math.tan(((fitFov(w, h, d) / 2) * Math.PI) / 180) * d;
  return { halfV, halfH: halfV * (w / h) };
}

describe('fitFov', () => {
  it('frames the bloomed field in a wide, short band (the panel field) and in a tall, narrow canvas', () => {
    for (const [w, h] of [
      [340, 99],
      [340, 200],
      [100, 300],
      [300, 300],
    ] as const) {
      const { halfV, halfH } = visible(w, h, 4);
      // The sphere of radius FIT_RADIUS at distance 4 spans asin(R/d) > R/d: require more than R in both axes.
      expect(Math.min(halfV, halfH)).toBeGreaterThan(FIT_RADIUS * 1.05);
    }
  });
});
