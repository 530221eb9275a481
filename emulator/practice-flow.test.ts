// Practice mode over real WebRTC with a small stand-in search: typed question → spoken answer + show_snippet →
// function_call_output → closing line; gpt-realtime-2 adds its preamble; unknown questions get the honest answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_IN_REFERENCE, SNIPPET_CLOSING, type ReferenceSearch } from './practice.ts';
import { useEmulator } from './test-helpers.ts';

const h = useEmulator();
type Obj = Record<string, unknown>;
const EXAMPLE = 'SELECT SubscriberKey\nFROM _Sent\nWHERE EventDate > DATEADD(day, -7, GETDATE())';
const search: ReferenceSearch = {
  search: (query) =>
    /\bsends?\b/i.test(query)
      ? [
          {
            score: 500,
            entry: {
              id: 'dataview._sent',
              kind: 'data-view',
              title: '_Sent data view',
              source: 'https://help.salesforce.com/s',
              text: 'The _Sent data view lists every send to a subscriber. It keeps six months of rows.',
              example: EXAMPLE,
            },
          },
        ]
      : [],
};
let saved: ReferenceSearch | undefined;
beforeAll(() => {
  saved = h.emu.store.reference;
  h.emu.store.reference = search;
});
afterAll(() => {
  h.emu.store.reference = saved;
});

const SNIPPET_TOOL = {
  type: 'function',
  name: 'show_snippet',
  description: 'Shows a code card',
  parameters: { type: 'object' },
};
const PTT = { type: 'realtime', audio: { input: { turn_detection: null } }, tools: [SNIPPET_TOOL] };
const ask = (text: string) => ({
  type: 'conversation.item.create',
  item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
});

describe('practice mode answers typed questions from the reference', () => {
  it('answer + show_snippet, then the closing line after the function_call_output', async () => {
    const c = await h.connect(PTT);
    c.send(ask('which table has the sends?'));
    c.send({ type: 'response.create' });
    const done = await c.waitFor('response.done', { timeout: 20_000 });
    const output = (done.response as Obj).output as Obj[];
    expect(output.map((it) => it.type)).toEqual(['message', 'function_call']);
    expect((output[0].content as Obj[])[0].transcript).toBe(
      "_Sent data view. The _Sent data view lists every send to a subscriber. It keeps six months of rows. There's an example in the panel.",
    );
    expect(output[1]).toMatchObject({ name: 'show_snippet' });
    expect(JSON.parse(String(output[1].arguments))).toEqual({
      language: 'sql',
      title: '_Sent data view',
      code: EXAMPLE,
    });
    await c.waitFor('output_audio_buffer.stopped', { timeout: 20_000 });

    const from = c.events.length;
    c.send({
      type: 'conversation.item.create',
      item: { type: 'function_call_output', call_id: output[1].call_id, output: '{"shown":true}' },
    });
    c.send({ type: 'response.create' });
    const closing = await c.waitFor('response.output_audio_transcript.done', { from, timeout: 20_000 });
    expect(closing.transcript).toBe(SNIPPET_CLOSING);
    const second = await c.waitFor('response.done', { from });
    expect(((second.response as Obj).output as Obj[]).map((it) => it.type)).toEqual(['message']);
  });

  it('gpt-realtime-2: the preamble, the snippet call, then the answer; a question the pack lacks is not made up', async () => {
    const c = await h.connect({ ...PTT, model: 'gpt-realtime-2' });
    c.send(ask('which table has the sends?'));
    c.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    const done = await c.waitFor('response.done', { timeout: 20_000 });
    expect(((done.response as Obj).output as Obj[]).map((it) => `${it.type}:${it.phase ?? it.name}`)).toEqual([
      'message:commentary',
      'function_call:show_snippet',
      'message:final_answer',
    ]);

    const from = c.events.length;
    c.send(ask('how do I bake bread?'));
    c.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    const text = await c.waitFor('response.output_text.done', { from });
    expect(text.text).toBe(NOT_IN_REFERENCE);
    const second = await c.waitFor('response.done', { from });
    expect(((second.response as Obj).output as Obj[]).map((it) => it.phase)).toEqual(['final_answer']);
  });

  it('a session without the show_snippet tool gets the answer alone, no call', async () => {
    const c = await h.connect();
    c.send(ask('which table has the sends?'));
    c.send({ type: 'response.create', response: { output_modalities: ['text'] } });
    const done = await c.waitFor('response.done', { timeout: 20_000 });
    const output = (done.response as Obj).output as Obj[];
    expect(output.map((it) => it.type)).toEqual(['message']);
    expect((output[0].content as Obj[])[0].text).toBe(
      '_Sent data view. The _Sent data view lists every send to a subscriber. It keeps six months of rows.',
    );
  });
});
