import { describe, expect, it, vi } from 'vitest';
import type { FieldOutputs } from './state/field-state';

// The WebGL view is replaced by a recorder: these tests are about the loop, not the picture.
const renders: FieldOutputs[] = [];
vi.mock('./view/field-view', () => ({
  createFieldView: () => ({
    renderer: null,
    maxCount: 100,
    count: 100,
    contextLost: false,
    setCount: () => undefined,
    resize: () => undefined,
    render: (s: FieldOutputs) => renders.push(s),
    dispose: () => undefined,
  }),
}));
const { createParticleRunner, YIELD_MAX_MS } = await import('./runner');

/** A manual rAF: `tick()` runs the callbacks queued so far, one frame 16 ms after the last. */
function fakeRaf() {
  let queue: FrameRequestCallback[] = [];
  let now = 0;
  return {
    raf: (cb: FrameRequestCallback) => (queue.push(cb), queue.length),
    caf: () => void (queue = []),
    tick(n = 1) {
      for (let i = 0; i < n; i++) {
        const run = queue;
        queue = [];
        now += 16;
        run.forEach((cb) => cb(now));
      }
    },
    get pending() {
      return queue.length;
    },
  };
}

const runner = (reducedMotion: boolean, clock = fakeRaf()) => ({
  clock,
  r: createParticleRunner({ canvas: {} as HTMLCanvasElement, reducedMotion, raf: clock.raf, caf: clock.caf }),
});

describe('particle runner and reduced motion', () => {
  it('animates every frame normally', () => {
    const { clock, r } = runner(false);
    clock.tick(10);
    expect(r.running).toBe(true);
    expect(r.frames).toBe(10);
  });
  it('stills the field with reduced motion: one picture, no loop, redrawn only for a mode or size change', () => {
    const { clock, r } = runner(true);
    expect(r.running).toBe(false);
    expect(clock.pending).toBe(0);
    expect(r.frames).toBe(1);
    clock.tick(10);
    expect(r.frames).toBe(1);
    r.setMode('speaking');
    r.resize(300, 100);
    expect(r.frames).toBe(3);
    expect(r.running).toBe(false);
    // The still picture shows the settled mode, not a half-way blend.
    expect(r.state.out.modeWeights[3]).toBeGreaterThan(0.95);
  });
  it('follows the preference changing while open', () => {
    const { clock, r } = runner(false);
    clock.tick(3);
    r.setReducedMotion(true);
    const frames = r.frames;
    clock.tick(10);
    expect(r.running).toBe(false);
    expect(r.frames).toBe(frames);
    r.setReducedMotion(false);
    clock.tick(5);
    expect(r.running).toBe(true);
    expect(r.frames).toBe(frames + 5);
  });
  it('draws nothing while hidden, even still', () => {
    const { r } = runner(true);
    r.setVisible(false);
    r.setMode('listening');
    expect(r.frames).toBe(1);
  });
});

describe('particle runner yielding to a connect', () => {
  it('draws no frame while yielding and picks up again when released', () => {
    const { clock, r } = runner(false);
    clock.tick(2);
    r.setYielding(true);
    clock.tick(10);
    expect(r.running).toBe(false);
    expect(r.frames).toBe(2);
    r.setYielding(false);
    clock.tick(3);
    expect(r.frames).toBe(5);
  });
  it('lets go by itself after YIELD_MAX_MS, so a slow connect never looks frozen', () => {
    vi.useFakeTimers();
    try {
      const { clock, r } = runner(false);
      r.setYielding(true);
      vi.advanceTimersByTime(YIELD_MAX_MS - 1);
      clock.tick(2);
      expect(r.frames).toBe(0);
      vi.advanceTimersByTime(1);
      clock.tick(2);
      expect(r.frames).toBe(2);
      r.setVisible(false); // hidden still wins over the end of a yield
      r.setYielding(true);
      vi.advanceTimersByTime(YIELD_MAX_MS);
      expect(r.running).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
