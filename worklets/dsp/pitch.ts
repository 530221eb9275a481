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
 * refinement that maximises n(τ) on the band-limited (trigonometric) interpolant of r, via Newton steps on the power
 * spectrum. This gives full-rate precision on a decimated signal. All scratch is preallocated: `analyse` allocates
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
  private readonly power: Float64Array;
  private readonly sym: Float64Array;
  private readonly nsdf: Float64Array;
  private readonly m: Float64Array;
  private readonly keyLags: Int32Array;
  private keyCount = 0;

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
    this.power = new Float64Array(n / 2 + 1);
    this.sym = new Float64Array(n);
    this.nsdf = new Float64Array(this.maxLag + 2);
    this.m = new Float64Array(this.maxLag + 2);
    this.keyLags = new Int32Array(this.maxLag + 2);
  }

  /** Analyses `buf[offset .. offset + windowSize)`; returns the f0 (Hz) or 0, and sets `pitchHz`/`clarity`. */
  analyse(buf: ArrayLike<number>, offset: number): number {
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
    const power = this.power;
    const sym = this.sym;
    this.fft.forward(x, 0, w, re, im);
    for (let k = 0; k <= h; k++) {
      const p = re[k]! * re[k]! + im[k]! * im[k]!;
      power[k] = p;
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
        this.pushKey(best, bestVal, count++);
        if (bestVal > nmax) nmax = bestVal;
        best = -1;
        bestVal = -Infinity;
      }
    }
    // A lobe still open at maxLag counts only if its maximum is interior (not rising into the boundary).
    if (best >= 0 && best < maxLag) {
      this.pushKey(best, bestVal, count++);
      if (bestVal > nmax) nmax = bestVal;
    }
    this.keyCount = count;
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
    const tau = this.refine(lag);
    this.pitchHz = this.sampleRate / tau.lag;
    this.clarity = tau.value > 1 ? 1 : tau.value < 0 ? 0 : tau.value;
    return this.pitchHz;
  }

  private readonly result = { lag: 0, value: 0 };

  private pushKey(lag: number, _value: number, index: number): void {
    this.keyLags[index] = lag;
  }

  private none(): number {
    this.pitchHz = 0;
    this.clarity = 0;
    this.keyCount = 0;
    return 0;
  }

  /**
   * Sub-sample peak: parabolic start, then Newton steps on n(τ) = 2r(τ)/m(τ) where r is the trigonometric
   * interpolant Σ P_k cos(2πkτ/n) of the autocorrelation and m is linear between integer lags.
   */
  private refine(lag: number): { lag: number; value: number } {
    const nsdf = this.nsdf;
    const a = nsdf[lag - 1]!;
    const b = nsdf[lag]!;
    const c = nsdf[lag + 1]!;
    const den = a - 2 * b + c;
    let tau = lag;
    if (den < 0) {
      const d = (0.5 * (a - c)) / den;
      if (d > -1 && d < 1) tau = lag + d;
    }
    const res = this.result;
    res.lag = tau;
    res.value = b;
    const n = this.fftSize;
    const h = n >> 1;
    const power = this.power;
    const m = this.m;
    const omega = (2 * Math.PI) / n;
    for (let iter = 0; iter < 3; iter++) {
      // r, r', r'' at tau (times n) by rotating e^{iωkτ}.
      const cw = Math.cos(omega * tau);
      const sw = Math.sin(omega * tau);
      let c0 = 1;
      let s0 = 0;
      let r = power[0]!;
      let r1 = 0;
      let r2 = 0;
      for (let k = 1; k <= h; k++) {
        const cn = c0 * cw - s0 * sw;
        s0 = s0 * cw + c0 * sw;
        c0 = cn;
        const p = k === h ? power[k]! : 2 * power[k]!;
        const wk = omega * k;
        r += p * c0;
        r1 -= p * wk * s0;
        r2 -= p * wk * wk * c0;
      }
      r /= n;
      r1 /= n;
      r2 /= n;
      const f = Math.floor(tau);
      const frac = tau - f;
      const m0 = m[f]!;
      const dm = m[f + 1]! - m0;
      const mv = m0 + frac * dm;
      if (mv <= 0) break;
      const nv = (2 * r) / mv;
      const n1 = (2 * (r1 * mv - r * dm)) / (mv * mv);
      const n2 = 2 * (r2 / mv - (2 * r1 * dm) / (mv * mv) + (2 * r * dm * dm) / (mv * mv * mv));
      res.value = nv;
      if (!(n2 < 0)) break;
      let step = -n1 / n2;
      if (step > 0.5) step = 0.5;
      else if (step < -0.5) step = -0.5;
      tau += step;
      res.lag = tau;
      if (Math.abs(step) < 1e-7) break;
    }
    return res;
  }
}
