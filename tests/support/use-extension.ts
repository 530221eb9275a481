/** One stack (stand-in, token service, practice pages) and one browser with the extension per test file. */
import { after, before } from 'node:test';
import { launch, type Browser, type LaunchOptions } from './browser';
import { startStack, type Stack } from './stack';

/** `ready` runs once both are up (node:test does not order a file's own `before` after this one). */
export function useExtension(
  opts: LaunchOptions & { stackEnv?: Record<string, string> },
  ready: (env: { stack: Stack; b: Browser }) => void | Promise<void>,
): void {
  const env = {} as { stack: Stack; b: Browser };
  before(async () => {
    env.stack = await startStack(opts.stackEnv);
    env.b = await launch(env.stack, opts);
    await ready(env);
  });
  after(async () => {
    await env.b?.close();
    await env.stack?.stop();
  });
}
