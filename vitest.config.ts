import { defineConfig } from 'vitest/config';
import vue from '@vitejs/plugin-vue';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest(), vue()],
  test: {
    include: ['**/*.test.ts'],
    // tests/package checks the store zip: `npm run test:package` builds it first (tests/package/vitest.config.ts)
    exclude: ['node_modules/**', '.output/**', 'tests/e2e/**', 'tests/package/**'],
    testTimeout: 20_000,
    // chrome.i18n answers from locales/en.json (tests/support/fake-i18n.ts switches locale per test).
    setupFiles: ['tests/support/i18n-setup.ts'],
    // Emulator and token-service tests start real servers and a WebRTC stack: keep files serial on 2 cores.
    fileParallelism: false,
  },
});
