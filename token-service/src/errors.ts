import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './types';

/** Every refusal has the same shape: `{ error: { code, message } }`. The code is recorded for logs and metrics. */
export function fail(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  headers?: Record<string, string>,
): Response {
  c.set('failure', code);
  // Choke point for error messages: whatever a message quotes, the API key never leaves.
  const apiKey = c.get('config')?.openaiApiKey;
  if (apiKey) message = message.split(apiKey).join('[redacted]');
  c.header('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers ?? {})) c.header(k, v);
  return c.json({ error: { code, message } }, status);
}
