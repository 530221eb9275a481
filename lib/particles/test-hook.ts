/**
 * `globalThis.__particles`: the e2e test hook of the particle field. Installed by ParticleCanvas only when
 * `import.meta.env.WXT_TEST_HOOKS === '1'` (test builds only; `npm run build` leaves it out). Read-mostly;
 * `injectFrameTimes` drives the adaptive controller with synthetic frame durations.
 */
import type { VoiceMode } from '@/lib/voice/types';
import type { ParticleRunner } from './runner';

export interface ParticlePixels {
  width: number;
  height: number;
  /** Pixels with any colour channel above 8 (of 255). */
  lit: number;
  /** Sum of all RGB bytes: changes when the picture changes. */
  sum: number;
}

export interface ParticlesTestHook {
  /** Particles drawn now (the draw range). */
  count(): number;
  /** Frames rendered since mount. */
  frames(): number;
  /** Last fps measurement (500 ms windows). */
  fps(): number;
  /** True while the rAF loop is scheduled (false when hidden or context lost). */
  running(): boolean;
  mode(): VoiceMode;
  /** true once the field is up: WebGL running, or the level-meter fallback chosen (three loads asynchronously). */
  ready(): boolean;
  /** true when WebGL was unavailable and the level meter is shown. */
  fallback(): boolean;
  min(): number;
  max(): number;
  step(): number;
  /** Adaptive controller internals: decisions so far, flip count, locked. */
  adaptive(): { decisions: number; flips: number; locked: boolean; lastDecision: string | null };
  /**
   * Feed synthetic frame durations (ms) to the adaptive controller, synchronously. The first call switches the
   * controller to manual: real frame times are ignored from then on (until `resumeAutoFrameTimes()`), so a slow
   * SwiftShader cannot race the test. 2 s of frame time = one decision: e.g. 100 × 40 ms (25 fps) → one step down,
   * 120 × 16.7 ms (60 fps) → one step up.
   */
  injectFrameTimes(ms: number[]): void;
  resumeAutoFrameTimes(): void;
  /** Renders a frame now and reads the whole canvas back (null in the fallback). */
  pixels(): ParticlePixels | null;
  /** Smoothed state numbers, e.g. to see reply audio move the level. */
  levels(): {
    level: number;
    mic: number;
    assistant: number;
    burst: number;
    source: number;
    /** 1 normally, → 0.25 under prefers-reduced-motion. */
    motion: number;
    modeWeights: number[];
  };
  /** WEBGL_lose_context: simulate loss / restore. Returns false when the extension is missing. */
  loseContext(): boolean;
  restoreContext(): boolean;
}

declare global {
  var __particles: ParticlesTestHook | undefined;
}

export function readPixels(runner: ParticleRunner): ParticlePixels | null {
  const gl = runner.view.renderer.getContext();
  if (gl.isContextLost()) return null;
  runner.renderNow();
  const width = gl.drawingBufferWidth;
  const height = gl.drawingBufferHeight;
  const buf = new Uint8Array(width * height * 4);
  gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, buf);
  let lit = 0;
  let sum = 0;
  for (let i = 0; i < buf.length; i += 4) {
    const r = buf[i]!;
    const g = buf[i + 1]!;
    const b = buf[i + 2]!;
    sum += r + g + b;
    if (r > 8 || g > 8 || b > 8) lit++;
  }
  return { width, height, lit, sum };
}

/**
 * Installs the hook for `get()`'s runner (null while loading or in the fallback). Returns the uninstaller (it only
 * removes its own hook, so a newer ParticleCanvas's hook survives an older one's unmount).
 */
export function installParticlesHook(
  get: () => ParticleRunner | null,
  mode: () => VoiceMode,
  isFallback: () => boolean,
): () => void {
  let loseExt: WEBGL_lose_context | null = null;
  const ext = (): WEBGL_lose_context | null => {
    const r = get();
    if (!r) return null;
    loseExt ??= r.view.renderer.getContext().getExtension('WEBGL_lose_context');
    return loseExt;
  };
  const hook: ParticlesTestHook = {
    count: () => get()?.view.count ?? 0,
    frames: () => get()?.frames ?? 0,
    fps: () => get()?.fps ?? 0,
    running: () => get()?.running ?? false,
    mode,
    ready: () => get() !== null || isFallback(),
    fallback: isFallback,
    min: () => get()?.adaptive.min ?? 0,
    max: () => get()?.adaptive.max ?? 0,
    step: () => get()?.adaptive.step ?? 0,
    adaptive: () => {
      const a = get()?.adaptive;
      return {
        decisions: a?.decisions ?? 0,
        flips: a?.flips ?? 0,
        locked: a?.locked ?? false,
        lastDecision: a?.lastDecision ?? null,
      };
    },
    injectFrameTimes: (ms) => get()?.injectFrameTimes(ms),
    resumeAutoFrameTimes: () => get()?.resumeAutoFrameTimes(),
    pixels: () => {
      const r = get();
      return r ? readPixels(r) : null;
    },
    levels: () => {
      const o = get()?.state.out;
      return {
        level: o?.level ?? 0,
        mic: o?.micLevel ?? 0,
        assistant: o?.assistantLevel ?? 0,
        burst: o?.burst ?? 0,
        source: o?.source ?? 0,
        motion: o?.motion ?? 0,
        modeWeights: o ? Array.from(o.modeWeights) : [],
      };
    },
    loseContext: () => {
      const e = ext();
      e?.loseContext();
      return e !== null;
    },
    restoreContext: () => {
      const e = ext();
      e?.restoreContext();
      return e !== null;
    },
  };
  globalThis.__particles = hook;
  return () => {
    if (globalThis.__particles === hook) globalThis.__particles = undefined;
  };
}
