/**
 * The particle ShaderMaterial factory: GLSL from files, uniforms named `uX`, additive blending, no depth writes.
 * Per-frame uniforms hold Float32Arrays (three uploads them with uniform*fv): writing numbers into them allocates
 * nothing, whereas number-valued uniforms are boxed on their way into WebGL every frame.
 */
import { AdditiveBlending, ShaderMaterial } from 'three';
import vertexShader from './shaders/particles.vert.glsl?raw';
import fragmentShader from './shaders/particles.frag.glsl?raw';

export interface ParticleUniforms {
  [name: string]: { value: unknown };
  /** time, level, burst, motion (see the vertex shader). */
  uParams: { value: Float32Array };
  /** Mode weights: idle, listening, thinking, speaking. */
  uMode: { value: Float32Array };
  uSize: { value: number };
  uPixelRatio: { value: number };
  uColorA: { value: Float32Array };
  uColorB: { value: Float32Array };
}

export function createParticleMaterial(): ShaderMaterial & { uniforms: ParticleUniforms } {
  const uniforms: ParticleUniforms = {
    uParams: { value: new Float32Array([0, 0, 0, 1]) },
    uMode: { value: new Float32Array([1, 0, 0, 0]) },
    uSize: { value: 9 },
    uPixelRatio: { value: 1 },
    uColorA: { value: new Float32Array([0.3, 0.7, 0.8]) },
    uColorB: { value: new Float32Array([0.3, 0.5, 0.9]) },
  };
  return new ShaderMaterial({
    uniforms,
    vertexShader,
    fragmentShader,
    transparent: true,
    depthWrite: false,
    depthTest: false,
    blending: AdditiveBlending,
  }) as ShaderMaterial & { uniforms: ParticleUniforms };
}
