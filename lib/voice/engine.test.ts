// The engine with a fake transport (lib/voice/testing/fakes.ts) and a fake EngineIO: the turn protocol, barge-in,
// recovery, page context, the hold key, and the race fixes that only browser e2e covered before (an aborted connect
// closes its half-open transport; no tool follow-up while the user talks).
import { afterEach, describe, expect, it } from 'vitest';
import type { RealtimeClientEvent } from 'openai/resources/realtime/realtime';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { PageContext } from '@/lib/sfmc/types';
import type { EngineIO } from './engine-io';
import { createVoiceEngine, HOLD_KEY_IDLE_HINT, type VoiceEngine } from './engine';
import { createFakeDeps, failure, until, type FakeDeps } from './testing/fakes';
import type { EngineBroadcast } from './types';

const page = (text: string): PageContext => ({ app: 'Journey Builder', screen: 'Canvas', frames: [], text });

function setup(overrides: Partial<Settings> = {}) {
  const fakes = createFakeDeps();
  let pageContext: PageContext | null = page('[page] Journey Builder › Canvas');
  let holdPageContext: Promise<void> | undefined;
  const published: EngineBroadcast[] = [];
  const io: EngineIO = {
    getSettings: async () => ({ ...DEFAULT_SETTINGS, ...overrides }),
    loadTranscript: async () => [],
    saveTranscript: () => undefined,
    highlight: async () => ({ found: false, reason: 'not found' }) as never,
    clearHighlight: () => undefined,
    getPageContext: async () => {
      await holdPageContext;
      return pageContext;
    },
    startWalkthrough: async () => ({ started: false }),
    publish: (m) => void published.push(m),
  };
  const engine = createVoiceEngine(io, fakes.deps);
  engines.push(engine);
  return {
    engine,
    fakes,
    published,
    setPageContext: (ctx: PageContext | null) => void (pageContext = ctx),
    holdPageContext: (p: Promise<void>) => void (holdPageContext = p),
    status: () => engine.snapshot().status,
  };
}

const engines: VoiceEngine[] = [];
afterEach(() => {
  for (const e of engines.splice(0)) e.dispose();
});

const types = (sent: RealtimeClientEvent[]) => sent.map((e) => e.type);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connected(overrides: Partial<Settings> = {}) {
  const t = setup(overrides);
  await t.engine.command({ type: 'connect' });
  await until(() => t.status() === 'ready', 'ready');
  return t;
}

/** Play one spoken answer of the server: response, audio start and stop, done. */
function answer(fakes: FakeDeps, id = 'resp_1') {
  fakes.call.serve({ type: 'response.created', response: { id, status: 'in_progress', output: [] } });
  fakes.call.serve({ type: 'output_audio_buffer.started', response_id: id });
}

describe('engine: a push-to-talk turn', () => {
  it('press clears the input and opens the gate; release commits and asks for a response after the tail', async () => {
    const t = await connected();
    expect(await t.engine.command({ type: 'talk-start', via: 'panel' })).toEqual({ ok: true });
    expect(t.status()).toBe('listening');
    expect(t.fakes.graph.gate.isOpen).toBe(true);
    expect(types(t.fakes.call.sent)).toContain('input_audio_buffer.clear');
    await sleep(170);
    await t.engine.command({ type: 'talk-end', via: 'panel' });
    expect(types(t.fakes.call.sent)).not.toContain('input_audio_buffer.commit'); // the tail is still on its way
    await until(() => types(t.fakes.call.sent).includes('response.create'), 'response.create');
    const sent = types(t.fakes.call.sent);
    expect(sent.indexOf('input_audio_buffer.commit')).toBeLessThan(sent.indexOf('response.create'));
    expect(t.fakes.graph.gate.isOpen).toBe(false);
  });

  it('a tap shorter than the minimum hold sends no commit', async () => {
    const t = await connected();
    await t.engine.command({ type: 'talk-start', via: 'panel' });
    await t.engine.command({ type: 'talk-end', via: 'panel' });
    await sleep(260);
    expect(types(t.fakes.call.sent)).not.toContain('input_audio_buffer.commit');
    expect(t.status()).toBe('ready');
  });

  it('a press before the session is ready connects and starts listening once it is', async () => {
    const t = setup();
    await t.engine.command({ type: 'talk-start', via: 'panel' });
    await until(() => t.status() === 'listening', 'listening');
    expect(t.fakes.minted).toBe(1);
  });
});

describe('engine: the hold key', () => {
  it('never opens a session by itself: nothing is minted, and the user is told how to connect', async () => {
    const t = setup();
    const reply = await t.engine.command({ type: 'talk-start', via: 'hold-key' });
    expect(reply).toEqual({ ok: false, error: HOLD_KEY_IDLE_HINT });
    await sleep(20);
    expect(t.fakes.minted).toBe(0);
    expect(t.status()).toBe('idle');
    expect(t.engine.snapshot().transcript.at(-1)?.text).toBe(HOLD_KEY_IDLE_HINT);
  });

  it('talks in a session the user opened', async () => {
    const t = await connected();
    expect(await t.engine.command({ type: 'talk-start', via: 'hold-key' })).toEqual({ ok: true });
    expect(t.status()).toBe('listening');
  });
});

describe('engine: barge-in', () => {
  it('pressing while the answer plays cancels it, clears its audio and mutes playback at once', async () => {
    const t = await connected();
    answer(t.fakes);
    expect(t.status()).toBe('speaking');
    t.fakes.graph.setPlaybackMuted.mockClear();
    await t.engine.command({ type: 'talk-start', via: 'panel' });
    const sent = types(t.fakes.call.sent);
    expect(sent).toEqual(
      expect.arrayContaining(['response.cancel', 'output_audio_buffer.clear', 'input_audio_buffer.clear']),
    );
    expect(sent.indexOf('output_audio_buffer.clear')).toBeLessThan(sent.indexOf('input_audio_buffer.clear'));
    expect(t.fakes.graph.setPlaybackMuted).toHaveBeenCalledWith(true);
  });

  it('a response that only starts while the key is held is cancelled as stale', async () => {
    const t = await connected();
    await t.engine.command({ type: 'talk-start', via: 'panel' });
    const before = t.fakes.call.sent.length;
    t.fakes.call.serve({ type: 'response.created', response: { id: 'late' } });
    expect(types(t.fakes.call.sent.slice(before))).toEqual(['response.cancel']);
  });
});

describe('engine: tools', () => {
  const toolCall = (name: string, args = '{}') => ({
    type: 'response.done',
    response: {
      id: 'resp_tool',
      status: 'completed',
      output: [{ type: 'function_call', status: 'completed', name, call_id: 'call_1', arguments: args }],
    },
  });

  it('answers a call and asks for the follow-up response', async () => {
    const t = await connected();
    t.fakes.call.serve(toolCall('get_page_context'));
    await until(() => types(t.fakes.call.sent).includes('response.create'), 'follow-up');
    const output = t.fakes.call.sent.find(
      (e) => e.type === 'conversation.item.create' && e.item.type === 'function_call_output',
    );
    expect(output).toBeDefined();
  });

  it('asks for no follow-up when the user started talking while the tool ran (their commit asks instead)', async () => {
    const t = await connected();
    let finish!: () => void;
    t.holdPageContext(new Promise<void>((r) => (finish = r)));
    t.fakes.call.serve(toolCall('get_page_context'));
    await t.engine.command({ type: 'talk-start', via: 'panel' });
    finish();
    await until(
      () =>
        t.fakes.call.sent.some((e) => e.type === 'conversation.item.create' && e.item.type === 'function_call_output'),
      'tool output',
    );
    await sleep(20);
    expect(types(t.fakes.call.sent)).not.toContain('response.create');
    await sleep(170);
    await t.engine.command({ type: 'talk-end', via: 'panel' });
    await until(() => types(t.fakes.call.sent).includes('response.create'), 'the turn asks');
    expect(types(t.fakes.call.sent).filter((x) => x === 'response.create')).toHaveLength(1);
  });
});

describe('engine: connecting and recovering', () => {
  it('a disconnect while the transport is still opening closes it when it arrives, and nothing becomes ready', async () => {
    const t = setup();
    t.fakes.holdOpens();
    await t.engine.command({ type: 'connect' });
    await until(() => t.status() === 'connecting', 'connecting');
    await t.engine.command({ type: 'disconnect' });
    t.fakes.releaseOpens();
    await sleep(20);
    expect(t.status()).toBe('idle');
    expect(t.fakes.calls.every((c) => c.closed)).toBe(true);
  });

  it('a dropped connection keeps the transcript, reconnects with a fresh key and sends a recap', async () => {
    const t = await connected();
    await t.engine.command({ type: 'send-text', text: 'How do I make a journey re-entry safe?' });
    const first = t.fakes.call;
    first.drop();
    await until(() => t.fakes.calls.length === 2 && t.status() === 'ready', 'ready again');
    expect(t.fakes.minted).toBe(2);
    expect(t.engine.snapshot().transcript.some((e) => e.text === 'How do I make a journey re-entry safe?')).toBe(true);
    const recap = t.fakes.call.sent.find(
      (e) => e.type === 'conversation.item.create' && e.item.type === 'message' && e.item.role === 'system',
    );
    expect(JSON.stringify(recap)).toContain('re-entry safe');
  });

  it('a refused token request fails with the token service’s reason and no retry', async () => {
    const t = setup();
    t.fakes.failNextMint(failure('token_unauthorized', 'none'));
    await t.engine.command({ type: 'connect' });
    await until(() => t.status() === 'error', 'error');
    expect(t.engine.snapshot().error?.code).toBe('token_unauthorized');
    expect(t.fakes.minted).toBe(1);
  });

  it('a connect uses the settings the service worker brought along; a reconnect reads fresh ones', async () => {
    const fakes = createFakeDeps();
    const keys: string[] = [];
    const mint = fakes.deps.mintToken;
    fakes.deps.mintToken = (settings, signal) => (keys.push(settings.accessKey), mint(settings, signal));
    let reads = 0;
    const io: EngineIO = {
      getSettings: async () => (reads++, { ...DEFAULT_SETTINGS, accessKey: 'read' }),
      loadTranscript: async () => [],
      saveTranscript: () => undefined,
      highlight: async () => ({ found: false, reason: 'not found' }) as never,
      clearHighlight: () => undefined,
      getPageContext: async () => null,
      startWalkthrough: async () => ({ started: false }),
      publish: () => undefined,
    };
    const engine = createVoiceEngine(io, fakes.deps);
    engines.push(engine);
    await engine.command({ type: 'connect', settings: { ...DEFAULT_SETTINGS, accessKey: 'brought' } });
    await until(() => engine.snapshot().status === 'ready', 'ready');
    expect({ keys, reads }).toEqual({ keys: ['brought'], reads: 0 });
    fakes.call.drop();
    await until(() => fakes.calls.length === 2 && engine.snapshot().status === 'ready', 'ready again');
    expect({ keys, reads }).toEqual({ keys: ['brought', 'read'], reads: 1 });
  });

  it('a server error that ends the session reconnects', async () => {
    const t = await connected();
    t.fakes.call.serve({
      type: 'error',
      error: { type: 'invalid_request_error', code: 'session_expired', message: 'expired' },
    });
    await until(() => t.fakes.calls.length === 2 && t.status() === 'ready', 'reconnected');
  });
});

describe('engine: page context', () => {
  it('is sent once on ready as a user item, again only when the screen changes', async () => {
    const t = await connected();
    const contextItems = () =>
      t.fakes.call.sent.filter((e) => e.type === 'conversation.item.create' && JSON.stringify(e).includes('[page]'));
    await until(() => contextItems().length === 1, 'context sent');
    expect(contextItems()[0]).toMatchObject({ item: { role: 'user' } });
    expect(t.engine.snapshot().contextSent).toBe('[page] Journey Builder › Canvas');
    t.engine.onPageContext(page('[page] Journey Builder › Canvas'));
    await sleep(700);
    expect(contextItems()).toHaveLength(1);
    t.engine.onPageContext(page('[page] Email Studio › Content'));
    await until(() => contextItems().length === 2, 'new screen sent', 3_000);
  });

  it('is not sent when the user turned sharing off', async () => {
    const t = await connected({ sharePageContext: false });
    await sleep(50);
    expect(t.fakes.call.sent.some((e) => JSON.stringify(e).includes('[page]'))).toBe(false);
    expect(t.engine.snapshot().contextSent).toBeUndefined();
  });
});
