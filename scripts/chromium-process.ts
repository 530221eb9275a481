/**
 * Run Chromium for `npm start` and report how it ended: its stderr is kept (the tail only) and turned into a
 * message by chromiumExitReport once it exits — never ignored, so an early exit is explained instead of silent.
 */
import { spawn } from 'node:child_process';
import { EARLY_EXIT_MS, chromiumExitReport, lastLines } from './start-plan';

export interface ChromiumRun {
  /** Stop Chromium (when npm start itself stops); no report follows. */
  stop(): void;
}

export interface ChromiumRunOptions {
  root: boolean;
  /** Called once when Chromium is gone (or could not be started), with what to print and the exit code. */
  onExit(report: { message: string; exitCode: number }): void;
  /** For tests: how long counts as "exited early". */
  earlyExitMs?: number;
}

export function runChromium(
  binary: string,
  args: string[],
  { root, onExit, earlyExitMs = EARLY_EXIT_MS }: ChromiumRunOptions,
): ChromiumRun {
  const launchedAt = Date.now();
  const chrome = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let done = false;
  const finish = (report: { message: string; exitCode: number }) => {
    if (done) return;
    done = true;
    onExit(report);
  };
  chrome.stderr!.on('data', (d: Buffer) => {
    stderr = lastLines(stderr + d.toString(), 200).join('\n') + '\n'; // Chromium is chatty: keep the tail
  });
  chrome.on('error', (error) =>
    finish({ message: `Could not start Chromium at ${binary}: ${error.message}`, exitCode: 1 }),
  );
  chrome.on('close', (code, signal) => {
    // 'close' (not 'exit'): stderr is fully read by then
    finish(chromiumExitReport({ code, signal, ranMs: Date.now() - launchedAt, stderr }, { root, earlyExitMs }));
  });
  return {
    stop() {
      done = true;
      if (chrome.exitCode === null && chrome.signalCode === null) chrome.kill('SIGTERM');
    },
  };
}
