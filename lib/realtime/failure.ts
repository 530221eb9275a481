/** A failure as the user sees it: what happened and what to do. */
export interface EngineError {
  /** Stable machine code, e.g. `token_unauthorized`, `mic_denied`, `session_expired`. */
  code: string;
  /** What happened, in words a marketer understands. */
  message: string;
  /** What to do about it. */
  fix?: string;
}

/** How the engine should react to a failed connection step. */
export type Recovery = 'none' | 'fresh-key' | 'backoff';

/** A connection step failed; carries what to tell the user and whether to retry. */
export class EngineFailure extends Error {
  constructor(
    readonly engineError: EngineError,
    readonly recovery: Recovery,
    /** Wait at least this long before retrying (e.g. a token-service Retry-After). */
    readonly retryAfterMs = 0,
  ) {
    super(engineError.message);
    this.name = 'EngineFailure';
  }
}
