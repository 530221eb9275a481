import { Hono } from 'hono';
import { z } from 'zod';
import type OpenAI from 'openai';
import type { AppEnv } from '../types';
import { fail } from '../errors';
import { MODES, VOICES, buildClientSecretParams } from '../session/config';
import type { TokenRequest as TokenRequestContract, TokenResponse } from '../../../contract/session';
import { languageName } from '../session/instructions';
import { mintClientSecret, UpstreamFailure } from '../upstream/mint';
import type { UpstreamKeyStatus } from '../upstream/key-check';

const FIELD_CODES: Record<string, string> = {
  voice: 'invalid_voice',
  language: 'invalid_language',
  mode: 'invalid_mode',
};

export const TokenRequest = z
  .object({
    voice: z.enum(VOICES, { error: `voice must be one of: ${VOICES.join(', ')}` }),
    language: z
      .string({ error: 'language must be a string: an ISO-639-1 code such as "en" or "de"' })
      .regex(
        /^[A-Za-z]{2}(?:[-_][A-Za-z0-9]{2,8})*$/,
        'language must be an ISO-639-1 code such as "en" or "de" (a region such as "en-GB" is allowed)',
      ),
    mode: z.enum(MODES, { error: `mode must be one of: ${MODES.join(', ')}` }),
  })
  .strict();

// The schema accepts exactly the contract's request (a drift fails the typecheck).
type Parsed =
  | { ok: true; value: z.infer<typeof TokenRequest> & TokenRequestContract }
  | { ok: false; code: string; message: string };

export function parseTokenRequest(body: unknown): Parsed {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      code: 'invalid_body',
      message: 'The body must be a JSON object with voice, language and mode.',
    };
  }
  const r = TokenRequest.safeParse(body);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0];
  if (issue?.code === 'unrecognized_keys') {
    // Only identifier-shaped names are quoted back; anything else could be a pasted secret.
    const named = issue.keys.filter((k) => /^[A-Za-z_][A-Za-z0-9_]{0,30}$/.test(k)).slice(0, 5);
    const others = issue.keys.length - named.length;
    const list = [...named.map((k) => `"${k}"`), ...(others ? [`${others} other field(s)`] : [])].join(', ');
    return { ok: false, code: 'unknown_field', message: `Unknown field(s): ${list}. Allowed: voice, language, mode.` };
  }
  const field = String(issue?.path[0] ?? '');
  const present = Object.prototype.hasOwnProperty.call(body, field);
  return {
    ok: false,
    code: FIELD_CODES[field] ?? 'invalid_body',
    message: present ? (issue?.message ?? 'Invalid body.') : `${field} is required.`,
  };
}

/** `POST /api/token`: validate the choice, mint a key with the server's session config, return only what the client needs. */
export function tokenRoute(deps: { client: OpenAI; keyStatus?: UpstreamKeyStatus }) {
  return new Hono<AppEnv>().post('/', async (c) => {
    const config = c.get('config');
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type.trim())) {
      return fail(c, 415, 'unsupported_media_type', 'Send the body as Content-Type: application/json.');
    }
    const text = await c.req.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail(c, 400, 'invalid_json', 'The body is not valid JSON.');
    }
    const parsed = parseTokenRequest(body);
    if (!parsed.ok) return fail(c, 400, parsed.code, parsed.message);
    const language = parsed.value.language.slice(0, 2).toLowerCase();
    const label = languageName(language);
    if (!label) return fail(c, 400, 'invalid_language', `language "${language}" is not a known ISO-639-1 code.`);

    const params = buildClientSecretParams(
      { voice: parsed.value.voice, language, languageLabel: label, mode: parsed.value.mode },
      {
        model: config.realtimeModel,
        ttlSeconds: config.tokenTtlSeconds,
        reasoningEffort: config.reasoningEffort,
        truncation: config.truncation,
      },
    );
    const metrics = c.get('metrics');
    const started = performance.now();
    try {
      const minted = await mintClientSecret(deps.client, params, config.openaiApiKey);
      metrics.upstreamLatency((performance.now() - started) / 1000);
      metrics.tokenMinted();
      deps.keyStatus?.observe('accepted');
      c.header('Cache-Control', 'no-store');
      c.header('Pragma', 'no-cache');
      return c.json({
        value: minted.value,
        expires_at: minted.expires_at,
        model: minted.model,
        voice: parsed.value.voice,
        language,
        realtime_url: `${config.openaiBaseUrl}/realtime/calls`,
      } satisfies TokenResponse);
    } catch (e) {
      const f = e instanceof UpstreamFailure ? e : undefined;
      metrics.upstreamLatency((performance.now() - started) / 1000);
      if (!f) throw e;
      if (f.code === 'upstream_auth') deps.keyStatus?.observe('refused', f.detail);
      c.get('log').warn('upstream failure', { reason: f.code, ...f.detail });
      const headers: Record<string, string> = f.retryAfterSeconds ? { 'Retry-After': String(f.retryAfterSeconds) } : {};
      return fail(c, f.status, f.code, f.message, headers);
    }
  });
}
