import { describe, expect, it } from 'vitest';
import { createFieldGeometry } from './field-view';
import { createParticleMaterial } from './material';
import vertex from './shaders/particles.vert.glsl?raw';

describe('particle geometry', () => {
  it('allocates the max once; any prefix (draw range) is a uniform sample of the ball', () => {
    const g = createFieldGeometry(10_000, 7);
    const pos = g.getAttribute('position');
    expect(pos.count).toBe(10_000);
    expect(g.getAttribute('aSeed').count).toBe(10_000);
    let maxR = 0;
    const prefix = 1_000;
    let mean = 0;
    for (let i = 0; i < pos.count; i++) {
      const r = Math.hypot(pos.getX(i), pos.getY(i), pos.getZ(i));
      maxR = Math.max(maxR, r);
      if (i < prefix) mean += pos.getY(i) / prefix;
    }
    expect(maxR).toBeLessThanOrEqual(1.0001);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(g.boundingSphere?.radius).toBeGreaterThan(1);
  });

  it('is deterministic per seed', () => {
    const a = createFieldGeometry(100, 3).getAttribute('position').array;
    const b = createFieldGeometry(100, 3).getAttribute('position').array;
    const c = createFieldGeometry(100, 4).getAttribute('position').array;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });
});

describe('particle material', () => {
  it('declares every uniform the shader reads, per-frame ones as Float32Arrays', () => {
    const m = createParticleMaterial();
    for (const name of Object.keys(m.uniforms)) expect(vertex).toMatch(new RegExp(`uniform \\w+ ${name};`));
    for (const name of ['uParams', 'uMode', 'uColorA', 'uColorB']) {
      expect(m.uniforms[name]!.value).toBeInstanceOf(Float32Array);
    }
    expect(m.depthWrite).toBe(false);
    m.dispose();
  });
});
