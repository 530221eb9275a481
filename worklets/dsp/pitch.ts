import { RealFFT } from './fft';

export interface PitchDetectorOptions {
  /** Sample rate of the (decimated) signal fed to `analyse`. */
  sampleRate: number;
  /** Analysis window in samples at `sampleRate`. */
  windowSize: number;
  /** Lowest detectable f0 (Hz), default 60. */
  minHz?: number;
  /** Highest detectable f0 (Hz), default 500. */
  maxHz?: number;
  /** MPM key-maximum threshold k (fraction of the highest key maximum), default 0.9. */
  threshold?: number;
}

/**
 * McLeod Pitch Method: normalised square difference function n(τ) = 2r(τ)/m(τ) with r(τ) from a zero-padded
 * real FFT (|X|² → FFT again, since the power spectrum is real and even), key-maximum picking, then a sub-sample
 * refinement by Newton steps on a band-limited, Hann-weighted NSDF (see `refine`). This gives full-rate precision on a decimated signal. All scratch is preallocated: `analyse` allocates
 * nothing.
 */
export class PitchDetector {
  readonly sampleRate: number;
  readonly windowSize: number;
  readonly fftSize: number;
  readonly minLag: number;
  readonly maxLag: number;
  threshold: number;
  /** Result of the last `analyse`: f0 in Hz (0 when no periodicity found) and clarity n(τ*) in 0..1. */
  pitchHz = 0;
  clarity = 0;

  private readonly fft: RealFFT;
  private readonly x: Float64Array;
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly xr: Float64Array;
  private readonly xi: Float64Array;
  private readonly cr: Float64Array;
  private readonly ci: Float64Array;
  private readonly aw: Float64Array;
  private readonly wj: Float64Array;
  private readonly ew = new Float64Array(4);
  private readonly sym: Float64Array;
  private readonly nsdf: Float64Array;
  private readonly m: Float64Array;
  private readonly keyLags: Int32Array;

  constructor(opts: PitchDetectorOptions) {
    const minHz = opts.minHz ?? 60;
    const maxHz = opts.maxHz ?? 500;
    this.sampleRate = opts.sampleRate;
    this.windowSize = opts.windowSize;
    this.threshold = opts.threshold ?? 0.9;
    this.minLag = Math.max(2, Math.floor(opts.sampleRate / maxHz));
    this.maxLag = Math.ceil(opts.sampleRate / minHz);
    if (this.maxLag + 2 >= this.windowSize) throw new RangeError('window too short for minHz');
    let n = 4;
    while (n < this.windowSize + this.maxLag + 2) n <<= 1;
    this.fftSize = n;
    this.fft = new RealFFT(n);
    this.x = new Float64Array(this.windowSize);
    this.re = new Float64Array(n / 2 + 1);
    this.im = new Float64Array(n / 2 + 1);
    this.xr = new Float64Array(n / 2 + 1);
    this.xi = new Float64Array(n / 2 + 1);
    this.cr = new Float64Array(n / 2 + 1);
    this.ci = new Float64Array(n / 2 + 1);
    this.aw = new Float64Array(this.windowSize);
    this.wj = new Float64Array(this.windowSize);
    this.sym = new Float64Array(n);
    this.nsdf = new Float64Array(this.maxLag + 2);
    this.m = new Float64Array(this.maxLag + 2);
    this.keyLags = new Int32Array(this.maxLag + 2);
  }

  /**
   * Analyses `buf[offset .. offset + windowSize)`: sets `pitchHz` (0 when no periodicity) and `clarity`; returns
   * whether a pitch was found. (No number return value: see level.ts `Energy` on boxing.)
   */
  analyse(buf: ArrayLike<number>, offset: number): boolean {
    const w = this.windowSize;
    const x = this.x;
    let mean = 0;
    for (let i = 0; i < w; i++) mean += buf[offset + i]!;
    mean /= w;
    for (let i = 0; i < w; i++) x[i] = buf[offset + i]! - mean;

    // r(τ) = IFFT(|X|²); the power spectrum is real and even, so a forward FFT of its even extension gives n·r(τ).
    const n = this.fftSize;
    const h = n >> 1;
    const re = this.re;
    const im = this.im;
    const sym = this.sym;
    const xr = this.xr;
    const xi = this.xi;
    this.fft.forward(x, 0, w, xr, xi);
    for (let k = 0; k <= h; k++) {
      const p = xr[k]! * xr[k]! + xi[k]! * xi[k]!;
      sym[k] = p;
      if (k > 0 && k < h) sym[n - k] = p;
    }
    this.fft.forward(sym, 0, n, re, im); // re[τ] = n·r(τ)

    // m(τ) = Σ_{j<w−τ} x_j² + x_{j+τ}², n(τ) = 2r(τ)/m(τ).
    const maxLag = this.maxLag;
    const nsdf = this.nsdf;
    const m = this.m;
    const r0 = re[0]! / n;
    if (r0 <= 1e-12 * w) return this.none();
    let mm = 2 * r0;
    m[0] = mm;
    nsdf[0] = 1;
    for (let t = 1; t <= maxLag + 1; t++) {
      mm -= x[t - 1]! * x[t - 1]! + x[w - t]! * x[w - t]!;
      m[t] = mm;
      nsdf[t] = mm > 0 ? (2 * re[t]!) / n / mm : 0;
    }

    // Key maxima: the highest point of each positive lobe after the first negative-going zero crossing.
    let t = 1;
    while (t <= maxLag && nsdf[t]! > 0) t++;
    let count = 0;
    let best = -1;
    let bestVal = -Infinity;
    let nmax = 0;
    for (; t <= maxLag; t++) {
      const v = nsdf[t]!;
      if (v > 0) {
        if (v > bestVal) {
          bestVal = v;
          best = t;
        }
      } else if (best >= 0) {
        this.keyLags[count++] = best;
        if (bestVal > nmax) nmax = bestVal;
        best = -1;
        bestVal = -Infinity;
      }
    }
    // A lobe still open at maxLag counts only if its maximum is interior (not rising into the boundary).
    if (best >= 0 && best < maxLag) {
      this.keyLags[count++] = best;
      if (bestVal > nmax) nmax = bestVal;
    }
    if (count === 0) return this.none();

    const thr = this.threshold * nmax;
    let lag = -1;
    for (let i = 0; i < count; i++) {
      const k = this.keyLags[i]!;
      if (k >= this.minLag && nsdf[k]! >= thr) {
        lag = k;
        break;
      }
    }
    if (lag < 0) return this.none();
    this.refine(lag);
    const st = this.state;
    const value = st[1]!;
    this.pitchHz = this.sampleRate / st[0]!;
    this.clarity = value > 1 ? 1 : value < 0 ? 0 : value;
    return true;
  }

  /**
   * Refinement state/result: [0] = lag τ (samples), [1] = n(τ). Kept in a typed array rather than locals/fields:
   * TurboFan gave the loop-carried τ (first an integer lag, then fractional) a tagged representation and boxed it
   * on every Newton step, i.e. allocated on the audio thread.
   */
  private readonly state = new Float64Array(2);

  private none(): boolean {
    this.pitchHz = 0;
    this.clarity = 0;
    return false;
  }

  /**
   * Sub-sample peak. The variable-range NSDF of MPM is only defined at integer lags, so the refinement maximises a
   * Hann-weighted, fixed-range NSDF instead: n_w(τ) = 2·R_w(τ) / (S_w + E_w(τ)) with R_w(τ) = Σ_{j<J} w_j x_j x(j+τ)
   * (band-limited in τ: evaluated exactly from the cross-spectrum conj(FFT(w·x))·FFT(x)), S_w = Σ w_j x_j² and
   * E_w(τ) = Σ w_j x(j+τ)² (smooth: cubic interpolation between integer lags). For a periodic x, n_w(P) = 1 is the
   * maximum (weighted Cauchy–Schwarz), so the estimate is unbiased by design; the taper removes the edge terms that
   * bias a sub-sample fit of the plain NSDF. Newton steps from the parabolic estimate.
   */
  private refine(lag: number): void {
    const nsdf = this.nsdf;
    const a = nsdf[lag - 1]!;
    const b = nsdf[lag]!;
    const c = nsdf[lag + 1]!;
    const den = a - 2 * b + c;
    const st = this.state;
    st[0] = lag;
    st[1] = b;
    if (den < 0) {
      const d = (0.5 * (a - c)) / den;
      if (d > -1 && d < 1) st[0] = lag + d;
    }

    const w = this.windowSize;
    const x = this.x;
    const n = this.fftSize;
    const h = n >> 1;
    const J = w - lag - 4;
    if (J < 16) return;
    // a = w·x over [0, J), Hann weights; S_w.
    const aw = this.aw;
    let sw = 0;
    // sin(π(j + ½)/J) by rotation (no per-sample Math.sin)
    const dc = Math.cos(Math.PI / J);
    const ds = Math.sin(Math.PI / J);
    let sc = Math.cos(Math.PI / (2 * J));
    let ss = Math.sin(Math.PI / (2 * J));
    for (let j = 0; j < J; j++) {
      const wj = ss * ss;
      const nsc = sc * dc - ss * ds;
      ss = ss * dc + sc * ds;
      sc = nsc;
      this.wj[j] = wj;
      aw[j] = wj * x[j]!;
      sw += aw[j]! * x[j]!;
    }
    this.fft.forward(aw, 0, J, this.re, this.im);
    const ar = this.re;
    const ai = this.im;
    const br = this.xr;
    const bi = this.xi;
    const cr = this.cr;
    const ci = this.ci;
    for (let k = 0; k <= h; k++) {
      cr[k] = ar[k]! * br[k]! + ai[k]! * bi[k]!;
      ci[k] = ar[k]! * bi[k]! - ai[k]! * br[k]!;
    }
    const e = this.ew;
    let base = -100;
    const omega = (2 * Math.PI) / n;
    for (let iter = 0; iter < 4; iter++) {
      const tau: number = st[0]!;
      const f = Math.floor(tau) | 0;
      if (f - 1 < 1 || f + 2 > lag + 3) break;
      if (f !== base) {
        // E_w at integer lags f−1 .. f+2
        for (let q = 0; q < 4; q++) {
          const off = f - 1 + q;
          let acc = 0;
          for (let j = 0; j < J; j++) {
            const v = x[j + off]!;
            acc += this.wj[j]! * v * v;
          }
          e[q] = acc;
        }
        base = f;
      }
      // cubic Lagrange on nodes −1, 0, 1, 2 at t = τ − f: value and first/second derivative
      const t = tau - f;
      const e0 = e[0]!,
        e1 = e[1]!,
        e2 = e[2]!,
        e3 = e[3]!;
      const c0 = e1;
      const c1 = -e0 / 3 - e1 / 2 + e2 - e3 / 6;
      const c2 = e0 / 2 - e1 + e2 / 2;
      const c3 = -e0 / 6 + e1 / 2 - e2 / 2 + e3 / 6;
      const ev = c0 + t * (c1 + t * (c2 + t * c3));
      const ed = c1 + t * (2 * c2 + 3 * t * c3);
      const edd = 2 * c2 + 6 * t * c3;
      // R_w, R_w', R_w'' at τ by rotating e^{iωkτ}
      const cw = Math.cos(omega * tau);
      const sn = Math.sin(omega * tau);
      let co = 1;
      let si = 0;
      let r = cr[0]!;
      let r1 = 0;
      let r2 = 0;
      for (let k = 1; k <= h; k++) {
        const nc = co * cw - si * sn;
        si = si * cw + co * sn;
        co = nc;
        const g = k === h ? 1 : 2;
        const wk = omega * k;
        const pr = cr[k]!;
        const pi = ci[k]!;
        const re0 = g * (pr * co - pi * si);
        r += re0;
        r1 -= g * wk * (pr * si + pi * co);
        r2 -= wk * wk * re0;
      }
      r /= n;
      r1 /= n;
      r2 /= n;
      const m = sw + ev;
      if (m <= 0) break;
      const nv = (2 * r) / m;
      const n1 = (2 * (r1 * m - r * ed)) / (m * m);
      const n2 = 2 * (r2 / m - (2 * r1 * ed) / (m * m) - (r * edd) / (m * m) + (2 * r * ed * ed) / (m * m * m));
      st[1] = nv;
      if (!(n2 < 0)) break;
      let step = -n1 / n2;
      if (step > 0.5) step = 0.5;
      else if (step < -0.5) step = -0.5;
      st[0] = tau + step;
      if (Math.abs(step) < 1e-6) break;
    }
  }
}
