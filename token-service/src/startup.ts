/**
 * What the Node entry says about its configuration and the OpenAI key when it starts: pure, so the wording is tested
 * without a process. Messages name variables, never values.
 */
import type { Config } from './env';
import type { KeyCheckResult } from './upstream/key-check';

export interface StartupNote {
  level: 'info' | 'warn';
  msg: string;
  fields?: Record<string, unknown>;
}

/** Configuration that starts but will not work as the operator probably expects. */
export function configWarnings(config: Config): StartupNote[] {
  const notes: StartupNote[] = [];
  if (config.allowedOrigins.length === 0) {
    notes.push({
      level: 'warn',
      msg:
        "ALLOWED_ORIGINS is empty: the extension's requests will fail CORS (browsers see no Access-Control-Allow-Origin). " +
        'Set it to chrome-extension://<extension id>.',
    });
  }
  return notes;
}

/** The start-up key check's verdict, worded for the operator. */
export function keyCheckNote(result: KeyCheckResult, baseUrl: string): StartupNote {
  const fields = { upstream: baseUrl, ...result.detail };
  switch (result.state) {
    case 'accepted':
      return { level: 'info', msg: 'OpenAI accepted OPENAI_API_KEY', fields };
    case 'refused':
      return {
        level: 'warn',
        msg:
          'OpenAI refused OPENAI_API_KEY (HTTP 401): every /api/token request will fail with upstream_auth and /ready ' +
          'answers 503 until the key is replaced. Check the key and its project.',
        fields,
      };
    case 'unknown':
      return {
        level: 'warn',
        msg:
          `Could not check OPENAI_API_KEY at start-up (GET ${baseUrl}/models did not say yes or no; a 403 means the key ` +
          'may not list models, a 404 an upstream without that route). The first mint will tell.',
        fields,
      };
  }
}
