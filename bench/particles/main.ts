/**
 * Bench page for the particle field: the real state + view, one rAF loop, driven by bench/particles.ts through
 * `window.__bench`. The frame callback is named `benchFrame` so the heap-sampling profile can attribute allocations
 * to it (the driver sums the allocations under that function).
 */
import type { FeatureFrame } from '../../worklets/protocol';
import type { VoiceMode } from '../../lib/voice/types';
import { createFieldState } from '../../lib/particles/state/field-state';
import { createFieldView } from '../../lib/particles/view/field-view';

export interface RunResult {
  count: number;
  frames: number;
  /** JS time of the frame callback (state.update + view.render), ms. */
  jsMean: number;
  jsP50: number;
  jsP95: number;
  /** rAF interval, ms. */
  rafMean: number;
  /** Time of a forced 1-px readPixels after render (draw completion), ms; 0 when not synced. */
  rasterMean: number;
}

declare global {
  interface Window {
    __bench: {
      run(count: number, frames: number, sync: boolean): Promise<RunResult>;
      warm(frames: number): number;
      renderer: string;
    };
  }
}

const MAX = 100_000;
const MODES: VoiceMode[] = ['idle', 'listening', 'thinking', 'speaking'];
const canvas = document.getElementById('c') as HTMLCanvasElement;
const view = createFieldView({ canvas, maxCount: MAX, pixelRatio: 1 });
view.resize(360, 480);
const state = createFieldState();
const gl = view.renderer.getContext();
const pixel = new Uint8Array(4);
// Pre-built frames: pushing an existing object allocates nothing (the real stream's frames come from postMessage).
const frames: FeatureFrame[] = [0.02, 0.08, 0.2, 0.05].map((rms, i) => ({
  source: i % 2 === 0 ? 'mic' : 'assistant',
  rms,
  peak: rms * 2,
  pitchHz: 120 + 40 * i,
  clarity: 0.8,
  onset: i === 2 ? 0.8 : 0,
  voice: true,
  audioTime: 0,
  wallTime: 0,
}));

const js = new Float64Array(4096);
const raf = new Float64Array(4096);
const raster = new Float64Array(4096);

function stats(a: Float64Array, n: number): { mean: number; p50: number; p95: number } {
  if (n === 0) return { mean: 0, p50: 0, p95: 0 };
  const s = a.slice(0, n).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += s[i]!;
  return { mean: sum / n, p50: s[Math.floor(n * 0.5)]!, p95: s[Math.min(n - 1, Math.ceil(n * 0.95) - 1)]! };
}

let sync = false;
let last = 0;

/** Feature frames arrive by message in the app, not inside the rAF callback: the harness pushes them outside it. */
function feed(i: number, ts: number): void {
  state.setMode(MODES[(i >> 5) & 3]!);
  state.pushFrame(frames[i & 3]!, ts);
}

/**
 * One measured frame: the same calls the app's loop makes (state.update + view.render), timed; in sync mode a 1-px
 * readPixels forces draw completion. The heap profile sums allocations under it.
 */
function benchFrame(i: number, ts: number): void {
  const t0 = performance.now();
  state.update(last ? (ts - last) / 1000 : 0.016, ts);
  view.render(state.out);
  const t1 = performance.now();
  js[i] = t1 - t0;
  raf[i] = last ? ts - last : 0;
  if (sync) {
    gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
    raster[i] = performance.now() - t1;
  } else raster[i] = 0;
  last = ts;
}

function run(count: number, total: number, synced: boolean): Promise<RunResult> {
  view.setCount(count);
  sync = synced;
  last = 0;
  const n = Math.min(total, js.length);
  return new Promise((resolve) => {
    let i = 0;
    const tick = (ts: number): void => {
      feed(i, ts);
      benchFrame(i, ts);
      i++;
      if (i < n) requestAnimationFrame(tick);
      // Summaries are computed outside the frame (they allocate).
      else setTimeout(() => resolve(summarise(count, n)), 0);
    };
    requestAnimationFrame(tick);
  });
}

function summarise(count: number, n: number): RunResult {
  const j = stats(js, n);
  return {
    count,
    frames: n,
    jsMean: j.mean,
    jsP50: j.p50,
    jsP95: j.p95,
    rafMean: stats(raf.subarray(1), n - 1).mean,
    rasterMean: stats(raster, n).mean,
  };
}

/**
 * JIT warm-up: `benchFrame` itself, synchronously, at a tiny draw range (cheap for SwiftShader), so the measured frames
 * run optimised code — "steady state". Returns the ms taken.
 */
function warm(total: number): number {
  const t0 = performance.now();
  view.setCount(1_000);
  sync = false;
  for (let i = 0; i < total; i++) {
    feed(i & 1023, i * 16);
    benchFrame(i & 1023, i * 16);
    if ((i & 63) === 63) gl.finish();
  }
  gl.finish();
  last = 0;
  return performance.now() - t0;
}

const debug = gl.getExtension('WEBGL_debug_renderer_info');
window.__bench = {
  run,
  warm,
  renderer: String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)),
};
