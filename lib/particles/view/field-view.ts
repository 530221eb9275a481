/**
 * The particle field's three.js view: one `Points` with the shader material, buffers for `maxCount` particles
 * allocated once. The visible count changes only through `setDrawRange`; per frame `render()` writes uniform numbers
 * and draws — no allocation, no buffer upload.
 *
 * Owns the WebGLRenderer, geometry and material and frees them in `dispose()`. Context loss: three prevents the default
 * and restores its GL state on `webglcontextrestored`; the view reports both through the callbacks so the loop can
 * pause and resume. Throws (from three) when WebGL is unavailable — callers fall back to a level meter.
 */
import {
  BufferAttribute,
  BufferGeometry,
  PerspectiveCamera,
  Points,
  Scene,
  Sphere,
  Vector3,
  WebGLRenderer,
} from 'three';
import type { FieldOutputs } from '../state/field-state';
import { createParticleMaterial } from './material';
import { mulberry32 } from '@/worklets/dsp/random'; // deterministic seeds, so screenshots are reproducible

export interface FieldViewOptions {
  canvas: HTMLCanvasElement;
  /** Particles allocated (the most that can ever be drawn). */
  maxCount: number;
  /** Device pixel ratio used (default `globalThis.devicePixelRatio`), capped by `pixelRatioCap` (default 1.5). */
  pixelRatio?: number;
  pixelRatioCap?: number;
  /** Seed of the deterministic particle layout (same picture for the same seed). */
  seed?: number;
  onContextLost?: () => void;
  onContextRestored?: () => void;
}

export interface FieldView {
  readonly renderer: WebGLRenderer;
  readonly maxCount: number;
  readonly count: number;
  readonly contextLost: boolean;
  setCount(n: number): void;
  /** CSS pixel size of the canvas. */
  resize(width: number, height: number): void;
  render(state: FieldOutputs): void;
  dispose(): void;
}

/** Positions in a unit ball (denser toward a shell) and per-particle seeds; order is random so any prefix is uniform. */
export function createFieldGeometry(maxCount: number, seed = 1): BufferGeometry {
  const rand = mulberry32(seed);
  const positions = new Float32Array(maxCount * 3);
  const seeds = new Float32Array(maxCount * 4);
  for (let i = 0; i < maxCount; i++) {
    const u = rand() * 2 - 1;
    const phi = rand() * Math.PI * 2;
    const s = Math.sqrt(1 - u * u);
    const r = 0.35 + 0.65 * Math.pow(rand(), 0.6);
    positions[i * 3] = r * s * Math.cos(phi);
    positions[i * 3 + 1] = r * u;
    positions[i * 3 + 2] = r * s * Math.sin(phi);
    seeds[i * 4] = rand();
    seeds[i * 4 + 1] = rand() * Math.PI * 2;
    seeds[i * 4 + 2] = 0.5 + rand();
    seeds[i * 4 + 3] = rand();
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(positions, 3));
  geometry.setAttribute('aSeed', new BufferAttribute(seeds, 4));
  // The shader moves points by up to ~0.5; a fixed bound avoids computing one over 100k points.
  geometry.boundingSphere = new Sphere(new Vector3(), 1.6);
  return geometry;
}

export function createFieldView(options: FieldViewOptions): FieldView {
  const { canvas, maxCount } = options;
  const renderer = new WebGLRenderer({ canvas, antialias: false, alpha: true, powerPreference: 'low-power' });
  renderer.setClearColor(0x000000, 0);
  const ratio = Math.min(options.pixelRatio ?? globalThis.devicePixelRatio ?? 1, options.pixelRatioCap ?? 1.5);
  renderer.setPixelRatio(ratio);

  const scene = new Scene();
  const camera = new PerspectiveCamera(40, 1, 0.1, 20);
  camera.position.set(0, 0, 4);
  const geometry = createFieldGeometry(maxCount, options.seed);
  const material = createParticleMaterial();
  material.uniforms.uPixelRatio.value = ratio;
  const points = new Points(geometry, material);
  points.frustumCulled = false;
  scene.add(points);
  // Nothing moves in the scene graph (all motion is in the shader): compute matrices once, then turn the per-render
  // matrix updates off (three skips matrixWorld updates when matrixWorldAutoUpdate is false, so set it last).
  points.updateMatrixWorld(true);
  camera.updateMatrixWorld(true);
  points.matrixAutoUpdate = false;
  camera.matrixAutoUpdate = false;
  camera.matrixWorldAutoUpdate = false;
  scene.matrixWorldAutoUpdate = false;

  let count = maxCount;
  let lost = false;
  let disposed = false;
  const onLost = (): void => {
    lost = true;
    options.onContextLost?.();
  };
  const onRestored = (): void => {
    lost = false;
    options.onContextRestored?.();
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);

  function setCount(n: number): void {
    count = Math.max(0, Math.min(maxCount, Math.floor(n)));
    geometry.setDrawRange(0, count);
    // Keep the field's overall brightness steady: fewer particles are drawn a little larger.
    material.uniforms.uSize.value = 9 * Math.min(1.6, Math.sqrt(64_000 / Math.max(count, 1)));
  }
  setCount(maxCount);

  const u = material.uniforms;
  return {
    renderer,
    maxCount,
    get count() {
      return count;
    },
    get contextLost() {
      return lost;
    },
    setCount,
    resize(width, height) {
      const w = Math.max(1, Math.floor(width));
      const h = Math.max(1, Math.floor(height));
      renderer.setSize(w, h, false);
      camera.aspect = w / h;
      camera.fov = fitFov(w, h, camera.position.z);
      camera.updateProjectionMatrix();
    },
    render(s) {
      if (lost || disposed) return;
      const p = u.uParams.value;
      p[0] = s.time;
      p[1] = s.level;
      p[2] = s.burst;
      p[3] = s.motion;
      u.uMode.value.set(s.modeWeights);
      u.uColorA.value.set(s.colorA);
      u.uColorB.value.set(s.colorB);
      renderer.render(scene, camera);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
      scene.remove(points);
      geometry.dispose();
      material.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
    },
  };
}

/**
 * The field is a unit sphere that blooms to about 1.6 when the instructor speaks loudly (speaking: ×1.3 plus wave and
 * onset burst in particles.vert.glsl). Frame that bound in the canvas's narrower dimension, so the field is never cut
 * at the top and bottom of a wide, short band nor at the sides of a tall, narrow one.
 */
export const FIT_RADIUS = 1.6;

export function fitFov(width: number, height: number, distance: number): number {
  const half = Math.asin(Math.min(0.99, FIT_RADIUS / distance)) * 1.05; // angular radius of the bound, 5 % margin
  const vertical = width >= height ? half : Math.atan(Math.tan(half) * (height / width));
  return (2 * vertical * 180) / Math.PI;
}
