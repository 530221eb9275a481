/**
 * What the extension, the token service and the Realtime stand-in must agree on about a session and its key.
 * Dependency-free on purpose: all three import it (the token service and the stand-in by relative path).
 */

/** Every GA voice of the Realtime models (docs/realtime-protocol.md#voices-and-models). */
export const VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'sage',
  'shimmer',
  'verse',
  'marin',
  'cedar',
] as const;
export type Voice = (typeof VOICES)[number];

/** How the user talks: hold a key, or the server's voice detection. */
export const MODES = ['push-to-talk', 'hands-free'] as const;
export type Mode = (typeof MODES)[number];

/** `POST /api/token` body: exactly these fields (the token service refuses any other). */
export interface TokenRequest {
  voice: Voice;
  /** ISO-639-1, optionally with a region ("en", "pt-BR"). */
  language: string;
  mode: Mode;
}

/** `POST /api/token` answer: one single-use ephemeral key and where to start the call with it. */
export interface TokenResponse {
  value: string;
  /** Unix seconds. */
  expires_at: number;
  model: string;
  voice: string;
  language: string;
  /** `POST` the SDP offer here (the real API or the stand-in: the token service's OPENAI_BASE_URL decides). */
  realtime_url: string;
}

/** A refusal from the token service: a stable code the panel maps to a fix, and a sentence for people. */
export interface TokenErrorBody {
  error: { code: string; message: string };
}
