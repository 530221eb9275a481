// Practice answers as pure logic over conversation items and a stand-in search (the real pack: practice-pack.test.ts).
import { describe, expect, it } from 'vitest';
import {
  NOT_IN_REFERENCE,
  NO_SPEECH,
  PAGE_CONTEXT_MARKER,
  SNIPPET_CLOSING,
  latestTurn,
  leadSentences,
  practiceReply,
  snippetLanguage,
  type ReferenceHit,
  type ReferenceSearch,
} from './practice.ts';

type Obj = Record<string, unknown>;
const user = (text: string): Obj => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const context = (json: string): Obj => user(`${PAGE_CONTEXT_MARKER}\n${json}`);
const system = (text: string): Obj => ({ type: 'message', role: 'system', content: [{ type: 'input_text', text }] });
const audio = (ms: number): Obj =>
  Object.defineProperty(
    { type: 'message', role: 'user', content: [{ type: 'input_audio', transcript: null }] },
    'audioMs',
    { value: ms },
  );

const ENTRIES: ReferenceHit['entry'][] = [
  {
    id: 'sql.timeout',
    kind: 'sql-rule',
    title: 'Query activity timeout',
    source: 'https://help.salesforce.com/q',
    text: 'A query activity that runs longer than 30 minutes is stopped. Split long work into several queries. Index your join keys.',
  },
  {
    id: 'ampscript.lookup',
    kind: 'ampscript-function',
    title: 'Lookup',
    source: 'https://developer.salesforce.com/l',
    text: 'Lookup returns one field from the first matching row of a data extension. Use LookupRows for several rows.',
    example: "%%[ SET @name = Lookup('Members', 'Name', 'Id', @id) ]%%",
  },
];
/** A word-overlap search: score = shared words; enough to drive the logic without the real pack. */
const fake: ReferenceSearch & { queries: string[] } = {
  queries: [],
  search(query, limit = 5) {
    this.queries.push(query);
    const words = new Set(query.toLowerCase().match(/[a-z]+/g));
    return ENTRIES.map((entry) => ({
      entry,
      score: `${entry.title} ${entry.text}`
        .toLowerCase()
        .match(/[a-z]+/g)!
        .filter((w) => words.has(w) && w.length > 3).length,
    }))
      .filter((h) => h.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  },
};
const opts = { minScore: 2, snippetTool: true };

describe('practice answers from the reference', () => {
  it('a typed question gets the best entry: title + first sentences, no snippet without an example', () => {
    const reply = practiceReply([user('how long can a query activity run?')], fake, opts);
    expect(reply.text).toBe(
      'Query activity timeout. A query activity that runs longer than 30 minutes is stopped. Split long work into several queries.',
    );
    expect(reply.toolCalls).toBeUndefined();
  });

  it('an entry with an example adds show_snippet with the language from its kind', () => {
    const reply = practiceReply([user('how do I lookup a field from a data extension row')], fake, opts);
    expect(reply.text).toMatch(/^Lookup returns one field from the first matching row of a data extension\./);
    expect(reply.toolCalls).toEqual([
      { name: 'show_snippet', arguments: { language: 'ampscript', title: 'Lookup', code: ENTRIES[1].example } },
    ]);
    const noTool = practiceReply([user('how do I lookup a field from a data extension row')], fake, {
      ...opts,
      snippetTool: false,
    });
    expect(noTool.toolCalls).toBeUndefined();
    expect(noTool.text).not.toMatch(/example/);
  });

  it('after the snippet output, a closing line; nothing the pack cannot answer is made up', () => {
    const call = { type: 'function_call', name: 'show_snippet', call_id: 'call_1', arguments: '{}' };
    expect(
      practiceReply(
        [user('lookup a field'), call, { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' }],
        fake,
        opts,
      ),
    ).toEqual({ text: SNIPPET_CLOSING, preamble: null });
    expect(practiceReply([user('what is the weather in Paris?')], fake, opts).text).toBe(NOT_IN_REFERENCE);
    expect(practiceReply([user('what is the weather in Paris?')], undefined, opts).text).toBe(NOT_IN_REFERENCE);
  });

  it('page context (marker) and system items are never taken as the question', () => {
    const ctx = context('{"app":"Automation Studio","screen":"Query activity","title":"Query activity timeout runs"}');
    fake.queries = [];
    expect(
      practiceReply([user('what is the weather?'), ctx, system('The user opened query activity settings.')], fake, opts)
        .text,
    ).toBe(NOT_IN_REFERENCE);
    expect(fake.queries).toEqual(['what is the weather?']);
    expect(latestTurn([ctx])).toEqual({ kind: 'none' });
    expect(practiceReply([ctx], fake, opts).text).not.toMatch(/query/i);
  });

  it('a spoken question gets the "type it" answer with the seconds heard', () => {
    const reply = practiceReply([user('earlier typed question about lookup'), audio(2340)], fake, opts);
    expect(reply.text).toBe(`${NO_SPEECH} I heard about 2.3 seconds of audio.`);
    expect(latestTurn([audio(1000), context('{}')])).toEqual({ kind: 'speech', seconds: 1 });
  });

  it('helpers: lead sentences and snippet languages', () => {
    expect(leadSentences('One. Two! Three?')).toBe('One. Two!');
    expect(leadSentences(`Short one. ${'x'.repeat(300)}.`)).toBe('Short one.');
    expect(leadSentences('Version 2.1 is out. It reasons.')).toBe('Version 2.1 is out. It reasons.');
    expect(snippetLanguage('data-view', 'SELECT 1')).toBe('sql');
    expect(snippetLanguage('concept', '<script runat="server">Platform.Load("core","1")</script>')).toBe('ssjs');
    expect(snippetLanguage('error', '%%=v(@x)=%%')).toBe('ampscript');
    expect(snippetLanguage('concept', '<div>hi</div>')).toBe('html');
  });
});
