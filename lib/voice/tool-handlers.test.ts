import { describe, expect, it, vi } from 'vitest';
import type { RealtimeClientEvent, RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { EngineIO } from './engine-io';
import { createEngineTools } from './tool-handlers';

function setup(share = true) {
  const entries: TranscriptEntry[] = [];
  const io = {
    highlight: vi.fn(async (req: { label: string }) =>
      req.label === 'Save'
        ? { found: true, label: 'Save', role: 'button', frame: 'jb' }
        : { found: false, reason: 'not on screen', candidates: ['Save'] },
    ),
    getPageContext: vi.fn(async () => ({
      app: 'Journey Builder',
      screen: 'Journey canvas',
      frames: [],
      text: 'SFMC page context:\nApp: Journey Builder',
    })),
  } as unknown as EngineIO;
  const tools = createEngineTools({ io, sharePageContext: () => share, addEntry: (e) => entries.push(e) });
  const sent: RealtimeClientEvent[] = [];
  const send = (e: RealtimeClientEvent) => (sent.push(e), true);
  return { tools, entries, sent, send, io };
}

const done = (...calls: { name: string; call_id: string; arguments: string }[]) =>
  ({
    type: 'response.done',
    event_id: 'e1',
    response: {
      id: 'resp_1',
      status: 'completed',
      output: calls.map((c) => ({ type: 'function_call', status: 'completed', id: `item_${c.call_id}`, ...c })),
    },
  }) as unknown as RealtimeServerEvent;

const outputs = (sent: RealtimeClientEvent[]) =>
  sent
    .map((e) => (e as { item: { call_id: string; output: string } }).item)
    .map((i) => ({ call_id: i.call_id, out: JSON.parse(i.output) }));

describe('engine tools round trip', () => {
  it('runs highlight_element in the page and sends the result as function_call_output (no response.create: the gate sends it)', async () => {
    const h = setup();
    const calls = h.tools.callsIn(
      done({ name: 'highlight_element', call_id: 'c1', arguments: '{"label":"Save","role":"button"}' }),
    );
    await h.tools.run(calls, h.send);
    expect(h.io.highlight).toHaveBeenCalledWith({ label: 'Save', role: 'button' });
    expect(h.sent.map((e) => e.type)).toEqual(['conversation.item.create']);
    expect(outputs(h.sent)).toEqual([
      { call_id: 'c1', out: { found: true, label: 'Save', role: 'button', frame: 'jb' } },
    ]);
    expect(h.entries[0]?.tool).toMatchObject({ name: 'highlight_element', ok: true });
  });

  it('highlight_element with sharing off points but returns no page text (no label, no candidates)', async () => {
    const h = setup(false);
    await h.tools.run(
      h.tools.callsIn(
        done(
          { name: 'highlight_element', call_id: 'c8', arguments: '{"label":"Save"}' },
          { name: 'highlight_element', call_id: 'c9', arguments: '{"label":"Jane Doe"}' },
        ),
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

  it('show_snippet checks the code, adds a checked card, and tells the model', async () => {
    const h = setup();
    await h.tools.run(
      h.tools.callsIn(
        done({
          name: 'show_snippet',
          call_id: 'c2',
          arguments: JSON.stringify({ language: 'SQL', title: 'Openers', code: 'SELECT SubscriberKey FROM _Open' }),
        }),
      ),
      h.send,
    );
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]?.snippet).toMatchObject({
      language: 'sql',
      title: 'Openers',
      code: 'SELECT SubscriberKey FROM _Open',
      check: { ok: true, problems: [] },
    });
    expect(outputs(h.sent)[0]?.out).toMatchObject({
      shown: true,
      checked: true,
      ok: true,
      check: expect.stringMatching(/^checked: no problems/),
    });
  });

  it('a broken snippet: the model is told the problem; the corrected card supersedes the broken one', async () => {
    const h = setup();
    const broken = '%%[\nSET @rows = LookupRow("Members", "Status", "Active")\n]%%';
    const fixed = '%%[\nSET @rows = LookupRows("Members", "Status", "Active")\n]%%';
    await h.tools.run(
      h.tools.callsIn(
        done({
          name: 'show_snippet',
          call_id: 'b1',
          arguments: JSON.stringify({ language: 'ampscript', title: 'Members', code: broken }),
        }),
      ),
      h.send,
    );
    const first = outputs(h.sent)[0]!.out;
    expect(first.ok).toBe(false);
    expect(first.check).toMatch(/line 2: .*LookupRow.*did you mean LookupRows/);
    expect(first.next).toMatch(/call show_snippet again/);
    expect(h.entries[0]?.snippet?.check?.problems[0]).toMatchObject({ line: 2, severity: 'error' });
    await h.tools.run(
      h.tools.callsIn(
        done({
          name: 'show_snippet',
          call_id: 'b2',
          arguments: JSON.stringify({ language: 'ampscript', title: 'Members', code: fixed }),
        }),
      ),
      h.send,
    );
    expect(outputs(h.sent)[1]!.out).toMatchObject({ ok: true });
    expect(h.entries[1]?.snippet).toMatchObject({ check: { ok: true }, supersedes: h.entries[0]!.id });
  });

  it('lookup_sfmc_reference returns compact entries with sources and adds a "Looked up" line', async () => {
    const h = setup();
    await h.tools.run(
      h.tools.callsIn(done({ name: 'lookup_sfmc_reference', call_id: 'l1', arguments: '{"query":"LookupRows"}' })),
      h.send,
    );
    const out = outputs(h.sent)[0]!.out;
    expect(out.results[0]).toMatchObject({
      id: 'ampscript.lookuprows',
      title: 'LookupRows',
      source: expect.stringMatching(/^https:\/\//),
    });
    expect(out.results.length).toBeLessThanOrEqual(4);
    expect(h.entries).toHaveLength(1);
    expect(h.entries[0]?.lookups?.found[0]).toMatchObject({ title: 'LookupRows' });
    await h.tools.run(
      h.tools.callsIn(done({ name: 'lookup_sfmc_reference', call_id: 'l2', arguments: '{"query":"qwzx vbnm plork"}' })),
      h.send,
    );
    const none = outputs(h.sent)[1]!.out;
    expect(none.results).toEqual([]);
    expect(none.note).toMatch(/nothing/);
  });

  it('get_page_context respects the sharing switch', async () => {
    const on = setup(true);
    await on.tools.run(on.tools.callsIn(done({ name: 'get_page_context', call_id: 'c3', arguments: '{}' })), on.send);
    expect(outputs(on.sent)[0]?.out).toMatchObject({ shared: true, app: 'Journey Builder' });
    const off = setup(false);
    await off.tools.run(
      off.tools.callsIn(done({ name: 'get_page_context', call_id: 'c4', arguments: '{}' })),
      off.send,
    );
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
