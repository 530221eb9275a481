/**
 * Preallocated real FFT (radix-2, size n = power of two ≥ 4): one complex FFT of size n/2 on the even/odd-packed
 * input plus the standard split step. All tables and scratch are allocated in the constructor; `forward` allocates
 * nothing.
 */
export class RealFFT {
  readonly size: number;
  private readonly half: number;
  private readonly rev: Uint32Array;
  /** Twiddles of the half-size complex FFT: cos/sin(2πk/half), k < half/2. */
  private readonly cosH: Float64Array;
  private readonly sinH: Float64Array;
  /** Split-step twiddles: cos/sin(2πk/n), k ≤ half. */
  private readonly cosN: Float64Array;
  private readonly sinN: Float64Array;
  private readonly zr: Float64Array;
  private readonly zi: Float64Array;

  constructor(size: number) {
    if (size < 4 || (size & (size - 1)) !== 0) throw new RangeError(`RealFFT size must be a power of two ≥ 4, got ${size}`);
    this.size = size;
    const h = size >> 1;
    this.half = h;
    this.rev = new Uint32Array(h);
    const bits = Math.log2(h);
    for (let i = 0; i < h; i++) {
      let r = 0;
      for (let b = 0; b < bits; b++) r |= ((i >> b) & 1) << (bits - 1 - b);
      this.rev[i] = r;
    }
    this.cosH = new Float64Array(Math.max(1, h >> 1));
    this.sinH = new Float64Array(Math.max(1, h >> 1));
    for (let k = 0; k < h >> 1; k++) {
      this.cosH[k] = Math.cos((2 * Math.PI * k) / h);
      this.sinH[k] = Math.sin((2 * Math.PI * k) / h);
    }
    this.cosN = new Float64Array(h + 1);
    this.sinN = new Float64Array(h + 1);
    for (let k = 0; k <= h; k++) {
      this.cosN[k] = Math.cos((2 * Math.PI * k) / size);
      this.sinN[k] = Math.sin((2 * Math.PI * k) / size);
    }
    this.zr = new Float64Array(h);
    this.zi = new Float64Array(h);
  }

  /**
   * Forward transform X[k] = Σ x[j]·e^(−2πijk/n) of `input[offset .. offset+n)` (entries beyond `validLength` are
   * treated as zero, i.e. zero padding). Writes bins 0..n/2 into `outRe`/`outIm` (length ≥ n/2 + 1).
   */
  forward(input: ArrayLike<number>, offset: number, validLength: number, outRe: Float64Array, outIm: Float64Array): void {
    const h = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const rev = this.rev;
    // Pack x[2j] + i·x[2j+1] in bit-reversed order.
    for (let j = 0; j < h; j++) {
      const a = 2 * j;
      const d = rev[j]!;
      zr[d] = a < validLength ? input[offset + a]! : 0;
      zi[d] = a + 1 < validLength ? input[offset + a + 1]! : 0;
    }
    // Iterative radix-2 decimation-in-time butterflies.
    const cosH = this.cosH;
    const sinH = this.sinH;
    for (let len = 2; len <= h; len <<= 1) {
      const halfLen = len >> 1;
      const step = h / len;
      for (let i = 0; i < h; i += len) {
        for (let k = 0; k < halfLen; k++) {
          const wr = cosH[k * step]!;
          const wi = -sinH[k * step]!;
          const p = i + k;
          const q = p + halfLen;
          const xr = zr[q]! * wr - zi[q]! * wi;
          const xi = zr[q]! * wi + zi[q]! * wr;
          zr[q] = zr[p]! - xr;
          zi[q] = zi[p]! - xi;
          zr[p] = zr[p]! + xr;
          zi[p] = zi[p]! + xi;
        }
      }
    }
    // Split: X[k] = E[k] + e^(−2πik/n)·O[k], E = (Z[k] + conj Z[h−k])/2, O = (Z[k] − conj Z[h−k])/(2i).
    const cosN = this.cosN;
    const sinN = this.sinN;
    for (let k = 0; k <= h; k++) {
      const k1 = k === h ? 0 : k;
      const k2 = k === 0 ? 0 : h - k;
      const ar = zr[k1]!;
      const ai = zi[k1]!;
      const br = zr[k2]!;
      const bi = -zi[k2]!;
      const er = 0.5 * (ar + br);
      const ei = 0.5 * (ai + bi);
      // (a − b)/(2i) = (ai − bi)/2 − i·(ar − br)/2
      const or = 0.5 * (ai - bi);
      const oi = -0.5 * (ar - br);
      const c = cosN[k]!;
      const s = -sinN[k]!;
      outRe[k] = er + or * c - oi * s;
      outIm[k] = ei + or * s + oi * c;
    }
  }
}
