/**
 * Turns protocol failures into what a marketer can act on: in-session `error` events (docs/realtime-protocol.md#errors-we-handle),
 * token-service failures and SDP (`POST /v1/realtime/calls`) failures. Every message says what happened and what to do.
 */
import { asRecord, str } from '@/lib/conversation/items';
import type { EngineError } from './failure';

export interface ServerErrorVerdict {
  benign: boolean;
  reconnect: boolean;
  engineError?: EngineError;
}

const BUG_FIX =
  'This is a bug in the extension, not something you did. The conversation can continue; please report the message above.';

export function classifyServerError(
  error: { code?: string | null; type?: string; message?: string },
  ctx: { recentlyCancelled: boolean },
): ServerErrorVerdict {
  const code = error.code ?? undefined;
  const detail = error.message?.trim() || 'no details given';
  switch (code) {
    case 'input_audio_buffer_commit_empty': // a quick tap on the talk key
    case 'conversation_already_has_active_response': // the response gate queues and retries
      return { benign: true, reconnect: false };
    case 'response_cancel_not_active':
      if (ctx.recentlyCancelled) return { benign: true, reconnect: false }; // the reply had just finished: a harmless race
      return {
        benign: false,
        reconnect: false,
        engineError: {
          code,
          message: 'The instructor tried to stop a reply that had already finished.',
          fix: 'Nothing to do; keep talking.',
        },
      };
    case 'session_expired':
      return {
        benign: false,
        reconnect: true,
        engineError: {
          code,
          message: 'The voice session reached its 60-minute limit.',
          fix: 'Reconnecting with a fresh session; the conversation so far is carried over.',
        },
      };
    case 'cannot_update_voice':
      return {
        benign: false,
        reconnect: false,
        engineError: {
          code,
          message: "The voice can't change in the middle of a conversation.",
          fix: 'Disconnect and connect again to hear the new voice.',
        },
      };
    case 'beta_api_shape_disabled':
      return {
        benign: false,
        reconnect: false,
        engineError: {
          code,
          message: 'The extension talked to OpenAI in a retired (beta) format.',
          fix: 'Update the extension to the latest version.',
        },
      };
    case 'unsupported_content_type':
      return {
        benign: false,
        reconnect: false,
        engineError: { code, message: `The instructor could not cut a reply short: ${detail}`, fix: BUG_FIX },
      };
  }
  if (error.type === 'server_error') {
    return {
      benign: false,
      reconnect: false,
      engineError: {
        code: code ?? 'server_error',
        message: 'OpenAI had a temporary problem answering.',
        fix: 'Ask again. If it keeps happening, disconnect and connect again.',
      },
    };
  }
  return {
    benign: false,
    reconnect: false,
    engineError: {
      code: code ?? 'realtime_error',
      message: `The voice service refused a request: ${detail}`,
      fix: BUG_FIX,
    },
  };
}

/** Reads `{error:"code"}`, `{error:{code|type,message}}`, `{code,message}`, `{reason}` and plain text bodies. */
function readBody(body: unknown): { code?: string; message?: string; retryAfter?: number } {
  if (typeof body === 'string') {
    try {
      return readBody(JSON.parse(body));
    } catch {
      return { message: body.trim().slice(0, 200) || undefined };
    }
  }
  const record = asRecord(body);
  if (!record) return {};
  const nested = asRecord(record.error);
  const code = str(nested?.code) ?? str(record.reason) ?? str(record.code) ?? str(record.error) ?? str(nested?.type);
  const message = str(nested?.message) ?? str(record.message);
  const retry = [record.retry_after, record.retryAfter, nested?.retry_after]
    .map(Number)
    .find((n) => Number.isFinite(n) && n > 0);
  return { code, message, retryAfter: retry === undefined ? undefined : Math.ceil(retry) };
}

const KEY_FIX = 'Open the extension settings and paste the access key from your administrator into "Access key".';

const OPERATOR = 'Tell the administrator who runs your token service';

/** Failures the token service reports by code (token-service/README.md "Errors"), each with what to do about it. */
const SERVICE_CODES: Record<string, Omit<EngineError, 'code'>> = {
  upstream_auth: {
    message: "OpenAI refused the token service's own API key, so no session can start. Nothing is wrong on your side.",
    fix: `${OPERATOR}: its OPENAI_API_KEY is invalid or revoked and must be replaced.`,
  },
  upstream_rate_limited: {
    message: 'OpenAI is rate limiting the token service.',
    fix: 'Wait a minute, then connect again. If it keeps happening, tell your administrator (OpenAI usage limits).',
  },
  upstream_timeout: {
    message: 'OpenAI did not answer the token service in time.',
    fix: 'Connect again in a moment; check status.openai.com if it persists.',
  },
  upstream_error: {
    message: 'OpenAI could not create a session for the token service.',
    fix: 'Wait a minute and connect again. If it persists, check the service logs and status.openai.com.',
  },
  rate_limit_unavailable: {
    message: 'The token service cannot reach its rate-limit store, so it refuses new sessions.',
    fix: `${OPERATOR}: its Redis (REDIS_URL) is down.`,
  },
  not_ready: { message: 'The token service is starting or not ready.', fix: 'Wait a few seconds and connect again.' },
  too_many_auth_failures: {
    message: 'Too many attempts with a wrong access key came from this machine.',
    fix: `Wait a minute, then check the access key in settings. ${KEY_FIX}`,
  },
};

export function describeTokenFailure(status: number | 'network', body: unknown, url: string): EngineError {
  const { code, message, retryAfter } = readBody(body);
  if (status === 'network') {
    return {
      code: 'token_unreachable',
      message: `Can't reach the token service at ${url}.`,
      fix: 'Check the token service URL in settings and that the service is running (for local practice: npm start).',
    };
  }
  if (status === 403 && code === 'origin_not_allowed') {
    return {
      code: 'token_origin_not_allowed',
      message: 'The token service does not accept requests from this extension.',
      fix: "Add this extension's origin (chrome-extension://<id>) to ALLOWED_ORIGINS on the token service and restart it.",
    };
  }
  // The service names its own failure: show the fix for that, not a generic "wait a minute".
  const known = code ? SERVICE_CODES[code] : undefined;
  if (known) return { code: `token_${code}`, ...known };
  if (status === 401 || status === 403) {
    return {
      code: 'token_unauthorized',
      message: 'The token service rejected the access key (it is missing, wrong or revoked).',
      fix: KEY_FIX,
    };
  }
  if (status === 429) {
    const wait = retryAfter ? `try again in ${retryAfter} s` : 'try again in a moment';
    return {
      code: 'token_rate_limited',
      message: `Rate limited: ${wait}.`,
      fix: 'Too many sessions were started recently. Wait, then connect again.',
    };
  }
  if (status === 400) {
    return {
      code: 'token_bad_request',
      message: `The token service refused the request (${code ?? message ?? 'no reason given'}).`,
      fix: 'Check the language and voice in settings; if they look right, report this reason code.',
    };
  }
  if (status >= 500) {
    const upstream = status === 502 || status === 503 || status === 504;
    return {
      code: 'token_upstream',
      message: upstream
        ? `The token service could not get a session from OpenAI (HTTP ${status}).`
        : `The token service failed (HTTP ${status}${code ? `, ${code}` : ''}).`,
      fix: 'Wait a minute and connect again. If it persists, check the service logs and status.openai.com.',
    };
  }
  return {
    code: 'token_failed',
    message: `The token service answered HTTP ${status}${code || message ? ` (${code ?? message})` : ''}.`,
    fix: 'Check the token service URL in settings.',
  };
}

export function describeSdpFailure(status: number, body: unknown): EngineError {
  const { code, message } = readBody(body);
  const detail = message ?? code;
  if (status === 401) {
    return {
      code: 'sdp_unauthorized',
      message: 'The session key expired or was already used before the call was set up.',
      fix: 'Connect again; a fresh key is fetched automatically.',
    };
  }
  if (status === 429) {
    return {
      code: 'sdp_rate_limited',
      message: `OpenAI is rate limiting new voice sessions${detail ? `: ${detail}` : ''}.`,
      fix: 'Wait a minute, then connect again.',
    };
  }
  if (status >= 500) {
    return {
      code: 'sdp_upstream',
      message: `OpenAI could not start the voice call (HTTP ${status}).`,
      fix: 'Wait a moment and connect again; check status.openai.com if it persists.',
    };
  }
  return {
    code: 'sdp_rejected',
    message: `OpenAI refused the voice call (HTTP ${status})${detail ? `: ${detail}` : ''}.`,
    fix: 'Reconnect. If it repeats, report this message: the session settings may be out of date.',
  };
}
