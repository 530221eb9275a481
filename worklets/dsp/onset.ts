import { powerDb, type Energy } from './level';

export interface OnsetOptions {
  /** Seconds per `update` call (one render quantum). */
  stepSeconds: number;
  /** Minimum level rise (dB) over the reference to count as an onset (default 9). */
  minRiseDb?: number;
  /** Adaptive threshold: mean + k·deviation of recent rises (default k = 3). */
  k?: number;
  /** Time constant of the rise statistics, seconds (default 0.5). */
  statsSeconds?: number;
  /** Reference: the lowest level over this look-back, seconds (default 0.02). */
  lookbackSeconds?: number;
  /** Refractory period after an onset, seconds (default 0.08). */
  refractorySeconds?: number;
  /** Minimum level above the noise floor for an onset, dB (default 9). */
  aboveFloorDb?: number;
}

const MAX_LOOKBACK = 64;

/**
 * Energy-derivative onset detector. Per step: rise = level(dB) − min(level over the last ~20 ms); an onset fires when
 * the rise exceeds max(minRiseDb, mean + k·dev) of recent rises (exponential statistics), the level is above the
 * noise floor, and the refractory period has passed. Returns the rise in dB (> 0) on an onset step, else 0.
 * Zero allocations in `update`.
 */
export class OnsetDetector {
  private readonly minRise: number;
  private readonly k: number;
  private readonly beta: number;
  private readonly lookback: number;
  private readonly refractory: number;
  private readonly aboveFloor: number;
  private readonly history = new Float64Array(MAX_LOOKBACK);
  private pos = 0;
  private count = 0;
  private mean = 0;
  private dev = 1;
  private wait = 0;

  constructor(o: OnsetOptions) {
    this.minRise = o.minRiseDb ?? 9;
    this.k = o.k ?? 3;
    this.beta = 1 - Math.exp(-o.stepSeconds / (o.statsSeconds ?? 0.5));
    this.lookback = Math.min(MAX_LOOKBACK, Math.max(1, Math.round((o.lookbackSeconds ?? 0.02) / o.stepSeconds)));
    this.refractory = Math.round((o.refractorySeconds ?? 0.08) / o.stepSeconds);
    this.aboveFloor = o.aboveFloorDb ?? 9;
    this.history.fill(-120);
  }

  /** Onset strength of the last step: the level rise in dB (> 0) on an onset step, else 0. */
  strength = 0;

  /**
   * Feeds one step's mean square (`src.meanSquare`) and the current noise floor (`floor.floorDb`, dBFS); returns
   * true on an onset (strength in `strength`).
   */
  update(src: Energy, floor: { readonly floorDb: number }): boolean {
    const level = powerDb(src.meanSquare);
    const floorDb = floor.floorDb;
    const h = this.history;
    let ref = Infinity;
    const n = this.count < this.lookback ? this.count : this.lookback;
    for (let i = 1; i <= n; i++) {
      const v = h[(this.pos - i + MAX_LOOKBACK) % MAX_LOOKBACK]!;
      if (v < ref) ref = v;
    }
    h[this.pos] = level;
    this.pos = (this.pos + 1) % MAX_LOOKBACK;
    if (this.count < MAX_LOOKBACK) this.count++;
    this.strength = 0;
    if (n === 0) return false;

    const rise = level - ref > 0 ? level - ref : 0;
    const thr = Math.max(this.minRise, this.mean + this.k * this.dev);
    let out = 0;
    if (this.wait > 0) this.wait--;
    else if (rise >= thr && level >= floorDb + this.aboveFloor) {
      out = rise;
      this.wait = this.refractory;
    }
    // Statistics of the rise (onset steps included, so a train of onsets raises the bar).
    const d = rise - this.mean;
    this.mean += this.beta * d;
    this.dev += this.beta * (Math.abs(d) - this.dev);
    this.strength = out;
    return out > 0;
  }

  reset(): void {
    this.history.fill(-120);
    this.pos = 0;
    this.count = 0;
    this.mean = 0;
    this.dev = 1;
    this.wait = 0;
    this.strength = 0;
  }
}
