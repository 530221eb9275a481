import { powerDb, type Energy } from './level';

export interface VoiceActivityOptions {
  /** Seconds per `update` call (one render quantum, e.g. 128 / 48000). */
  stepSeconds: number;
  /** Turn on when the smoothed level exceeds the noise floor by this many dB (default 9). */
  onDb?: number;
  /** Turn off (after the hang-over) when it falls below floor + offDb (default 4). Hysteresis = onDb − offDb. */
  offDb?: number;
  /** Absolute minimum speech level, dBFS (default −60): quieter input is never voice. */
  minDb?: number;
  /** Hang-over after the level drops below the off threshold, seconds (default 0.08). */
  hangSeconds?: number;
  /** Consecutive above-threshold time needed to turn on, seconds (default 0.008, about 3 quanta). */
  attackSeconds?: number;
  /** Level smoothing time constant, seconds (default 0.003). */
  smoothSeconds?: number;
  /** Noise-floor memory: minimum of the smoothed level over this span, seconds (default 1.6). */
  floorSeconds?: number;
}

const FLOOR_BLOCKS = 8;

/**
 * Energy voice-activity detector: smoothed level in dB against a minimum-statistics noise floor (minimum over the
 * last ~1.6 s, kept as 8 block minima so the floor follows a rising noise within one span and never sticks while
 * speech goes on), on/off thresholds with hysteresis, an attack count and a hang-over. Zero allocations in `update`.
 */
export class VoiceActivity {
  /** Current decision. */
  voice = false;
  /** Smoothed level (dBFS) and tracked noise floor (dBFS). */
  levelDb = -120;
  floorDb = -120;

  private readonly onDb: number;
  private readonly offDb: number;
  private readonly minDb: number;
  private readonly hangSteps: number;
  private readonly attackSteps: number;
  private readonly alpha: number;
  private readonly blockSteps: number;
  private readonly blockMin = new Float64Array(FLOOR_BLOCKS);
  private block = 0;
  private blockCount = 0;
  private filled = 0;
  private smoothed = 0;
  private hang = 0;
  private above = 0;
  private started = false;

  constructor(o: VoiceActivityOptions) {
    this.onDb = o.onDb ?? 9;
    this.offDb = o.offDb ?? 4;
    this.minDb = o.minDb ?? -60;
    this.hangSteps = Math.max(0, Math.round((o.hangSeconds ?? 0.08) / o.stepSeconds));
    this.attackSteps = Math.max(1, Math.round((o.attackSeconds ?? 0.008) / o.stepSeconds));
    this.alpha = 1 - Math.exp(-o.stepSeconds / (o.smoothSeconds ?? 0.003));
    this.blockSteps = Math.max(1, Math.round((o.floorSeconds ?? 1.6) / FLOOR_BLOCKS / o.stepSeconds));
    this.blockMin.fill(Infinity);
  }

  /** Feeds the mean square of one step (`src.meanSquare`); returns the voice decision. */
  update(src: Energy): boolean {
    const meanSquare = src.meanSquare;
    if (!this.started) {
      this.smoothed = meanSquare;
      this.started = true;
    } else {
      this.smoothed += this.alpha * (meanSquare - this.smoothed);
    }
    const level = powerDb(this.smoothed);
    this.levelDb = level;

    // Minimum statistics over FLOOR_BLOCKS blocks.
    const bm = this.blockMin;
    if (level < bm[this.block]!) bm[this.block] = level;
    if (++this.blockCount >= this.blockSteps) {
      this.blockCount = 0;
      this.block = (this.block + 1) % FLOOR_BLOCKS;
      bm[this.block] = Infinity;
      if (this.filled < FLOOR_BLOCKS) this.filled++;
    }
    let floor = Infinity;
    for (let i = 0; i < FLOOR_BLOCKS; i++) if (bm[i]! < floor) floor = bm[i]!;
    this.floorDb = floor;

    const on = Math.max(floor + this.onDb, this.minDb);
    const off = Math.max(floor + this.offDb, this.minDb - 3);
    if (this.voice) {
      if (level >= off) this.hang = this.hangSteps;
      else if (this.hang > 0) this.hang--;
      else this.voice = false;
    } else if (level >= on) {
      if (++this.above >= this.attackSteps) {
        this.voice = true;
        this.hang = this.hangSteps;
        this.above = 0;
      }
    } else {
      this.above = 0;
    }
    return this.voice;
  }

  reset(): void {
    this.voice = false;
    this.blockMin.fill(Infinity);
    this.block = 0;
    this.blockCount = 0;
    this.filled = 0;
    this.hang = 0;
    this.above = 0;
    this.started = false;
    this.levelDb = -120;
    this.floorDb = -120;
  }
}
