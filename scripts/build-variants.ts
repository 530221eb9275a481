/**
 * The three builds of the extension and where each one goes, shared by wxt.config.ts, `npm start`, the browser tests
 * and the store-package test, so that one build can never be mistaken for another:
 *
 * - product (`npm run build`): no test hooks, the pinned key, `.output/chrome-mv3` — what `npm start` loads;
 * - test (`npm run build:test`, `WXT_TEST_HOOKS=1`): the read-only test hooks, the pinned key,
 *   `.output/test/chrome-mv3`, plus a marker file the browser tests look for;
 * - store (`npm run zip`, `STORE_BUILD=1`): no hooks, no key, `.output/store/chrome-mv3`, zipped into `.output/`.
 */
import fs from 'node:fs';
import path from 'node:path';

export type BuildVariant = 'product' | 'test' | 'store';

/** Output folder of each variant, relative to the repository root (WXT's `outDir` is `.output`). */
export const BUILD_DIRS: Record<BuildVariant, string> = {
  product: '.output/chrome-mv3',
  test: '.output/test/chrome-mv3',
  store: '.output/store/chrome-mv3',
};

/** Written into the test build only (wxt.config.ts, `build:publicAssets`); e2e refuses a folder without it. */
export const TEST_BUILD_MARKER = 'test-build.json';

/** Which build the environment asks for. Test hooks in a store build would ship them: refused. */
export function buildVariant(env: Record<string, string | undefined>): BuildVariant {
  const hooks = env.WXT_TEST_HOOKS === '1';
  const store = Boolean(env.STORE_BUILD);
  if (hooks && store)
    throw new Error('STORE_BUILD and WXT_TEST_HOOKS=1 together would ship the test hooks: build one or the other.');
  return store ? 'store' : hooks ? 'test' : 'product';
}

const PREFIX: Record<BuildVariant, string> = { product: '', test: 'test/', store: 'store/' };

/**
 * WXT `outDirTemplate` (relative to `.output`) for a variant: WXT's default folder name under the variant's prefix, so
 * a production Chrome build lands in BUILD_DIRS[variant] and `wxt` dev still gets its own `-dev` folder.
 */
export function outDirTemplate(variant: BuildVariant): string {
  return `${PREFIX[variant]}{{browser}}-mv{{manifestVersion}}{{modeSuffix}}`;
}

/**
 * Why `dir` cannot serve the browser tests, as one line with the fix, or null when it is a test build.
 * `exists` is injectable for unit tests.
 */
export function testBuildProblem(dir: string, exists: (file: string) => boolean = fs.existsSync): string | null {
  if (!exists(path.join(dir, 'manifest.json'))) return `No test build in ${dir}: run \`npm run build:test\`.`;
  if (!exists(path.join(dir, TEST_BUILD_MARKER))) {
    return `${dir} is a build without test hooks (no ${TEST_BUILD_MARKER}): run \`npm run build:test\`.`;
  }
  return null;
}
