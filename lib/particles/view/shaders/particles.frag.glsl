// Soft round sprite; premultiplied output for additive blending.
varying vec3 vColor;
varying float vAlpha;

void main() {
  vec2 c = gl_PointCoord - 0.5;
  float d = dot(c, c);
  if (d > 0.25) discard;
  float a = (1.0 - d * 4.0) * vAlpha;
  gl_FragColor = vec4(vColor * a, a);
}
