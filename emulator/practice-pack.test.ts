// Practice answers with the real SFMC reference pack (lib/reference/search.ts), the way `npm start` runs them.
import { describe, expect, it } from 'vitest';
import { getReferenceIndex } from '../lib/reference/search.ts';
import { NOT_IN_REFERENCE, PRACTICE_MIN_SCORE, practiceReply } from './practice.ts';
import { useEmulator } from './test-helpers.ts';

const h = useEmulator();
type Obj = Record<string, unknown>;
const user = (text: string): Obj => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const answer = (q: string) =>
  practiceReply([user(q)], getReferenceIndex(), { minScore: PRACTICE_MIN_SCORE, snippetTool: true });

describe('practice mode with the real reference pack', () => {
  it('typed "how long can a query activity run?" over WebRTC → the spoken reply says 30 minutes', async () => {
    const c = await h.connect();
    c.send({ type: 'conversation.item.create', item: user('how long can a query activity run?') });
    c.send({ type: 'response.create' });
    const done = await c.waitFor('response.output_audio_transcript.done', { timeout: 20_000 });
    expect(String(done.transcript)).toMatch(/\b30 minutes\b/);
    expect(String(done.transcript)).not.toBe(NOT_IN_REFERENCE);
    await c.waitFor('response.done', { timeout: 20_000 });
  });

  it('questions the pack covers are answered from their entry; AMPscript examples come as show_snippet', () => {
    expect(answer('which table has bounces').text).toMatch(/_Bounce/);
    expect(answer('can I use let in ssjs').text).toMatch(/\blet\b/);
    expect(answer('ORDER BY in query').text).toMatch(/ORDER BY/);
    const lookup = answer('what does LookupRows return?');
    expect(lookup.text).toMatch(/^LookupRows\b/);
    expect(lookup.toolCalls?.[0]).toMatchObject({
      name: 'show_snippet',
      arguments: { language: 'ampscript', title: 'LookupRows' },
    });
    expect(String(lookup.toolCalls?.[0].arguments.code)).toMatch(/LookupRows\(/);
  });

  it('off-topic questions get the honest answer, not the nearest entry', () => {
    for (const q of [
      'what is the weather in Paris?',
      'who won the football match yesterday',
      'how do I cook pasta',
      'what time is it',
      'tell me a joke',
      'write me a poem about cats',
    ]) {
      expect(answer(q).text, q).toBe(NOT_IN_REFERENCE);
    }
  });
});
