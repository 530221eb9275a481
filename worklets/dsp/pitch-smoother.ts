/**
 * Smoothed, confidence-gated pitch for colour. Confident estimates (clarity ≥ gate, f0 > 0) pass a 3-point median
 * (drops single-frame octave slips) and a one-pole filter in log-frequency; anything else holds the last value.
 * 0 until the first confident estimate. Zero allocations.
 */
export class PitchSmoother {
  value = 0;
  private readonly gate: number;
  private readonly alpha: number;
  private a = 0;
  private b = 0;
  private n = 0;
  private logValue = 0;

  /** @param stepSeconds seconds between `update` calls; @param tauSeconds smoothing time constant. */
  constructor(stepSeconds: number, gate = 0.6, tauSeconds = 0.06) {
    this.gate = gate;
    this.alpha = 1 - Math.exp(-stepSeconds / tauSeconds);
  }

  /** Feeds one analysis (`src.pitchHz`, `src.clarity`; fields, not arguments: see level.ts `Energy`). */
  update(src: { readonly pitchHz: number; readonly clarity: number }): void {
    const pitchHz = src.pitchHz;
    if (!(pitchHz > 0) || src.clarity < this.gate) return;
    const l = Math.log2(pitchHz);
    // median of the last three confident log-pitches
    let med = l;
    if (this.n >= 2) {
      const x = this.a;
      const y = this.b;
      med = Math.max(Math.min(x, y), Math.min(Math.max(x, y), l));
    }
    this.a = this.b;
    this.b = l;
    if (this.n < 2) this.n++;
    if (this.value === 0) this.logValue = med;
    else if (Math.abs(med - this.logValue) > 0.5) this.logValue = med; // a real jump (new note/speaker): follow now
    else this.logValue += this.alpha * (med - this.logValue);
    this.value = 2 ** this.logValue;
  }

  reset(): void {
    this.value = 0;
    this.n = 0;
  }
}
