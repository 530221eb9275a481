/**
 * Mint one ephemeral key per connection attempt from the token service (keys are single-use in practice:
 * realtime-protocol.md §1). The token service also tells us where to POST the SDP (`realtime_url`), so switching
 * between the stand-in and the real API is one server variable.
 */
import { describeTokenFailure } from '@/lib/conversation/errors';
import { tokenServiceUrlProblem } from '@/lib/endpoint-policy';
import type { Settings } from '@/lib/settings';
import { EngineFailure } from './failure';

export interface MintedToken {
  value: string;
  expires_at: number;
  model: string;
  voice: string;
  language: string;
  realtime_url: string;
}

export async function mintToken(settings: Settings, signal: AbortSignal): Promise<MintedToken> {
  const refused = tokenServiceUrlProblem(settings.tokenServiceUrl);
  // The access key is never sent in clear text to another machine.
  if (refused) throw new EngineFailure({ code: 'token_url_insecure', message: refused, fix: 'Fix the token service URL in Settings.' }, 'none');
  const url = `${settings.tokenServiceUrl.replace(/\/+$/, '')}/api/token`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', ...(settings.accessKey ? { authorization: `Bearer ${settings.accessKey}` } : {}) },
      body: JSON.stringify({ voice: settings.voice, language: settings.language, mode: settings.mode }),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new EngineFailure(describeTokenFailure('network', null, settings.tokenServiceUrl), 'none');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    const recovery = res.status >= 500 ? 'backoff' : 'none';
    throw new EngineFailure(describeTokenFailure(res.status, body, settings.tokenServiceUrl), recovery, Number.isFinite(retryAfter) ? retryAfter * 1000 : 0);
  }
  const token = body as Partial<MintedToken> | null;
  if (!token || typeof token.value !== 'string' || typeof token.realtime_url !== 'string') {
    throw new EngineFailure(
      { code: 'token_malformed', message: 'The token service answered without a key or a Realtime URL.', fix: 'Check that the token service URL in settings points at the SFMC Voice Instructor token service.' },
      'none',
    );
  }
  return token as MintedToken;
}
