/**
 * Preallocated real FFT (radix-2, size n = power of two ≥ 8): one complex FFT of size n/2 on the even/odd-packed
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
    if (size < 8 || (size & (size - 1)) !== 0)
      throw new RangeError(`RealFFT size must be a power of two ≥ 8, got ${size}`);
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
  forward(
    input: ArrayLike<number>,
    offset: number,
    validLength: number,
    outRe: Float64Array,
    outIm: Float64Array,
  ): void {
    const h = this.half;
    const zr = this.zr;
    const zi = this.zi;
    const rev = this.rev;
    // Pack x[2j] + i·x[2j+1] in bit-reversed order (zero beyond validLength).
    const pairs = validLength >> 1;
    const full = pairs < h ? pairs : h;
    for (let j = 0; j < full; j++) {
      const d = rev[j]!;
      zr[d] = input[offset + 2 * j]!;
      zi[d] = input[offset + 2 * j + 1]!;
    }
    for (let j = full; j < h; j++) {
      const d = rev[j]!;
      const a = 2 * j;
      zr[d] = a < validLength ? input[offset + a]! : 0;
      zi[d] = 0;
    }
    // First two radix-2 stages fused (twiddles 1 and −i need no multiplies), then generic radix-2 DIT stages.
    for (let i = 0; i < h; i += 4) {
      const r0 = zr[i]!,
        i0 = zi[i]!,
        r1 = zr[i + 1]!,
        i1 = zi[i + 1]!;
      const r2 = zr[i + 2]!,
        i2 = zi[i + 2]!,
        r3 = zr[i + 3]!,
        i3 = zi[i + 3]!;
      const ar = r0 + r1,
        ai = i0 + i1,
        br = r0 - r1,
        bi = i0 - i1;
      const cr = r2 + r3,
        ci = i2 + i3,
        dr = r2 - r3,
        di = i2 - i3;
      zr[i] = ar + cr;
      zi[i] = ai + ci;
      zr[i + 2] = ar - cr;
      zi[i + 2] = ai - ci;
      // (dr + i·di)·(−i) = di − i·dr
      zr[i + 1] = br + di;
      zi[i + 1] = bi - dr;
      zr[i + 3] = br - di;
      zi[i + 3] = bi + dr;
    }
    const cosH = this.cosH;
    const sinH = this.sinH;
    for (let len = 8; len <= h; len <<= 1) {
      const halfLen = len >> 1;
      const step = h / len;
      for (let k = 0; k < halfLen; k++) {
        const wr = cosH[k * step]!;
        const wi = -sinH[k * step]!;
        for (let p = k; p < h; p += len) {
          const q = p + halfLen;
          const qr = zr[q]!;
          const qi = zi[q]!;
          const xr = qr * wr - qi * wi;
          const xi = qr * wi + qi * wr;
          const pr = zr[p]!;
          const pi = zi[p]!;
          zr[q] = pr - xr;
          zi[q] = pi - xi;
          zr[p] = pr + xr;
          zi[p] = pi + xi;
        }
      }
    }
    // Split: X[k] = E[k] + e^(−2πik/n)·O[k], E = (Z[k] + conj Z[h−k])/2, O = (Z[k] − conj Z[h−k])/(2i).
    const cosN = this.cosN;
    const sinN = this.sinN;
    // k = 0 and k = h: X[0] = Zr + Zi, X[h] = Zr − Zi (both real).
    outRe[0] = zr[0]! + zi[0]!;
    outIm[0] = 0;
    outRe[h] = zr[0]! - zi[0]!;
    outIm[h] = 0;
    for (let k = 1; k < h; k++) {
      const ar = zr[k]!;
      const ai = zi[k]!;
      const br = zr[h - k]!;
      const bi = -zi[h - k]!;
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
