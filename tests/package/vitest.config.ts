// `npm run test:package`: checks the store zip that `npm run zip` has just written (kept out of `npm run test:unit`,
// which must not depend on a build).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    root: new URL('../..', import.meta.url).pathname,
  },
});
