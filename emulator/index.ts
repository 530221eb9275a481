/**
 * Public entry: `startEmulator()` starts the Realtime stand-in on loopback and returns its URL and a `close()`.
 * Env: EMULATOR_API_KEYS (comma list of accepted server keys; unset = any `sk-…`), EMULATOR_ACCEPT_MODEL_QUERY=1.
 */
import { serve, type ServerType } from '@hono/node-server';
import ndc from 'node-datachannel';
import type { ReferenceSearch } from './practice.ts';
import { loadReference } from './reference.ts';
import { createApp } from './server.ts';
import { EmulatorStore } from './store.ts';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Ephemeral keys start one call only (default true, as observed live). */
  singleUseKeys?: boolean;
  /** Accept `?model=` on /v1/realtime/calls (default false: GA rejects it). */
  acceptModelQuery?: boolean;
  /** Accepted server keys; default from EMULATOR_API_KEYS, else any key starting `sk-`. */
  apiKeys?: string[];
  /** One stderr line per call setup/close (default true). */
  log?: boolean;
  /** The search practice answers use; default lib/reference/search.ts's getReferenceIndex(). */
  reference?: ReferenceSearch;
}

export interface RunningEmulator {
  url: string;
  port: number;
  store: EmulatorStore;
  /**
   * Hangs up live calls and stops the HTTP server. `{ final: true }` also runs `ndc.cleanup()`, without which a
   * process that had any WebRTC call never exits; after it, no peer can be created in this process again.
   */
  close(opts?: { final?: boolean }): Promise<void>;
}

/** `ndc.cleanup()` guarded: call once at process end if you used `close()` without `final`. */
export function shutdownWebRtc(): void {
  try {
    ndc.cleanup();
  } catch (err) {
    process.stderr.write(`[emulator] cleanup: ${(err as Error).message}\n`);
  }
}

export { createApp } from './server.ts';
export { EmulatorStore } from './store.ts';

export function createStore(opts: EmulatorOptions = {}): EmulatorStore {
  const envKeys = process.env.EMULATOR_API_KEYS?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  return new EmulatorStore({
    singleUseKeys: opts.singleUseKeys ?? true,
    acceptModelQuery: opts.acceptModelQuery ?? process.env.EMULATOR_ACCEPT_MODEL_QUERY === '1',
    apiKeys: opts.apiKeys ?? (envKeys?.length ? envKeys : null),
    log: opts.log ?? true,
  });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  const store = createStore(opts);
  store.reference = opts.reference ?? (await loadReference((line) => store.log(line)));
  const app = createApp(store);
  const host = opts.host ?? '127.0.0.1';
  return new Promise<RunningEmulator>((resolve, reject) => {
    let server: ServerType;
    try {
      server = serve({ fetch: app.fetch, port: opts.port ?? 8788, hostname: host }, (info) => {
        resolve({
          url: `http://${host}:${info.port}`,
          port: info.port,
          store,
          close: (closeOpts) =>
            new Promise<void>((done) => {
              for (const call of [...store.live.values()]) call.hangup();
              server.close(() => {
                if (closeOpts?.final) shutdownWebRtc();
                done();
              });
              (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            }),
        });
      });
      server.on('error', reject);
    } catch (err) {
      reject(err as Error);
    }
  });
}
