// Particle field vertex shader: every particle's motion is a function of its seed and a handful of uniforms.
// Four mode poses (idle, listening, thinking, speaking) are computed and blended by uMode (weights sum to 1).
// Per-frame scalars are packed in one vec4 whose value is a Float32Array: three then uploads it with uniform4fv,
// which passes no boxed numbers to WebGL (no per-frame allocation).
uniform vec4 uParams; // x: time (s), y: level 0..1, z: onset burst 0..1, w: motion amplitude
#define uTime uParams.x
#define uLevel uParams.y
#define uBurst uParams.z
#define uMotion uParams.w
uniform vec4 uMode; // weights of idle, listening, thinking, speaking
uniform float uSize;
uniform float uPixelRatio;
uniform vec3 uColorA;
uniform vec3 uColorB;

attribute vec4 aSeed; // x: random 0..1, y: phase 0..2pi, z: size factor, w: colour mix 0..1

varying vec3 vColor;
varying float vAlpha;

vec3 rotateY(vec3 p, float a) {
  float c = cos(a);
  float s = sin(a);
  return vec3(c * p.x + s * p.z, p.y, -s * p.x + c * p.z);
}

void main() {
  float t = uTime;
  float r = length(position);
  vec3 dir = position / max(r, 1e-4);
  float m = uMotion;

  // Idle: a slow breathing shell with a gentle drift.
  vec3 drift = vec3(sin(t * 0.31 + aSeed.y), cos(t * 0.27 + aSeed.y * 1.3), sin(t * 0.23 + aSeed.y * 0.7));
  vec3 pIdle = position * (1.0 + 0.04 * m * sin(t * 0.6 + aSeed.y)) + drift * 0.03 * m;

  // Listening: the field gathers inward; rings run toward the centre, their height follows the user's level.
  float ripple = sin(r * 11.0 + t * 5.0 + aSeed.y * 0.2) * (0.02 + 0.12 * uLevel) * m;
  vec3 pListen = dir * (r * (0.78 + 0.1 * uLevel) + ripple);

  // Thinking: a swirl around the vertical axis, inner shells faster, with a slow vertical wave.
  vec3 pThink = rotateY(position * 0.86, t * (0.35 + 0.5 * (1.0 - r)) * m + aSeed.x * 0.2);
  pThink.y += 0.05 * m * sin(t * 1.3 + r * 6.0);

  // Speaking: the field blooms outward with the assistant's level and ripples outward.
  float wave = sin(r * 8.0 - t * 4.0 + aSeed.y * 0.2) * 0.1 * uLevel * m;
  vec3 pSpeak = dir * (r * (1.0 + 0.3 * uLevel) + wave);

  vec3 p = uMode.x * pIdle + uMode.y * pListen + uMode.z * pThink + uMode.w * pSpeak;
  // Onset bursts push a random share of the particles outward.
  p += dir * uBurst * 0.3 * aSeed.x * m;

  vec4 mv = modelViewMatrix * vec4(p, 1.0);
  gl_Position = projectionMatrix * mv;
  gl_PointSize = uSize * aSeed.z * uPixelRatio * (1.0 + 0.5 * uLevel + uBurst * 0.5) / -mv.z;

  float glow = 0.45 + 0.4 * uLevel + 0.3 * uBurst;
  vColor = mix(uColorA, uColorB, aSeed.w) * glow;
  vAlpha = 0.35 + 0.45 * aSeed.x;
}
