import type { DoubleRing } from './ring';

/** Block size of the internal linear history buffer (inputs longer than this are processed in chunks). */
const CHUNK = 128;

/**
 * Integer-factor decimator: windowed-sinc (Hamming) anti-alias FIR evaluated only at the output instants
 * (polyphase in effect), streaming over blocks of any length. Zero allocations in `process`.
 */
export class Decimator {
  readonly factor: number;
  readonly taps: Float64Array;
  private readonly buf: Float64Array;
  private phase = 0;

  /**
   * @param factor integer decimation factor (1 = pass-through)
   * @param cutoff −6 dB cutoff as a fraction of the *output* Nyquist (default 0.8)
   * @param tapsPerFactor filter length per unit of factor (default 5 → 30 taps at factor 6)
   */
  constructor(factor: number, cutoff = 0.8, tapsPerFactor = 5) {
    if (!Number.isInteger(factor) || factor < 1)
      throw new RangeError(`factor must be a positive integer, got ${factor}`);
    this.factor = factor;
    const len = factor === 1 ? 1 : tapsPerFactor * factor;
    this.taps = new Float64Array(len);
    if (factor === 1) {
      this.taps[0] = 1;
    } else {
      const fc = (0.5 * cutoff) / factor; // cycles per input sample
      const mid = (len - 1) / 2;
      let sum = 0;
      for (let i = 0; i < len; i++) {
        const t = i - mid;
        const sinc = t === 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * t) / (Math.PI * t);
        const w = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (len - 1));
        this.taps[i] = sinc * w;
        sum += sinc * w;
      }
      for (let i = 0; i < len; i++) this.taps[i] = this.taps[i]! / sum; // unity DC gain
    }
    this.buf = new Float64Array(len - 1 + CHUNK);
  }

  /** Filters `input[0..length)` and pushes every `factor`-th output into `out`. Returns the number pushed. */
  process(input: Float32Array, length: number, out: DoubleRing): number {
    const taps = this.taps;
    const len = taps.length;
    const keep = len - 1;
    const buf = this.buf;
    const factor = this.factor;
    const half = len >> 1;
    const odd = (len & 1) === 1;
    let phase = this.phase;
    let pushed = 0;
    for (let start = 0; start < length; start += CHUNK) {
      const c = length - start < CHUNK ? length - start : CHUNK;
      // buf = [last len−1 inputs | this chunk]; an output is due after every `factor`-th input.
      for (let i = 0; i < c; i++) buf[keep + i] = input[start + i]!;
      let i = factor - 1 - phase; // index in the chunk of the next input that completes an output
      for (; i < c; i += factor) {
        // the newest tap is buf[keep + i], the oldest buf[i]; symmetric taps: fold the window
        let acc = 0;
        const last = i + len - 1;
        for (let j = 0; j < half; j++) acc += taps[j]! * (buf[i + j]! + buf[last - j]!);
        if (odd) acc += taps[half]! * buf[i + half]!;
        out.push(acc);
        pushed++;
      }
      phase = (phase + c) % factor;
      buf.copyWithin(0, c, c + keep);
    }
    this.phase = phase;
    return pushed;
  }

  reset(): void {
    this.buf.fill(0);
    this.phase = 0;
  }
}
