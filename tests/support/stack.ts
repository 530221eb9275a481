/** The servers a browser test needs: the Realtime stand-in, the token service pointed at it, the practice SFMC pages. */
import { PINNED_EXTENSION_ORIGIN } from '../../lib/extension-id';
import { startSfmcServer } from '../../scripts/sfmc-server';
import { freePort, startService, type Service } from '../../scripts/processes';

export const ACCESS_KEY = 'e2e-access-key-0123456789';

export interface Stack {
  emulator: Service;
  tokens: Service;
  sfmc: Awaited<ReturnType<typeof startSfmcServer>>;
  /** Control API of the stand-in (scripts, faults, what it received). */
  control<T = unknown>(path: string, body?: unknown): Promise<T>;
  stop(): Promise<void>;
}

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const emulatorPort = await freePort();
  const emulator = await startService(
    'Realtime stand-in',
    'emulator/main.ts',
    { EMULATOR_PORT: String(emulatorPort) },
    emulatorPort,
    '/__emulator/health',
  );
  const tokenPort = await freePort();
  const tokens = await startService(
    'token service',
    'token-service/src/server.ts',
    {
      PORT: String(tokenPort),
      HOST: '127.0.0.1',
      OPENAI_API_KEY: 'sk-e2e-practice-key-0123456789',
      OPENAI_BASE_URL: `${emulator.url}/v1`,
      TOKEN_SERVICE_ACCESS_KEYS: ACCESS_KEY,
      ALLOWED_ORIGINS: PINNED_EXTENSION_ORIGIN,
      RATE_LIMIT_PER_MINUTE: '600',
      ...env,
    },
    tokenPort,
    '/health',
  );
  const sfmc = await startSfmcServer({ port: 0 });
  return {
    emulator,
    tokens,
    sfmc,
    async control<T>(path: string, body?: unknown): Promise<T> {
      const res = await fetch(
        `${emulator.url}/__emulator/${path}`,
        body === undefined
          ? {}
          : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      );
      if (!res.ok) throw new Error(`stand-in control ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async stop() {
      await Promise.allSettled([emulator.stop(), tokens.stop(), sfmc.close()]);
    },
  };
}
