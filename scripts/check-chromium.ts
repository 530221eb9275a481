// Fail early, with the fix, when no Chromium is installed for the browser tests.
import fs from 'node:fs';

const chromium = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
  console.error(
    `No Chromium at ${chromium}. The browser tests need one:\n` +
      `  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  elsewhere: set CHROME_PATH to a Chromium or Chrome for Testing binary (branded Chrome ignores --load-extension).`,
  );
  process.exit(1);
}
if (!fs.existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('No built extension in .output/chrome-mv3: run `npm run build` first.');
  process.exit(1);
}
