import { describe, expect, it } from 'vitest';
import { classifyServerError, describeSdpFailure, describeTokenFailure } from './errors';

const quiet = { recentlyCancelled: false };

describe('classifyServerError', () => {
  it('treats a short-tap commit and a busy conversation as benign', () => {
    expect(
      classifyServerError(
        { code: 'input_audio_buffer_commit_empty', type: 'invalid_request_error', message: 'buffer too small' },
        quiet,
      ),
    ).toEqual({ benign: true, reconnect: false });
    expect(classifyServerError({ code: 'conversation_already_has_active_response' }, quiet).benign).toBe(true);
  });

  it('treats response_cancel_not_active as benign only right after our cancel', () => {
    const err = { code: 'response_cancel_not_active', message: 'Cancellation failed: no active response found' };
    expect(classifyServerError(err, { recentlyCancelled: true })).toEqual({ benign: true, reconnect: false });
    const stray = classifyServerError(err, quiet);
    expect(stray.benign).toBe(false);
    expect(stray.engineError?.code).toBe('response_cancel_not_active');
  });

  it('asks for a reconnect on session_expired', () => {
    const v = classifyServerError(
      { code: 'session_expired', message: 'Your session hit the maximum duration of 60 minutes.' },
      quiet,
    );
    expect(v.reconnect).toBe(true);
    expect(v.engineError?.message).toContain('60-minute');
  });

  it('gives other errors a readable message with the server detail and a fix', () => {
    const v = classifyServerError(
      {
        code: 'unknown_parameter',
        type: 'invalid_request_error',
        message: "Unknown parameter: 'session.turn_detection'.",
      },
      quiet,
    );
    expect(v).toMatchObject({ benign: false, reconnect: false });
    expect(v.engineError?.message).toContain("'session.turn_detection'");
    expect(v.engineError?.fix).toBeTruthy();
    expect(classifyServerError({ code: 'cannot_update_voice' }, quiet).engineError?.fix).toMatch(/connect again/);
    const server = classifyServerError({ code: null, type: 'server_error', message: 'The server had an error' }, quiet);
    expect(server.engineError).toMatchObject({ code: 'server_error', message: expect.stringContaining('temporary') });
    expect(classifyServerError({}, quiet).engineError?.code).toBe('realtime_error');
  });
});

describe('describeTokenFailure', () => {
  const url = 'http://127.0.0.1:8787';

  it('names the URL when the service cannot be reached', () => {
    const e = describeTokenFailure('network', null, url);
    expect(e.code).toBe('token_unreachable');
    expect(e.message).toBe(`Can't reach the token service at ${url}.`);
    expect(e.fix).toMatch(/running/);
  });

  it('points a bad key to settings, and an origin refusal to ALLOWED_ORIGINS', () => {
    expect(describeTokenFailure(401, { error: 'unauthorized' }, url)).toMatchObject({
      code: 'token_unauthorized',
      fix: expect.stringContaining('settings'),
    });
    expect(describeTokenFailure(403, { error: 'forbidden' }, url).code).toBe('token_unauthorized');
    expect(describeTokenFailure(403, { error: 'origin_not_allowed' }, url)).toMatchObject({
      code: 'token_origin_not_allowed',
      fix: expect.stringContaining('ALLOWED_ORIGINS'),
    });
    expect(describeTokenFailure(403, '{"error":{"code":"origin_not_allowed"}}', url).code).toBe(
      'token_origin_not_allowed',
    );
  });

  it('says how long to wait when rate limited', () => {
    expect(describeTokenFailure(429, { error: 'rate_limited', retry_after: 12 }, url).message).toBe(
      'Rate limited: try again in 12 s.',
    );
    expect(describeTokenFailure(429, null, url).message).toBe('Rate limited: try again in a moment.');
  });

  it('shows the reason code of a 400 and explains upstream trouble', () => {
    expect(describeTokenFailure(400, { error: 'bad_request', reason: 'unsupported_voice' }, url).message).toContain(
      'unsupported_voice',
    );
    const e = describeTokenFailure(502, { error: { code: 'upstream_error', message: 'x' } }, url);
    expect(e).toMatchObject({ code: 'token_upstream_error', message: expect.stringContaining('OpenAI') });
    expect(describeTokenFailure(502, { error: 'bad_gateway' }, url)).toMatchObject({
      code: 'token_upstream',
      message: expect.stringContaining('HTTP 502'),
    });
    expect(describeTokenFailure(500, 'oops', url).message).toContain('HTTP 500');
  });
});

describe('the token service names its failure: the panel shows that fix', () => {
  const url = 'https://tokens.example.com';
  it('a refused OPENAI_API_KEY sends the user to the operator, not to status.openai.com', () => {
    const e = describeTokenFailure(
      502,
      {
        error: { code: 'upstream_auth', message: 'The token service is not authorised by OpenAI; tell its operator.' },
      },
      url,
    );
    expect(e.code).toBe('token_upstream_auth');
    expect(e.fix).toMatch(/administrator.*OPENAI_API_KEY/);
    expect(`${e.message} ${e.fix}`).not.toMatch(/status\.openai\.com|Wait a minute/);
    expect(describeTokenFailure(503, { error: { code: 'upstream_auth' } }, url).code).toBe('token_upstream_auth');
  });

  it('too many failed keys and a down rate-limit store get their own words', () => {
    expect(describeTokenFailure(429, { error: { code: 'too_many_auth_failures' } }, url).fix).toMatch(/access key/);
    expect(describeTokenFailure(503, { error: { code: 'rate_limit_unavailable' } }, url).fix).toMatch(/REDIS_URL/);
  });
});

describe('describeSdpFailure', () => {
  it('explains an expired or used key on 401', () => {
    const e = describeSdpFailure(401, { error: { message: 'Invalid ephemeral key', type: 'invalid_request_error' } });
    expect(e.code).toBe('sdp_unauthorized');
    expect(e.message).toMatch(/expired or was already used/);
  });

  it('reads the OpenAI envelope message', () => {
    const body = JSON.stringify({
      error: { message: "Invalid value: 'pcm16'.", type: 'invalid_request_error', code: 'invalid_value' },
    });
    expect(describeSdpFailure(400, body).message).toContain("Invalid value: 'pcm16'.");
    expect(describeSdpFailure(503, '').code).toBe('sdp_upstream');
  });
});
