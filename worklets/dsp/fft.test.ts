import { describe, expect, it } from 'vitest';
import { RealFFT } from './fft';
import { rng } from './test-signals';

describe('RealFFT', () => {
  for (const n of [8, 64, 512, 1024]) {
    it(`matches a naive DFT at n = ${n} (with zero padding)`, () => {
      const r = rng(n);
      const valid = Math.round(n * 0.7);
      const x = Float64Array.from({ length: n }, (_, i) => (i < valid ? 2 * r() - 1 : 0));
      const re = new Float64Array(n / 2 + 1);
      const im = new Float64Array(n / 2 + 1);
      new RealFFT(n).forward(x, 0, valid, re, im);
      for (let k = 0; k <= n / 2; k++) {
        let sr = 0;
        let si = 0;
        for (let j = 0; j < n; j++) {
          sr += x[j]! * Math.cos((2 * Math.PI * j * k) / n);
          si -= x[j]! * Math.sin((2 * Math.PI * j * k) / n);
        }
        expect(re[k]).toBeCloseTo(sr, 9);
        expect(im[k]).toBeCloseTo(si, 9);
      }
    });
  }

  it('reads from an offset and rejects sizes that are not powers of two', () => {
    const x = new Float64Array(20);
    x[4] = 1; // impulse at offset 4 → flat spectrum
    const re = new Float64Array(9);
    const im = new Float64Array(9);
    new RealFFT(16).forward(x, 4, 16, re, im);
    expect([...re]).toEqual(new Array(9).fill(1));
    expect(() => new RealFFT(12)).toThrow(RangeError);
    expect(() => new RealFFT(4)).toThrow(RangeError);
  });
});
