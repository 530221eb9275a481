/**
 * The HTTP surface of api.openai.com that the extension uses (docs/realtime-protocol.md#minting-a-key, docs/realtime-protocol.md#starting-a-call): minting client secrets,
 * the SDP exchange, hangup; CORS for extension pages; OpenAI's error envelope everywhere; the control API mounted below.
 */
import { Hono, type Context } from 'hono';
import { cors } from 'hono/cors';
import { createCall } from './call.ts';
import { controlApi } from './control.ts';
import { apiError, errors, redactKey, type ApiError } from './errors.ts';
import { randomId } from './ids.ts';
import { modelList } from './models.ts';
import { applySessionPatch, defaultSession, type EffectiveSession } from './session-config.ts';
import type { EmulatorStore } from './store.ts';
import { validateClientSecretBody, validateSession } from './validate.ts';

type Status = 400 | 401 | 403 | 404 | 409 | 429 | 500 | 502 | 503;

function fail(c: Context, status: number, error: ApiError): Response {
  return c.json({ error }, status as Status);
}

function bearer(c: Context): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return m?.[1];
}

export function createApp(store: EmulatorStore): Hono {
  const app = new Hono();
  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: [
        'Authorization',
        'Content-Type',
        'OpenAI-Safety-Identifier',
        'OpenAI-Beta',
        'OpenAI-Organization',
        'OpenAI-Project',
      ],
      exposeHeaders: ['Location'],
      maxAge: 600,
    }),
  );

  // The retired beta: its routes and its `OpenAI-Beta: realtime=v1` header are refused as the GA service does (§3).
  app.use('/v1/*', async (c, next) => {
    if (/realtime/i.test(c.req.header('openai-beta') ?? '')) return fail(c, 400, errors.betaShape());
    await next();
  });
  app.post('/v1/realtime/sessions', (c) => fail(c, 400, errors.betaShape()));
  app.post('/v1/realtime', (c) => fail(c, 400, errors.betaShape()));

  // The token service checks its key here at startup: a server key lists the models, anything else is 401.
  app.get('/v1/models', (c) => {
    const key = bearer(c);
    if (!key) return fail(c, 401, errors.missingApiKey());
    if (!store.isServerKey(key)) return fail(c, 401, errors.invalidApiKey(key));
    return c.json(modelList());
  });
  app.get('/v1/models/:id', (c) => {
    const key = bearer(c);
    if (!key) return fail(c, 401, errors.missingApiKey());
    if (!store.isServerKey(key)) return fail(c, 401, errors.invalidApiKey(key));
    const model = modelList().data.find((m) => m.id === c.req.param('id'));
    return model ? c.json(model) : fail(c, 404, errors.modelNotFound(c.req.param('id')));
  });

  app.post('/v1/realtime/client_secrets', async (c) => {
    const key = bearer(c);
    if (!key) return fail(c, 401, errors.missingApiKey());
    if (!store.isServerKey(key)) return fail(c, 401, errors.invalidApiKey(key));
    let body: unknown;
    const text = await c.req.text();
    if (text.trim()) {
      try {
        body = JSON.parse(text);
      } catch {
        return fail(c, 400, errors.invalidJson());
      }
    }
    const checked = validateClientSecretBody(body);
    if ('error' in checked) return fail(c, 400, checked.error);
    const session = checked.session ? applySessionPatch(defaultSession(), checked.session) : defaultSession();
    const value = randomId('ek', 32);
    const expiresAt = Date.now() + checked.ttlSeconds * 1000;
    store.keys.set(value, { value, session, expiresAt, used: false });
    store.keysMinted++;
    return c.json({ value, expires_at: Math.floor(expiresAt / 1000), session });
  });

  app.post('/v1/realtime/calls', async (c) => {
    const { faults } = store;
    if (faults.sdpDelayMs) await new Promise((r) => setTimeout(r, faults.sdpDelayMs));
    if (faults.sdpStatus) {
      const status = faults.sdpStatus;
      faults.sdpStatus = undefined;
      if (status === 401) return fail(c, 401, errors.invalidApiKey(bearer(c) ?? ''));
      if (status === 429)
        return fail(
          c,
          429,
          apiError('Rate limit reached for requests. Please try again in 1s.', 'rate_limit_exceeded', null, 'requests'),
        );
      if (status >= 500)
        return fail(
          c,
          status,
          apiError(
            'The server had an error while processing your request. Sorry about that!',
            null,
            null,
            'server_error',
          ),
        );
      return fail(c, status, apiError(`Injected failure (HTTP ${status}).`, null));
    }
    const url = new URL(c.req.url);
    if (url.searchParams.has('model') && !store.options.acceptModelQuery)
      return fail(c, 400, errors.unknownParameter('model'));
    const key = bearer(c);
    if (!key) return fail(c, 401, errors.missingApiKey());
    const contentType = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();

    let session: EffectiveSession;
    let offer: string;
    if (contentType === 'multipart/form-data') {
      if (!store.isServerKey(key)) return fail(c, 401, errors.invalidApiKey(key));
      const form = await c.req.parseBody();
      offer = typeof form.sdp === 'string' ? form.sdp : form.sdp instanceof File ? await form.sdp.text() : '';
      const rawSession =
        typeof form.session === 'string'
          ? form.session
          : form.session instanceof File
            ? await form.session.text()
            : undefined;
      session = defaultSession();
      if (rawSession !== undefined) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(rawSession);
        } catch {
          return fail(c, 400, errors.invalidJson());
        }
        const err = validateSession(parsed);
        if (err) return fail(c, 400, err);
        session = applySessionPatch(session, parsed as Record<string, unknown>);
      }
    } else if (contentType === 'application/sdp') {
      offer = await c.req.text();
      if (store.isServerKey(key)) {
        session = defaultSession();
      } else {
        const minted = store.keys.get(key);
        if (!minted) return fail(c, 401, errors.invalidApiKey(key));
        if (store.faults.useNextKey) {
          store.faults.useNextKey = undefined;
          minted.used = true;
        }
        if (minted.used && store.options.singleUseKeys) return fail(c, 401, errors.tokenUsed());
        if (Date.now() > minted.expiresAt) return fail(c, 401, errors.tokenExpired());
        session = structuredClone(minted.session);
        session.id = randomId('sess');
        if (!minted.used) store.keysUsed++;
        minted.used = true;
      }
    } else {
      return fail(c, 400, errors.unsupportedContentType(contentType || '(none)'));
    }
    if (!/^v=0/m.test(offer) || !/^m=/m.test(offer))
      return fail(c, 400, errors.invalidSdp('expected an SDP offer with at least one m= section.'));
    try {
      const { id, answer } = await createCall(store, session, offer, redactKey(key));
      return c.body(answer, 201, { 'Content-Type': 'application/sdp', Location: `/v1/realtime/calls/${id}` });
    } catch (err) {
      return fail(c, 400, errors.invalidSdp((err as Error).message));
    }
  });

  app.post('/v1/realtime/calls/:id/hangup', (c) => {
    const key = bearer(c);
    if (!key) return fail(c, 401, errors.missingApiKey());
    if (!store.isServerKey(key) && !store.keys.has(key)) return fail(c, 401, errors.invalidApiKey(key));
    const call = store.live.get(c.req.param('id'));
    if (!call) return fail(c, 404, errors.callNotFound(c.req.param('id')));
    call.hangup();
    return c.body(null, 200);
  });

  app.route('/__emulator', controlApi(store));
  app.notFound((c) => fail(c, 404, errors.notFound(c.req.method, new URL(c.req.url).pathname)));
  app.onError((err, c) => {
    store.log(`internal error: ${err.message}`);
    return fail(
      c,
      500,
      apiError('The server had an error while processing your request. Sorry about that!', null, null, 'server_error'),
    );
  });
  return app;
}
