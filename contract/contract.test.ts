import { describe, expect, it, vi } from 'vitest';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { EngineIO } from '@/lib/voice/engine-io';
import { createEngineTools } from '@/lib/voice/tool-handlers';
import { VOICES as EXTENSION_VOICES } from '@/lib/settings';
import { VOICES as TOKEN_SERVICE_VOICES, buildClientSecretParams } from '@/token-service/src/session/config';
import { INSTRUCTOR_TOOLS, TOOL_NAMES } from './tools';
import { VOICES } from './session';

describe('one contract for the extension, the token service and the stand-in', () => {
  // The stand-in's side: emulator/contract.test.ts (its own TypeScript project).
  it('the extension and the token service use the same voices', () => {
    expect(EXTENSION_VOICES).toBe(VOICES);
    expect(TOKEN_SERVICE_VOICES).toBe(VOICES);
  });

  it('declares each tool once, under its own name', () => {
    expect(INSTRUCTOR_TOOLS.map((t) => t.name)).toEqual([...TOOL_NAMES]);
  });

  it('every tool the token service pins into a session has a handler in the extension', async () => {
    const sent: RealtimeClientEvent[] = [];
    const io = {
      highlight: vi.fn(async () => ({ found: false, reason: 'x', candidates: [] })),
      getPageContext: vi.fn(async () => null),
      startWalkthrough: vi.fn(async () => ({ started: true })),
    } as unknown as EngineIO;
    const tools = createEngineTools({ io, sharePageContext: () => true, addEntry: () => undefined });
    const session = buildClientSecretParams(
      { voice: 'marin', language: 'en', languageLabel: 'English', mode: 'push-to-talk' },
      { model: 'gpt-realtime', ttlSeconds: 60 },
    );
    const declared = (session.session as { tools: { name: string }[] }).tools.map((t) => t.name);
    expect(declared).toEqual([...TOOL_NAMES]);
    const output = declared.map((name, i) => ({
      type: 'function_call',
      status: 'completed',
      id: `item_${i}`,
      call_id: `c${i}`,
      name,
      arguments: '{}',
    }));
    const done = {
      type: 'response.done',
      event_id: 'e1',
      response: { id: 'r1', status: 'completed', output },
    } as unknown as RealtimeServerEvent;
    await tools.run(tools.callsIn(done), (e) => (sent.push(e), true));
    const results = sent.map((e) => JSON.parse((e as { item: { output: string } }).item.output) as { error?: string });
    expect(results).toHaveLength(TOOL_NAMES.length);
    for (const r of results) expect(r.error).not.toBe('unknown_tool');
  });
});
