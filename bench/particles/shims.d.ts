// The bench pages are outside the project tsconfig (which excludes bench/): declare SFC modules for ad-hoc tsc.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
