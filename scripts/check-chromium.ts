// Fail early, with the fix, when no Chromium is installed or the test build is missing (or is a build without hooks).
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_DIRS, testBuildProblem } from './build-variants';
import { ROOT } from './processes';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. The browser tests need one:\n` +
      `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  elsewhere: set CHROME_PATH to a Chromium or Chrome for Testing binary (branded Chrome ignores --load-extension).`,
  );
  process.exit(1);
}
const problem = testBuildProblem(path.join(ROOT, BUILD_DIRS.test));
if (problem) {
  console.error(problem);
  process.exit(1);
}
