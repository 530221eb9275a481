/**
 * "Double-write" ring buffer: every sample is stored at `i` and `i + size`, so the latest `size` samples are always
 * contiguous at `data[start .. start + size)` (oldest first). No copies, no allocations after construction.
 */
export class DoubleRing {
  readonly size: number;
  readonly data: Float64Array;
  private pos = 0;

  constructor(size: number) {
    this.size = size;
    this.data = new Float64Array(2 * size);
  }

  push(v: number): void {
    const p = this.pos;
    this.data[p] = v;
    this.data[p + this.size] = v;
    this.pos = p + 1 === this.size ? 0 : p + 1;
  }

  /** Offset into `data` of the oldest of the last `size` samples. */
  get start(): number {
    return this.pos;
  }

  clear(): void {
    this.data.fill(0);
    this.pos = 0;
  }
}
