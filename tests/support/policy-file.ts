/**
 * Admin policy for the browser tests: Chromium on Linux reads JSON files in /etc/chromium/policies/managed/ (root
 * needed), extension policy under "3rdparty" → "extensions" → id. Each test file writes its own file and removes it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PINNED_EXTENSION_ID } from '../../lib/extension-id';

const ROOT_DIR = '/etc/chromium/policies';
const POLICY_DIR = path.join(ROOT_DIR, 'managed');

export interface PolicyFile {
  write(values: Record<string, unknown>): void;
  /** Removes the file (and the folders, when this test created them). Safe to call twice. */
  remove(): void;
}

export function policyFile(name: string): PolicyFile {
  const file = path.join(POLICY_DIR, `${name}.json`);
  const createdRoot = !fs.existsSync(ROOT_DIR);
  return {
    write(values) {
      fs.mkdirSync(POLICY_DIR, { recursive: true });
      const tmp = `${file}.tmp`;
      fs.writeFileSync(tmp, JSON.stringify({ '3rdparty': { extensions: { [PINNED_EXTENSION_ID]: values } } }, null, 2));
      fs.renameSync(tmp, file); // whole file at once: Chromium never reads half of it
    },
    remove() {
      fs.rmSync(file, { force: true });
      fs.rmSync(`${file}.tmp`, { force: true });
      if (createdRoot) fs.rmSync(ROOT_DIR, { recursive: true, force: true });
    },
  };
}
