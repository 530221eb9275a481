/** Sum of squares of `frame[0..length)`. */
export function sumSquares(frame: Float32Array, length: number): number {
  let s = 0;
  for (let i = 0; i < length; i++) {
    const v = frame[i]!;
    s += v * v;
  }
  return s;
}

/** Largest absolute sample value of `frame[0..length)`. */
export function peakAbs(frame: Float32Array, length: number): number {
  let p = 0;
  for (let i = 0; i < length; i++) {
    const v = frame[i]!;
    if (v > p) p = v;
    else if (-v > p) p = -v;
  }
  return p;
}

/** Root mean square of `frame[0..length)` (0 for an empty frame). */
export function rms(frame: Float32Array, length = frame.length): number {
  return length > 0 ? Math.sqrt(sumSquares(frame, length) / length) : 0;
}

/** Mean square → dBFS, floored at −120 dB. */
export function powerDb(meanSquare: number): number {
  return meanSquare > 1e-12 ? 10 * Math.log10(meanSquare) : -120;
}
