import { describe, expect, it } from 'vitest';
import { Decimator } from './decimator';
import { BandEnergy, peakAbs, powerDb, rms, sumSquares } from './level';
import { DoubleRing } from './ring';

const SR = 48000;
const sine = (f: number, n: number, a = 1, sr = SR) =>
  Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr));

describe('level', () => {
  it('rms, peak and power of known signals', () => {
    const s = sine(1000, 4800, 0.5);
    expect(rms(s)).toBeCloseTo(0.5 / Math.SQRT2, 4);
    expect(peakAbs(s, s.length)).toBeCloseTo(0.5, 3);
    expect(peakAbs(Float32Array.of(0.1, -0.7, 0.3), 3)).toBeCloseTo(0.7, 6);
    expect(sumSquares(Float32Array.of(1, 2, 3, 100), 3)).toBe(14); // honours length
    expect(rms(new Float32Array(0))).toBe(0);
    expect(powerDb(0.01)).toBeCloseTo(-20, 9);
    expect(powerDb(0)).toBe(-120);
  });

  it('band energy keeps voice frequencies and cuts hiss', () => {
    const ratio = (f: number) => {
      const b = new BandEnergy(SR);
      const s = sine(f, 9600);
      b.process(s, 4800);
      b.process(s.subarray(4800), 4800);
      return b.meanSquare / 0.5;
    };
    expect(ratio(200)).toBeGreaterThan(0.95);
    expect(ratio(1000)).toBeGreaterThan(0.7); // 2 poles at 2.5 kHz: (1 + 0.4²)⁻² ≈ 0.74
    expect(ratio(10000)).toBeLessThan(0.07);
  });
});

describe('Decimator and DoubleRing', () => {
  it('keeps the last `size` samples contiguous', () => {
    const r = new DoubleRing(4);
    for (let i = 1; i <= 7; i++) r.push(i);
    expect([...r.data.subarray(r.start, r.start + 4)]).toEqual([4, 5, 6, 7]);
  });

  it('decimates 48 kHz → 8 kHz: passes 500 Hz, suppresses 12 kHz, independent of block size', () => {
    const out = (f: number, block: number) => {
      const d = new Decimator(6);
      const ring = new DoubleRing(800);
      const s = sine(f, 4800);
      for (let i = 0; i < s.length; i += block)
        d.process(s.subarray(i, Math.min(s.length, i + block)), Math.min(block, s.length - i), ring);
      return ring.data.slice(ring.start, ring.start + 800);
    };
    const pass = out(500, 128);
    let p = 0;
    for (let i = 100; i < 800; i++) p += pass[i]! * pass[i]!;
    expect(p / 700).toBeGreaterThan(0.45); // ≈ 0.5 for a unit sine
    const stop = out(12000, 128);
    let q = 0;
    for (let i = 100; i < 800; i++) q += stop[i]! * stop[i]!;
    expect(q / 700).toBeLessThan(1e-3);
    // odd block sizes give the identical output stream
    expect([...out(500, 37)]).toEqual([...pass]);
  });
});
