/**
 * Mint one ephemeral key per connection attempt from the token service (keys are single-use in practice:
 * docs/realtime-protocol.md#minting-a-key). The token service also tells us where to POST the SDP (`realtime_url`), so switching
 * between the stand-in and the real API is one server variable.
 */
import { describeTokenFailure } from './errors';
import { tokenServiceUrlProblem } from '@/lib/endpoint-policy';
import type { Settings } from '@/lib/settings';
import type { TokenRequest, TokenResponse } from '@/contract/session';
import { EngineFailure } from './failure';

export type MintedToken = TokenResponse;

export async function mintToken(settings: Settings, signal: AbortSignal): Promise<MintedToken> {
  const refused = tokenServiceUrlProblem(settings.tokenServiceUrl);
  // The access key is never sent in clear text to another machine.
  if (refused)
    throw new EngineFailure(
      { code: 'token_url_insecure', message: refused, fix: 'Fix the token service URL in Settings.' },
      'none',
    );
  const url = `${settings.tokenServiceUrl.replace(/\/+$/, '')}/api/token`;
  // Signed in with the organisation (lib/sso): the ID token identifies the user; otherwise the shared access key.
  const bearer = settings.idToken || settings.accessKey;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      signal,
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({
        voice: settings.voice,
        language: settings.language,
        mode: settings.mode,
      } satisfies TokenRequest),
    });
  } catch (error) {
    if (signal.aborted) throw error;
    // A failed fetch is either "nothing answers" or "it answered, but the browser's CORS check refused the reply"
    // (the service does not list this extension in ALLOWED_ORIGINS). A no-cors probe tells the two apart.
    const reachable = await probeReachable(settings.tokenServiceUrl, signal);
    const failure = reachable
      ? describeTokenFailure(403, { error: { code: 'origin_not_allowed' } }, settings.tokenServiceUrl)
      : describeTokenFailure('network', null, settings.tokenServiceUrl);
    throw new EngineFailure(failure, 'none');
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const retryAfter = Number(res.headers.get('retry-after'));
    const recovery = res.status >= 500 ? 'backoff' : 'none';
    // The organisation's sign-in (lib/sso) is the credential: say to sign in, not to paste an access key.
    if (res.status === 401 && settings.policy?.oidc && (settings.idToken || !settings.accessKey))
      throw new EngineFailure(signInNeeded(Boolean(settings.idToken)), 'none');
    throw new EngineFailure(
      describeTokenFailure(res.status, body, settings.tokenServiceUrl),
      recovery,
      Number.isFinite(retryAfter) ? retryAfter * 1000 : 0,
    );
  }
  const token = body as Partial<MintedToken> | null;
  if (!token || typeof token.value !== 'string' || typeof token.realtime_url !== 'string') {
    throw new EngineFailure(
      {
        code: 'token_malformed',
        message: 'The token service answered without a key or a Realtime URL.',
        fix: 'Check that the token service URL in settings points at the SFMC Voice Instructor token service.',
      },
      'none',
    );
  }
  return token as MintedToken;
}

export function signInNeeded(hadToken: boolean): { code: string; message: string; fix: string } {
  return {
    code: 'token_sign_in',
    message: hadToken
      ? 'The token service did not accept your organization sign-in.'
      : 'Sign in with your organization to connect.',
    fix: 'Open Settings and choose "Sign in with your organization".',
  };
}

/** True when something answers HTTP at the token service's address (an opaque no-cors response counts). */
export async function probeReachable(baseUrl: string, signal: AbortSignal): Promise<boolean> {
  try {
    await fetch(`${baseUrl.replace(/\/+$/, '')}/health`, {
      mode: 'no-cors',
      cache: 'no-store',
      signal: AbortSignal.any([signal, AbortSignal.timeout(2_000)]),
    });
    return true;
  } catch {
    return false;
  }
}
