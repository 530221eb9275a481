/**
 * Test/practice control API under `/__emulator/`: script replies, read what calls received, inject faults, reset.
 */
import { Hono } from 'hono';
import { isEspeakMissing } from './speech.ts';
import type { EmulatorStore, ScriptedReply } from './store.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseReplies(body: unknown): ScriptedReply[] | string {
  if (!isObj(body) || !Array.isArray(body.replies)) return 'expected {"replies":[{"text":…}]}';
  const out: ScriptedReply[] = [];
  for (const [i, r] of body.replies.entries()) {
    if (!isObj(r) || typeof r.text !== 'string') return `replies[${i}].text must be a string`;
    if (r.userTranscript !== undefined && typeof r.userTranscript !== 'string')
      return `replies[${i}].userTranscript must be a string`;
    if (r.preamble !== undefined && r.preamble !== null && typeof r.preamble !== 'string')
      return `replies[${i}].preamble must be a string or null`;
    if (r.toolCalls !== undefined) {
      if (
        !Array.isArray(r.toolCalls) ||
        r.toolCalls.some(
          (t) => !isObj(t) || typeof t.name !== 'string' || (t.arguments !== undefined && !isObj(t.arguments)),
        )
      ) {
        return `replies[${i}].toolCalls must be [{name, arguments: object}]`;
      }
    }
    out.push({
      text: r.text,
      userTranscript: r.userTranscript as string | undefined,
      toolCalls: r.toolCalls as ScriptedReply['toolCalls'],
      ...(r.preamble !== undefined ? { preamble: r.preamble as string | null } : {}),
    });
  }
  return out;
}

export function controlApi(store: EmulatorStore): Hono {
  const api = new Hono();
  const body = async (req: Request): Promise<unknown> => {
    try {
      return await req.json();
    } catch {
      return undefined;
    }
  };

  api.get('/health', (c) =>
    c.json({ ok: true, liveCalls: store.live.size, queuedReplies: store.replies.length, espeak: !isEspeakMissing() }),
  );

  api.post('/script', async (c) => {
    const replies = parseReplies(await body(c.req.raw));
    if (typeof replies === 'string') return c.json({ error: replies }, 400);
    store.replies.push(...replies);
    return c.json({ queued: store.replies.length });
  });

  api.get('/received', (c) => c.json({ calls: store.calls, keysMinted: store.keysMinted, keysUsed: store.keysUsed }));

  api.post('/faults', async (c) => {
    const f = await body(c.req.raw);
    if (!isObj(f)) return c.json({ error: 'expected a JSON object' }, 400);
    const { faults } = store;
    if (typeof f.sdpStatus === 'number') faults.sdpStatus = f.sdpStatus;
    if (typeof f.sdpDelayMs === 'number') faults.sdpDelayMs = f.sdpDelayMs;
    if (typeof f.sessionUpdatedDelayMs === 'number') faults.sessionUpdatedDelayMs = f.sessionUpdatedDelayMs;
    if (typeof f.transcriptionFailed === 'boolean') faults.transcriptionFailed = f.transcriptionFailed;
    if (typeof f.lateTranscription === 'boolean') faults.lateTranscription = f.lateTranscription;
    if (f.useNextKey === true) faults.useNextKey = true;
    if (f.expireKeys === true) for (const k of store.keys.values()) k.expiresAt = 0;
    if (typeof f.sessionMaxMs === 'number') {
      faults.sessionMaxMs = f.sessionMaxMs;
      for (const call of store.live.values()) call.applySessionCap(f.sessionMaxMs);
    }
    const live = [...store.live.values()];
    if (isObj(f.sendError)) {
      const e = f.sendError;
      for (const call of live)
        call.sendError({
          code: String(e.code ?? 'server_error'),
          message: String(e.message ?? 'Injected error'),
          type: typeof e.type === 'string' ? e.type : undefined,
        });
    }
    if (f.dropDataChannel === true) for (const call of live) call.dropDataChannel();
    if (f.closePeer === true) for (const call of live) call.closePeer();
    return c.json({ faults, liveCalls: live.length });
  });

  api.post('/reset', (c) => {
    store.reset();
    return c.json({ ok: true });
  });

  return api;
}
