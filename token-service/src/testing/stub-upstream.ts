/**
 * A tiny stand-in for `POST /v1/realtime/client_secrets`, used by the tests and the benchmark (never the emulator).
 * `behaviour` is mutable so one stub can play every failure.
 */
import { Hono } from 'hono';

export type StubBehaviour =
  | 'ok'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'server_error'
  | 'malformed_json'
  | 'wrong_shape'
  | 'echo_key'
  | 'hang'
  | 'bad_request'
  /** 200 with an endless body streamed in 16 KiB chunks (counted in `bytesPulled`). */
  | 'huge_body'
  /** 200 that declares a 200 MB Content-Length up front. */
  | 'huge_declared';

/** What `GET /v1/models` does (the start-up key check); `missing` is a stand-in without the route. */
export type ModelsBehaviour = 'ok' | 'missing' | 'forbidden' | 'server_error';

export interface StubUpstream {
  app: Hono;
  behaviour: StubBehaviour;
  /** Bodies of the requests received, parsed. */
  received: unknown[];
  /** Authorization headers received. */
  authorizations: string[];
  /** While set, every request waits for it before answering (for in-flight tests). */
  gate: Promise<void> | undefined;
  /** Fields that replace those of the `ok` answer (`session` is merged), to play malformed answers. */
  override: Record<string, unknown> | undefined;
  models: ModelsBehaviour;
  /** `GET /v1/models` requests received. */
  modelChecks: number;
  /** Bytes of a `huge_*` body the client actually pulled. */
  bytesPulled: number;
  /** Routes `fetch` calls to the stub in-process, honouring the abort signal like a real fetch. */
  fetch: typeof fetch;
}

export function createStubUpstream(apiKey: string, opts: { record?: boolean } = {}): StubUpstream {
  const record = opts.record ?? true;
  let n = 0;
  const stub: StubUpstream = {
    app: new Hono(),
    behaviour: 'ok',
    gate: undefined,
    override: undefined,
    models: 'ok',
    modelChecks: 0,
    bytesPulled: 0,
    received: [],
    authorizations: [],
    fetch: (input, init) =>
      new Promise<Response>((resolve, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        if (signal?.aborted) return reject(new DOMException('The operation was aborted.', 'AbortError'));
        signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
        const req = input instanceof Request ? input : new Request(input, init);
        Promise.resolve(stub.app.fetch(req)).then(resolve, reject);
      }),
  };
  const openaiError = (message: string, type: string, code: string | null) => ({
    error: { message, type, param: null, code },
  });

  const endless = (declaredLength?: number) => {
    const chunk = new TextEncoder().encode(`{"value":"ek_${'x'.repeat(16 * 1024 - 12)}`);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        stub.bytesPulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (declaredLength) headers['Content-Length'] = String(declaredLength);
    return new Response(body, { status: 200, headers });
  };

  stub.app.get('/v1/models', (c) => {
    stub.modelChecks++;
    if (c.req.header('authorization') !== `Bearer ${apiKey}`) {
      return c.json(openaiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'), 401);
    }
    switch (stub.models) {
      case 'missing':
        return c.json(openaiError('Invalid URL (GET /v1/models)', 'invalid_request_error', null), 404);
      case 'forbidden':
        return c.json(openaiError('Missing scopes: api.model.read', 'invalid_request_error', null), 403);
      case 'server_error':
        return c.json(openaiError('internal failure', 'server_error', null), 500);
      case 'ok':
        return c.json({ object: 'list', data: [{ id: 'gpt-realtime', object: 'model', owned_by: 'system' }] });
    }
  });

  stub.app.post('/v1/realtime/client_secrets', async (c) => {
    const auth = c.req.header('authorization') ?? '';
    const body = await c.req.json().catch(() => undefined);
    if (record) {
      stub.received.push(body);
      stub.authorizations.push(auth);
    }
    if (auth !== `Bearer ${apiKey}`) {
      return c.json(
        openaiError(`Incorrect API key provided: ${auth.slice(7)}.`, 'invalid_request_error', 'invalid_api_key'),
        401,
      );
    }
    if (stub.gate) await stub.gate;
    const model = (body as { session?: { model?: string } } | undefined)?.session?.model ?? 'gpt-realtime';
    switch (stub.behaviour) {
      case 'unauthorized':
        return c.json(
          openaiError(
            `Incorrect API key provided: ${apiKey}. You can find your API key at …`,
            'invalid_request_error',
            'invalid_api_key',
          ),
          401,
        );
      case 'forbidden':
        return c.json(
          openaiError(`Project for key ${apiKey} has no access`, 'invalid_request_error', 'model_not_found'),
          403,
        );
      case 'rate_limited':
        return c.json(openaiError(`Rate limit reached for ${apiKey}`, 'requests', 'rate_limit_exceeded'), 429, {
          'Retry-After': '7',
        });
      case 'server_error':
        return c.json(openaiError(`internal failure; key=${apiKey}`, 'server_error', null), 500);
      case 'bad_request':
        return c.json(
          openaiError(`Unknown parameter: 'session.x' (key ${apiKey})`, 'invalid_request_error', 'unknown_parameter'),
          400,
        );
      case 'malformed_json':
        return c.body(`{"value":"ek_${apiKey}", "expires_at": `, 200, { 'Content-Type': 'application/json' });
      case 'wrong_shape':
        return c.json({ client_secret: { value: 'ek_old_beta_shape' } });
      case 'echo_key':
        return c.json({ value: apiKey, expires_at: Math.floor(Date.now() / 1000) + 60, session: { model } });
      case 'hang':
        await new Promise(() => {});
        return c.body(null);
      case 'huge_body':
        return endless();
      case 'huge_declared':
        return endless(200 * 1024 * 1024);
      case 'ok': {
        n++;
        const ttl = (body as { expires_after?: { seconds?: number } } | undefined)?.expires_after?.seconds ?? 600;
        const answer: Record<string, unknown> = {
          value: `ek_stub${n.toString(36)}${Math.random().toString(36).slice(2, 10)}`,
          expires_at: Math.floor(Date.now() / 1000) + ttl,
          session: { type: 'realtime', object: 'realtime.session', id: `sess_${n}`, model },
        };
        const { session, ...rest } = stub.override ?? {};
        Object.assign(answer, rest);
        if (stub.override && 'session' in stub.override) {
          answer.session =
            session && typeof session === 'object' ? { ...(answer.session as object), ...session } : session;
        }
        return c.json(answer);
      }
    }
  });
  return stub;
}
