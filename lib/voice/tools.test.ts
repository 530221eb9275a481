import { describe, expect, it, vi } from 'vitest';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { EngineIO } from './engine-io';
import { createEngineTools } from './tools';

function setup(share = true) {
  const entries: TranscriptEntry[] = [];
  const io = {
    highlight: vi.fn(async (req: { label: string }) => (req.label === 'Save' ? { found: true, label: 'Save', role: 'button', frame: 'jb' } : { found: false, reason: 'not on screen', candidates: ['Save'] })),
    getPageContext: vi.fn(async () => ({ app: 'Journey Builder', screen: 'Journey canvas', frames: [], text: 'SFMC page context:\nApp: Journey Builder' })),
  } as unknown as EngineIO;
  const tools = createEngineTools({ io, sharePageContext: () => share, addEntry: (e) => entries.push(e) });
  const sent: RealtimeClientEvent[] = [];
  const send = (e: RealtimeClientEvent) => (sent.push(e), true);
  return { tools, entries, sent, send, io };
}

const done = (...calls: { name: string; call_id: string; arguments: string }[]) =>
  ({ type: 'response.done', event_id: 'e1', response: { id: 'resp_1', status: 'completed', output: calls.map((c) => ({ type: 'function_call', status: 'completed', id: `item_${c.call_id}`, ...c })) } }) as unknown as RealtimeServerEvent;

const outputs = (sent: RealtimeClientEvent[]) => sent.map((e) => (e as { item: { call_id: string; output: string } }).item).map((i) => ({ call_id: i.call_id, out: JSON.parse(i.output) }));

describe('engine tools round trip', () => {
  it('runs highlight_element in the page and sends the result as function_call_output (no response.create: the gate sends it)', async () => {
    const h = setup();
    const calls = h.tools.callsIn(done({ name: 'highlight_element', call_id: 'c1', arguments: '{"label":"Save","role":"button"}' }));
    await h.tools.run(calls, h.send);
    expect(h.io.highlight).toHaveBeenCalledWith({ label: 'Save', role: 'button' });
    expect(h.sent.map((e) => e.type)).toEqual(['conversation.item.create']);
    expect(outputs(h.sent)).toEqual([{ call_id: 'c1', out: { found: true, label: 'Save', role: 'button', frame: 'jb' } }]);
    expect(h.entries[0]?.tool).toMatchObject({ name: 'highlight_element', ok: true });
  });

  it('highlight_element with sharing off points but returns no page text (no label, no candidates)', async () => {
    const h = setup(false);
    await h.tools.run(
      h.tools.callsIn(
        done({ name: 'highlight_element', call_id: 'c8', arguments: '{"label":"Save"}' }, { name: 'highlight_element', call_id: 'c9', arguments: '{"label":"Jane Doe"}' }),
      ),
      h.send,
    );
    expect(h.io.highlight).toHaveBeenCalledTimes(2);
    const [hit, miss] = outputs(h.sent).map((o) => o.out);
    expect(hit).toMatchObject({ found: true, role: 'button' });
    expect(hit).not.toHaveProperty('label');
    expect(hit).not.toHaveProperty('frame');
    expect(miss).toMatchObject({ found: false, candidates: [] });
    expect(JSON.stringify(miss)).not.toMatch(/not on screen|"Save"/);
  });

  it('show_snippet adds a code card to the transcript', async () => {
    const h = setup();
    await h.tools.run(h.tools.callsIn(done({ name: 'show_snippet', call_id: 'c2', arguments: JSON.stringify({ language: 'SQL', title: 'Openers', code: 'SELECT SubscriberKey FROM _Open' }) })), h.send);
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]?.snippet).toEqual({ language: 'sql', title: 'Openers', code: 'SELECT SubscriberKey FROM _Open' });
    expect(outputs(h.sent)[0]?.out).toEqual({ shown: true });
  });

  it('get_page_context respects the sharing switch', async () => {
    const on = setup(true);
    await on.tools.run(on.tools.callsIn(done({ name: 'get_page_context', call_id: 'c3', arguments: '{}' })), on.send);
    expect(outputs(on.sent)[0]?.out).toMatchObject({ shared: true, app: 'Journey Builder' });
    const off = setup(false);
    await off.tools.run(off.tools.callsIn(done({ name: 'get_page_context', call_id: 'c4', arguments: '{}' })), off.send);
    expect(outputs(off.sent)[0]?.out).toMatchObject({ shared: false });
    expect(off.io.getPageContext).not.toHaveBeenCalled();
  });

  it('an unknown tool or a failing handler still answers the call with an error output (never a hang)', async () => {
    const h = setup();
    await h.tools.run(
      h.tools.callsIn(
        done(
          { name: 'click_button', call_id: 'c5', arguments: '{}' },
          { name: 'show_snippet', call_id: 'c6', arguments: '{"language":"sql","title":"x"}' },
          { name: 'highlight_element', call_id: 'c7', arguments: 'not json' },
        ),
      ),
      h.send,
    );
    const outs = outputs(h.sent);
    expect(outs.map((o) => o.call_id)).toEqual(['c5', 'c6', 'c7']);
    expect(outs.map((o) => o.out.error)).toEqual(['unknown_tool', 'tool_failed', 'invalid_arguments']);
    expect(h.entries.filter((e) => e.tool && !e.tool.ok)).toHaveLength(3);
  });
});
