// gpt-realtime-2 session fields (reasoning, truncation), the accepted models, and GET /v1/models, over the HTTP app.
import { describe, expect, it } from 'vitest';
import { createApp, createStore } from './index.ts';
import { isReasoningModel } from './models.ts';
import { validateSession } from './validate.ts';

function setup(apiKeys?: string[]) {
  const app = createApp(createStore({ log: false, apiKeys }));
  const mint = (session: unknown) =>
    app.request('/v1/realtime/client_secrets', {
      method: 'POST',
      headers: { Authorization: 'Bearer sk-test', 'Content-Type': 'application/json' },
      body: JSON.stringify({ session }),
    });
  return { app, mint };
}

describe('gpt-realtime-2 session fields', () => {
  it('reasoning.effort and retention-ratio truncation are accepted for gpt-realtime-2 models and echoed', async () => {
    const { mint } = setup();
    for (const model of ['gpt-realtime-2', 'gpt-realtime-2.1-mini']) {
      const truncation = { type: 'retention_ratio', retention_ratio: 0.8, token_limits: { post_instructions: 8000 } };
      const res = await mint({ type: 'realtime', model, reasoning: { effort: 'low' }, truncation });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { session: Record<string, unknown> };
      expect(body.session).toMatchObject({ model, reasoning: { effort: 'low' }, truncation });
    }
  });

  it('reasoning on a non-reasoning model → 400 unsupported_parameter in the real envelope', async () => {
    const { mint } = setup();
    for (const model of ['gpt-realtime', 'gpt-realtime-mini', undefined]) {
      const res = await mint({ type: 'realtime', model, reasoning: { effort: 'low' } });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: {
          message: "Unsupported parameter: 'session.reasoning' is not supported with this model.",
          type: 'invalid_request_error',
          param: 'session.reasoning',
          code: 'unsupported_parameter',
        },
      });
    }
  });

  it('truncation accepts "auto", "disabled" and retention_ratio; refuses bad shapes', async () => {
    const { mint } = setup();
    for (const truncation of ['auto', 'disabled', { type: 'retention_ratio', retention_ratio: 0.5 }]) {
      expect((await mint({ type: 'realtime', model: 'gpt-realtime-mini', truncation })).status).toBe(200);
    }
    const cases: [unknown, string, string][] = [
      ['sometimes', 'invalid_value', 'session.truncation'],
      [{ type: 'retention_ratio' }, 'missing_required_parameter', 'session.truncation.retention_ratio'],
      [{ type: 'retention_ratio', retention_ratio: 1.5 }, 'integer_out_of_range', 'session.truncation.retention_ratio'],
      [
        { type: 'retention_ratio', retention_ratio: 0.8, token_limits: { total: 5 } },
        'unknown_parameter',
        'session.truncation.token_limits.total',
      ],
      [{ type: 'last_n', retention_ratio: 0.8 }, 'invalid_value', 'session.truncation.type'],
    ];
    for (const [truncation, code, param] of cases) {
      const res = await mint({ type: 'realtime', truncation });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code, param, type: 'invalid_request_error' } });
    }
  });

  it('models: the four families and dated snapshots are accepted; unknown models are invalid_value', async () => {
    const { mint } = setup();
    for (const model of [
      'gpt-realtime',
      'gpt-realtime-mini',
      'gpt-realtime-2',
      'gpt-realtime-2.1-mini',
      'gpt-realtime-mini-2025-12-15',
      'gpt-realtime-2-2026-05-07',
    ]) {
      expect((await mint({ type: 'realtime', model })).status, model).toBe(200);
    }
    const res = await mint({ type: 'realtime', model: 'gpt-realtime-3' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_value', param: 'session.model' } });
    expect(isReasoningModel('gpt-realtime-2.1')).toBe(true);
    expect(isReasoningModel('gpt-realtime-mini')).toBe(false);
  });

  it('session.update: reasoning follows the session model unless the update changes it', () => {
    expect(
      validateSession({ type: 'realtime', reasoning: { effort: 'high' } }, 'session', 'gpt-realtime-2'),
    ).toBeNull();
    expect(
      validateSession({ type: 'realtime', reasoning: { effort: 'high' } }, 'session', 'gpt-realtime'),
    ).toMatchObject({ code: 'unsupported_parameter' });
    expect(
      validateSession({ type: 'realtime', parallel_tool_calls: true }, 'session', 'gpt-realtime-mini'),
    ).toMatchObject({ code: 'unsupported_parameter', param: 'session.parallel_tool_calls' });
    expect(
      validateSession({ type: 'realtime', reasoning: { effort: 'huge' } }, 'session', 'gpt-realtime-2'),
    ).toMatchObject({ code: 'invalid_value', param: 'session.reasoning.effort' });
  });
});

describe('GET /v1/models', () => {
  it('lists the realtime models for a server key', async () => {
    const { app } = setup(['sk-good']);
    const res = await app.request('/v1/models', { headers: { Authorization: 'Bearer sk-good' } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { object: string; data: { id: string; object: string; owned_by: string }[] };
    expect(body.object).toBe('list');
    expect(body.data.map((m) => m.id)).toEqual(
      expect.arrayContaining(['gpt-realtime', 'gpt-realtime-mini', 'gpt-realtime-2', 'gpt-realtime-2.1-mini']),
    );
    expect(body.data.every((m) => m.object === 'model')).toBe(true);
    const one = await app.request('/v1/models/gpt-realtime-2', { headers: { Authorization: 'Bearer sk-good' } });
    expect(await one.json()).toMatchObject({ id: 'gpt-realtime-2', object: 'model' });
  });

  it('401 invalid_api_key for a missing, wrong or ephemeral key', async () => {
    const { app } = setup(['sk-good']);
    const none = await app.request('/v1/models');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({
      error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null },
    });
    for (const key of ['sk-wrong-key-0123456789', 'ek_abcdefabcdefabcdef']) {
      const res = await app.request('/v1/models', { headers: { Authorization: `Bearer ${key}` } });
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: { message: string; code: string } };
      expect(body.error.code).toBe('invalid_api_key');
      expect(body.error.message).toMatch(/^Incorrect API key provided: .*\*\*\*/);
      expect(body.error.message).not.toContain(key);
    }
  });
});
