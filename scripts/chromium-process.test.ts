import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChromium } from './chromium-process';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-chromium-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A stand-in for the Chromium binary: a shell script. */
function fakeChromium(name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

const run = (binary: string, args: string[] = [], earlyExitMs?: number) =>
  new Promise<{ message: string; exitCode: number }>((resolve) =>
    runChromium(binary, args, { root: false, onExit: resolve, earlyExitMs }),
  );

describe('runChromium', () => {
  // Regression: as root, Chromium refused to start; npm start hid its output and exited 0 three seconds later.
  it('explains an early exit with the last lines Chromium wrote to stderr, exit code 1', async () => {
    const bin = fakeChromium(
      'refuses',
      `echo "[1:1:ERROR:zygote_host_impl_linux.cc(101)] Running as root without --no-sandbox is not supported." >&2\nexit 1`,
    );
    const report = await run(bin);
    expect(report.exitCode).toBe(1);
    expect(report.message).toMatch(/^Chromium exited with code 1 after \d\.\d s — stopping the services\./);
    expect(report.message).toContain('Running as root without --no-sandbox is not supported.');
  });
  it('passes the arguments through', async () => {
    const bin = fakeChromium('echoes', `echo "args: $*" >&2\nexit 3`);
    expect((await run(bin, ['--no-sandbox', 'https://example.test/'])).message).toContain(
      'args: --no-sandbox https://example.test/',
    );
  });
  it('says "Chromium closed" and exits 0 when it ran past the early window and closed normally', async () => {
    const bin = fakeChromium('closes', 'sleep 0.3\nexit 0');
    expect(await run(bin, [], 100)).toEqual({ message: 'Chromium closed — stopping the services.', exitCode: 0 });
  });
  it('reports a binary that cannot be started', async () => {
    const report = await run(path.join(dir, 'missing-chromium'));
    expect(report.exitCode).toBe(1);
    expect(report.message).toMatch(/Could not start Chromium at .*missing-chromium: .*ENOENT/);
  });
});
