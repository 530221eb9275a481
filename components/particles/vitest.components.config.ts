// Component tests of the particle field and status bar (happy-dom + @vue/test-utils). The root vitest.config.ts has no
// Vue plugin, so these `*.spec.ts` files run with this config:
//   npx vitest run -c components/particles/vitest.components.config.ts
// TODO [2026-12-01]: once vitest.config.ts adds `vue()` from @vitejs/plugin-vue, rename them to *.test.ts and drop this.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  plugins: [WxtVitest(), vue()],
  test: {
    include: ['components/particles/**/*.spec.ts', 'components/status/**/*.spec.ts'],
    environment: 'happy-dom',
    testTimeout: 20_000,
  },
});
