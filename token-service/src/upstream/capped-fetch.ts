/**
 * A `fetch` for the upstream call that reads at most `maxBytes` of the response body (issue 10: three 200 MB bodies
 * took the process from 125 MB to 1.64 GB). A body over the cap — declared by Content-Length or found while reading —
 * is cancelled at once and the call fails with `UpstreamTooLarge`; nothing beyond the cap is kept.
 *
 * The body is read inside the fetch call, so the SDK's timeout (which only covers the fetch) also covers a body that
 * trickles in.
 */

/** A valid client_secrets answer echoes the session (instructions, tools…): a few kB. */
export const UPSTREAM_MAX_BYTES = 64 * 1024;

export class UpstreamTooLarge extends Error {
  constructor(readonly limit: number) {
    // No "timeout" wording: the SDK classifies errors from fetch by their text.
    super(`upstream response body over ${limit} bytes`);
    this.name = 'UpstreamTooLarge';
  }
}

const NULL_BODY_STATUS = new Set([101, 204, 205, 304]);

export function cappedFetch(inner: typeof fetch, maxBytes: number = UPSTREAM_MAX_BYTES): typeof fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    const declared = Number(res.headers.get('content-length') ?? '');
    if (Number.isFinite(declared) && declared > maxBytes) {
      await res.body?.cancel().catch(() => {});
      throw new UpstreamTooLarge(maxBytes);
    }
    if (!res.body || NULL_BODY_STATUS.has(res.status)) return res;
    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new UpstreamTooLarge(maxBytes);
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      body.set(c, at);
      at += c.byteLength;
    }
    const headers = new Headers(res.headers);
    // The body is already decoded; the copy must not claim an encoding or a length it no longer has.
    headers.delete('content-encoding');
    headers.delete('content-length');
    return new Response(body, { status: res.status, statusText: res.statusText, headers });
  };
}
