import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_DIRS, TEST_BUILD_MARKER, buildVariant, outDirTemplate, testBuildProblem } from './build-variants';

describe('build variants', () => {
  it('product by default, test with WXT_TEST_HOOKS=1, store with STORE_BUILD', () => {
    expect(buildVariant({})).toBe('product');
    expect(buildVariant({ WXT_TEST_HOOKS: '1' })).toBe('test');
    expect(buildVariant({ WXT_TEST_HOOKS: '0' })).toBe('product');
    expect(buildVariant({ STORE_BUILD: '1' })).toBe('store');
  });
  it('refuses a store build with test hooks', () => {
    expect(() => buildVariant({ STORE_BUILD: '1', WXT_TEST_HOOKS: '1' })).toThrow(/would ship the test hooks/);
  });
  it('puts each variant in its own folder under .output (the product where npm start and the README say)', () => {
    expect(BUILD_DIRS.product).toBe('.output/chrome-mv3');
    expect(new Set(Object.values(BUILD_DIRS)).size).toBe(3);
    // what WXT makes of the template for a production Chrome MV3 build (resolve-config: browser, version, mode suffix)
    const chromeProduction = (t: string) =>
      `.output/${t.replace('{{browser}}', 'chrome').replace('{{manifestVersion}}', '3').replace('{{modeSuffix}}', '')}`;
    for (const v of ['product', 'test', 'store'] as const)
      expect(chromeProduction(outDirTemplate(v))).toBe(BUILD_DIRS[v]);
    expect(outDirTemplate('product')).toContain('{{modeSuffix}}'); // `wxt` dev keeps its own chrome-mv3-dev folder
  });
});

describe('testBuildProblem (what e2e says before it loads a folder)', () => {
  const dir = '/repo/.output/test/chrome-mv3';
  const has =
    (...files: string[]) =>
    (f: string) =>
      files.map((x) => path.join(dir, x)).includes(f);
  it('accepts a test build', () => {
    expect(testBuildProblem(dir, has('manifest.json', TEST_BUILD_MARKER))).toBeNull();
  });
  it('says how to make one when there is no build', () => {
    expect(testBuildProblem(dir, has())).toBe(`No test build in ${dir}: run \`npm run build:test\`.`);
  });
  it('refuses a build without hooks (what `npm start` used to leave behind), in one line with the fix', () => {
    const problem = testBuildProblem(dir, has('manifest.json'));
    expect(problem).toMatch(/build without test hooks.*run `npm run build:test`/);
    expect(problem).not.toContain('\n');
  });
});
