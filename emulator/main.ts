/** CLI: `npm run emulator`. EMULATOR_PORT (default 8788), EMULATOR_HOST (default 127.0.0.1). */
import { startEmulator } from './index.ts';

const port = Number(process.env.EMULATOR_PORT ?? 8788);
const host = process.env.EMULATOR_HOST ?? '127.0.0.1';

const emulator = await startEmulator({ port, host });
process.stdout.write(`Realtime stand-in listening on ${emulator.url}\n`);

// A long-running practice server should survive a bug in one call's timers; log it and carry on.
process.on('uncaughtException', (err) => process.stderr.write(`[emulator] uncaught: ${err.stack ?? String(err)}\n`));

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await emulator.close({ final: true }); // includes ndc.cleanup()
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
