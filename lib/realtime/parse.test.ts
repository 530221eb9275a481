import { describe, expect, it } from 'vitest';
import { parseServerEvent } from './parse';

describe('parseServerEvent', () => {
  it('returns a typed GA event for a known type', () => {
    const r = parseServerEvent(
      JSON.stringify({ type: 'response.done', event_id: 'e1', response: { id: 'resp_1', status: 'completed' } }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok || !('event' in r)) throw new Error('expected a known event');
    expect(r.event.type).toBe('response.done');
    if (r.event.type === 'response.done') expect(r.event.response.id).toBe('resp_1');
  });

  it('keeps WebRTC-only output_audio_buffer events as known', () => {
    const r = parseServerEvent('{"type":"output_audio_buffer.started","response_id":"resp_1"}');
    expect(r.ok && 'event' in r).toBe(true);
  });

  it('tolerates an event type it does not know (protocol churn)', () => {
    const r = parseServerEvent('{"type":"response.reasoning.delta","delta":"hm"}');
    expect(r).toEqual({ ok: true, unknown: { type: 'response.reasoning.delta', delta: 'hm' } });
  });

  it('treats beta names as unknown, not as GA events', () => {
    const r = parseServerEvent('{"type":"response.audio_transcript.delta","delta":"x"}');
    expect(r.ok && 'unknown' in r).toBe(true);
  });

  it('rejects bad JSON with the raw text', () => {
    const r = parseServerEvent('{"type": "response.done"');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatch(/invalid JSON/);
    expect(r.raw).toBe('{"type": "response.done"');
  });

  it.each([
    ['array', '[1,2]'],
    ['number', '42'],
    ['missing type', '{"event_id":"e"}'],
    ['numeric type', '{"type":5}'],
    ['empty type', '{"type":""}'],
  ])('rejects %s', (_name, raw) => {
    const r = parseServerEvent(raw);
    expect(r.ok).toBe(false);
  });

  it('rejects non-text frames without throwing', () => {
    for (const raw of [new ArrayBuffer(4), null, undefined, 12, { type: 'error' }]) {
      const r = parseServerEvent(raw);
      expect(r.ok).toBe(false);
    }
    const r = parseServerEvent(new ArrayBuffer(2));
    if (!r.ok) expect(r.error).toContain('ArrayBuffer');
  });

  it('clips very long raw text', () => {
    const r = parseServerEvent(`x${'a'.repeat(2000)}`);
    expect(!r.ok && r.raw.length).toBeLessThan(600);
  });
});

describe('parseServerEvent checks the events the engine reads', () => {
  it('reports an error event without an error object as unreadable', () => {
    const r = parseServerEvent(JSON.stringify({ type: 'error', event_id: 'e1' }));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('malformed error: error') });
  });

  it('reports a response.done whose output is not a list as unreadable', () => {
    const r = parseServerEvent(JSON.stringify({ type: 'response.done', response: { id: 'resp_1', output: 'oops' } }));
    expect(r).toMatchObject({ ok: false, error: expect.stringContaining('response.output') });
  });

  it('accepts an error with a null code and extra fields', () => {
    const r = parseServerEvent(
      JSON.stringify({
        type: 'error',
        error: { type: 'invalid_request_error', code: null, message: 'x', param: null, extra: 1 },
      }),
    );
    expect(r.ok && 'event' in r && r.event.type).toBe('error');
  });

  it('reports a session.created with a numeric model as unreadable', () => {
    const r = parseServerEvent(JSON.stringify({ type: 'session.created', session: { model: 42 } }));
    expect(r.ok).toBe(false);
  });
});
