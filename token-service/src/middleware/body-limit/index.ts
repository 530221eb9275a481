import type { MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../types';
import { fail } from '../../errors';

/**
 * Refuses bodies over `maxBytes` with 413 `body_too_large`, by Content-Length or, for chunked bodies, while the body is
 * read (the route reads it through this wrapper, so the streaming check cannot be bypassed).
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: (c) => fail(c, 413, 'body_too_large', `The request body must be at most ${maxBytes} bytes.`),
  });
}
