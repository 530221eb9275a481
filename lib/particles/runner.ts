/**
 * The particle field's one rAF loop: `state.update(dt)` then `view.render()`, plus the adaptive count and fps.
 * Framework-free (the Vue component wires props, visibility and reduced motion into it).
 *
 * Per frame: one rAF callback, numbers only — no allocation. Pauses when told (hidden panel) and while the WebGL
 * context is lost; resumes on restore. `dispose()` stops the loop and frees the GL resources.
 * Reduced motion (`prefers-reduced-motion: reduce`) stills the field: no loop, one settled picture, redrawn only when
 * the mode or the size changes.
 */
import type { FeatureFrame } from '@/worklets/protocol';
import type { VoiceMode } from '@/lib/voice/types';
import { createAdaptiveCount, type AdaptiveController, type AdaptiveOptions } from './state/adaptive';
import { createFieldState, type FieldState } from './state/field-state';
import { createFieldView, type FieldView } from './view/field-view';

export interface ParticleStats {
  fps: number;
  count: number;
}

export interface ParticleRunnerOptions {
  canvas: HTMLCanvasElement;
  maxCount?: number;
  minCount?: number;
  reducedMotion?: boolean;
  /** Extra options for the adaptive controller (bounds, step…). */
  adaptive?: Partial<AdaptiveOptions>;
  /** Called at most every 500 ms with fps, and immediately when the count changes. */
  onStats?: (stats: ParticleStats) => void;
  /** Injected for tests; default the window's. */
  raf?: (cb: FrameRequestCallback) => number;
  caf?: (id: number) => void;
}

export interface ParticleRunner {
  readonly state: FieldState;
  readonly view: FieldView;
  readonly adaptive: AdaptiveController;
  readonly frames: number;
  readonly fps: number;
  readonly running: boolean;
  setMode(mode: VoiceMode): void;
  setReducedMotion(reduced: boolean): void;
  pushFrame(frame: FeatureFrame): void;
  resize(width: number, height: number): void;
  /** Visible → run the loop; hidden → stop requesting frames. */
  setVisible(visible: boolean): void;
  /**
   * Give the main thread away for a moment: no frames while yielding, at most `YIELD_MAX_MS` per call. The panel
   * shares its renderer's main thread with the offscreen engine, so a connect waits on every frame drawn meanwhile.
   */
  setYielding(yielding: boolean): void;
  /** Feed synthetic frame durations to the adaptive controller; from then on real frame times are ignored. */
  injectFrameTimes(ms: readonly number[]): void;
  /** Go back to measuring real frame times. */
  resumeAutoFrameTimes(): void;
  /** Render once now (outside the loop): used by tests to read pixels. */
  renderNow(): void;
  dispose(): void;
}

export const DEFAULT_MAX_COUNT = 100_000;
export const DEFAULT_MIN_COUNT = 32_000;
/** Longest the field stays still for `setYielding(true)`: a connect takes ~0.1 s; a slow one must not look frozen. */
export const YIELD_MAX_MS = 500;
/** Steps of 0.1 s the state takes before a still picture, so mode colours have settled. */
const STILL_SETTLE_STEPS = 30;

export function createParticleRunner(options: ParticleRunnerOptions): ParticleRunner {
  const maxCount = Math.max(1, Math.floor(options.maxCount ?? DEFAULT_MAX_COUNT));
  const minCount = Math.min(maxCount, Math.max(1, Math.floor(options.minCount ?? DEFAULT_MIN_COUNT)));
  const raf = options.raf ?? ((cb: FrameRequestCallback) => requestAnimationFrame(cb));
  const caf = options.caf ?? ((id: number) => cancelAnimationFrame(id));

  const state = createFieldState({ reducedMotion: options.reducedMotion });
  const adaptive = createAdaptiveCount({ min: minCount, max: maxCount, ...options.adaptive });
  let visible = true;
  let yielding = false;
  let yieldTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  let rafId = 0;
  let lastTs = -1;
  let frames = 0;
  let fps = 0;
  let fpsFrames = 0;
  let fpsMs = 0;
  let manualFrameTimes = false;
  let reduced = options.reducedMotion ?? false;

  const view = createFieldView({
    canvas: options.canvas,
    maxCount,
    onContextLost: () => stop(),
    onContextRestored: () => {
      view.setCount(adaptive.count);
      start();
    },
  });
  view.setCount(adaptive.count);

  const emit = (): void => options.onStats?.({ fps, count: adaptive.count });

  function applyCount(changed: boolean): void {
    if (!changed) return;
    view.setCount(adaptive.count);
    emit();
  }

  function frame(ts: number): void {
    rafId = 0;
    if (disposed || !visible || view.contextLost) return;
    rafId = raf(frame);
    const dtMs = lastTs < 0 ? 0 : ts - lastTs;
    lastTs = ts;
    if (dtMs > 0) {
      if (!manualFrameTimes) applyCount(adaptive.tick(dtMs));
      fpsFrames++;
      fpsMs += dtMs;
      if (fpsMs >= 500) {
        fps = (fpsFrames * 1000) / fpsMs;
        fpsFrames = 0;
        fpsMs = 0;
        emit();
      }
    }
    state.update(dtMs / 1000, ts);
    view.render(state.out);
    frames++;
  }

  /** Reduced motion: ease the state to where the mode leads (3 s of settling at once) and draw that one picture. */
  function drawStill(): void {
    if (disposed || !visible || view.contextLost) return;
    for (let i = 0; i < STILL_SETTLE_STEPS; i++) state.update(0.1, performance.now());
    view.render(state.out);
    frames++;
  }

  function start(): void {
    if (reduced) return drawStill();
    if (disposed || rafId || !visible || yielding || view.contextLost) return;
    lastTs = -1;
    // A pause is not slowness: partial measurement windows are dropped.
    adaptive.resetWindows();
    rafId = raf(frame);
  }

  function stop(): void {
    if (rafId) caf(rafId);
    rafId = 0;
  }

  start();

  return {
    state,
    view,
    adaptive,
    get frames() {
      return frames;
    },
    get fps() {
      return fps;
    },
    get running() {
      return rafId !== 0;
    },
    setMode(mode) {
      state.setMode(mode);
      if (reduced) drawStill();
    },
    setReducedMotion(r) {
      state.setReducedMotion(r);
      reduced = r;
      if (r) {
        stop();
        fps = 0;
        emit();
      }
      start();
    },
    // Frames carry their own clock; the state compares arrival times on the rAF clock (performance.now()).
    pushFrame: (f) => state.pushFrame(f, performance.now()),
    resize(w, h) {
      view.resize(w, h);
      if (reduced) drawStill();
    },
    setVisible(v) {
      visible = v;
      if (v) start();
      else stop();
    },
    setYielding(y) {
      clearTimeout(yieldTimer);
      yielding = y;
      if (!y) return start();
      stop();
      yieldTimer = setTimeout(() => {
        yielding = false;
        start();
      }, YIELD_MAX_MS);
    },
    injectFrameTimes(ms) {
      if (!manualFrameTimes) adaptive.resetWindows();
      manualFrameTimes = true;
      for (const m of ms) applyCount(adaptive.tick(m));
    },
    resumeAutoFrameTimes() {
      manualFrameTimes = false;
      adaptive.resetWindows();
    },
    renderNow() {
      view.render(state.out);
    },
    dispose() {
      if (disposed) return;
      stop();
      clearTimeout(yieldTimer);
      disposed = true;
      view.dispose();
    },
  };
}
