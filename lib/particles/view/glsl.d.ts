// GLSL sources are imported as strings (`./shaders/x.glsl?raw`); vite/client declares `*?raw`, this pins `*.glsl?raw`.
declare module '*.glsl?raw' {
  const source: string;
  export default source;
}
