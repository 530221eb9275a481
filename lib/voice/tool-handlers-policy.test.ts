import { describe, expect, it, vi } from 'vitest';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import type { EngineIO } from './engine-io';
import { createEngineTools } from './tool-handlers';

function setup(settings: Settings) {
  const current = { settings };
  const io = {
    getSettings: vi.fn(async () => current.settings),
    highlight: vi.fn(async () => ({ found: true, label: 'Save', role: 'button', frame: 'jb' })),
    startWalkthrough: vi.fn(async () => ({ started: true })),
  } as unknown as EngineIO;
  const tools = createEngineTools({ io, sharePageContext: () => true, addEntry: () => undefined });
  const sent: RealtimeClientEvent[] = [];
  return { tools, io, sent, current, send: (e: RealtimeClientEvent) => (sent.push(e), true) };
}
const done = (name: string, args: unknown) =>
  ({
    type: 'response.done',
    event_id: 'e1',
    response: {
      id: 'r',
      status: 'completed',
      output: [
        { type: 'function_call', status: 'completed', id: 'i1', call_id: 'c1', name, arguments: JSON.stringify(args) },
      ],
    },
  }) as unknown as RealtimeServerEvent;
const lastOutput = (sent: RealtimeClientEvent[]) =>
  JSON.parse((sent.at(-1) as unknown as { item: { output: string } }).item.output) as Record<string, unknown>;
const plan = { title: 'Send an email', steps: [{ label: 'Save', instruction: 'Click Save' }] };

describe('pointing under an admin policy', () => {
  it('refuses highlight and walkthrough with a clear output when the policy turns pointing off, live', async () => {
    const off = { ...DEFAULT_SETTINGS, policy: { locked: [], handsFreeAllowed: true, pointingAllowed: false } };
    const h = setup(off);
    await h.tools.run(h.tools.callsIn(done('highlight_element', { label: 'Save' })), h.send);
    expect(h.io.highlight).not.toHaveBeenCalled();
    expect(lastOutput(h.sent)).toMatchObject({
      refused: true,
      note: expect.stringMatching(/organization has turned off pointing/),
    });
    await h.tools.run(h.tools.callsIn(done('start_walkthrough', plan)), h.send);
    expect(h.io.startWalkthrough).not.toHaveBeenCalled();
    expect(lastOutput(h.sent)).toMatchObject({ refused: true });
    // The admin allows it again: the next call goes through without reconnecting.
    h.current.settings = { ...off, policy: { ...off.policy, pointingAllowed: true } };
    await h.tools.run(h.tools.callsIn(done('highlight_element', { label: 'Save' })), h.send);
    expect(h.io.highlight).toHaveBeenCalledTimes(1);
    expect(lastOutput(h.sent)).toMatchObject({ found: true });
  });
});
