/** The particle ShaderMaterial factory: GLSL from files, uniforms named `uX`, additive blending, no depth writes. */
import { AdditiveBlending, ShaderMaterial, Vector3, Vector4 } from 'three';
import vertexShader from './shaders/particles.vert.glsl?raw';
import fragmentShader from './shaders/particles.frag.glsl?raw';

export interface ParticleUniforms {
  [name: string]: { value: unknown };
  uTime: { value: number };
  uLevel: { value: number };
  uBurst: { value: number };
  uMotion: { value: number };
  uMode: { value: Vector4 };
  uSize: { value: number };
  uPixelRatio: { value: number };
  uColorA: { value: Vector3 };
  uColorB: { value: Vector3 };
}

export function createParticleMaterial(): ShaderMaterial & { uniforms: ParticleUniforms } {
  const uniforms: ParticleUniforms = {
    uTime: { value: 0 },
    uLevel: { value: 0 },
    uBurst: { value: 0 },
    uMotion: { value: 1 },
    uMode: { value: new Vector4(1, 0, 0, 0) },
    uSize: { value: 9 },
    uPixelRatio: { value: 1 },
    uColorA: { value: new Vector3(0.3, 0.7, 0.8) },
    uColorB: { value: new Vector3(0.3, 0.5, 0.9) },
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
