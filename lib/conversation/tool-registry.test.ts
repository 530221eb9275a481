import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { describe, expect, it } from 'vitest';
import { collectFunctionCalls, createToolRegistry, toolOutputEvents, type ToolCall } from './tool-registry';
import { ORDER_A, ORDER_B_CALL } from './fixtures/orders';

const call = (name: string, args = '{}'): ToolCall => ({ name, call_id: 'call_1', arguments: args });

describe('createToolRegistry', () => {
  const registry = createToolRegistry({
    echo: (args) => ({ echoed: args.text }),
    summarized: async () => ({ summary: 'Highlighted the Send button', found: true }),
    nothing: () => undefined,
    boom: () => {
      throw new Error('label is required');
    },
    rejects: async () => Promise.reject('plain string'),
    circular: () => {
      const o: Record<string, unknown> = {};
      o.self = o;
      return o;
    },
  });

  it('knows its tools', () => {
    expect(registry.has('echo')).toBe(true);
    expect(registry.has('toString')).toBe(false);
  });

  it('runs a handler with parsed arguments and returns JSON output', async () => {
    const outcome = await registry.run(call('echo', '{"text":"hi"}'));
    expect(outcome).toEqual({ ok: true, output: '{"echoed":"hi"}', summary: 'Done' });
    expect((await registry.run(call('summarized'))).summary).toBe('Highlighted the Send button');
    expect(JSON.parse((await registry.run(call('nothing', ''))).output)).toEqual({ ok: true });
  });

  it('reports an unknown tool', async () => {
    const outcome = await registry.run(call('delete_everything'));
    expect(outcome.ok).toBe(false);
    expect(JSON.parse(outcome.output)).toMatchObject({ error: 'unknown_tool', name: 'delete_everything' });
  });

  it.each(['{not json', '[1,2]', '"text"', 'null'])('rejects arguments %s', async (args) => {
    const outcome = await registry.run(call('echo', args));
    expect(outcome.ok).toBe(false);
    expect(JSON.parse(outcome.output).error).toBe('invalid_arguments');
  });

  it('turns throws, rejections and unserialisable results into tool_failed', async () => {
    const thrown = await registry.run(call('boom'));
    expect(JSON.parse(thrown.output)).toEqual({ error: 'tool_failed', message: 'label is required' });
    expect(thrown.summary).toBe('Failed: label is required');
    expect(JSON.parse((await registry.run(call('rejects'))).output).message).toBe('plain string');
    expect((await registry.run(call('circular'))).ok).toBe(false);
  });

  it('times out a hanging handler and aborts its signal', async () => {
    let seen: AbortSignal | undefined;
    const slow = createToolRegistry(
      {
        hang: (_args, signal) => {
          seen = signal;
          return new Promise(() => {});
        },
      },
      { timeoutMs: 5 },
    );
    const outcome = await slow.run(call('hang'));
    expect(outcome.ok).toBe(false);
    expect(JSON.parse(outcome.output).error).toBe('timeout');
    expect(seen?.aborted).toBe(true);
  });
});

describe('toolOutputEvents', () => {
  it('sends the output item then asks for a response', () => {
    const events = toolOutputEvents(call('echo'), { ok: true, output: '{"a":1}', summary: 'Done' });
    expect(events).toEqual([
      {
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: 'call_1', output: '{"a":1}' },
      },
      { type: 'response.create' },
    ]);
  });
});

describe('collectFunctionCalls', () => {
  it('finds the completed function call in response.done (order B)', () => {
    const done = ORDER_B_CALL.at(-1) as unknown as RealtimeServerEvent;
    expect(collectFunctionCalls(done)).toEqual([
      { name: 'read_editor', call_id: 'call_F1', arguments: '{"selector":"#query-editor"}' },
    ]);
  });

  it('ignores other events, plain replies and incomplete calls', () => {
    expect(collectFunctionCalls(ORDER_B_CALL[ORDER_B_CALL.length - 3] as unknown as RealtimeServerEvent)).toEqual([]);
    expect(
      collectFunctionCalls(ORDER_A.find((e) => e.type === 'response.done') as unknown as RealtimeServerEvent),
    ).toEqual([]);
    const cut = {
      type: 'response.done',
      event_id: 'e',
      response: {
        id: 'r',
        status: 'cancelled',
        output: [{ type: 'function_call', status: 'incomplete', name: 'x', call_id: 'c', arguments: '{' }],
      },
    } as RealtimeServerEvent;
    expect(collectFunctionCalls(cut)).toEqual([]);
  });
});
