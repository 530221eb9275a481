/**
 * The scripted "model": scripted replies come from the queue; otherwise a practice reply that answers a known SFMC
 * topic found in the latest user words or page context, or says how much speech it heard.
 */
const TOPICS: { pattern: RegExp; answer: string }[] = [
  { pattern: /re-?entry/i, answer: 'Re-entry decides whether a contact can enter a journey again. Open the journey settings and pick no re-entry, re-entry anytime, or re-entry only after exiting.' },
  { pattern: /ampscript/i, answer: 'AMPscript runs when the email is sent. Wrap it in percent double brackets, and use Lookup to pull a value from a data extension.' },
  { pattern: /\bsql\b|query activit/i, answer: 'SQL query activities live in Automation Studio. Select into a target data extension, and remember the query times out after thirty minutes.' },
  { pattern: /data extension/i, answer: 'A data extension is a table of contacts or other data. Give it a primary key and a sendable relationship to subscriber key if you want to email it.' },
  { pattern: /journey/i, answer: 'In Journey Builder, start with an entry source, add activities on the canvas, then validate and activate the journey.' },
  { pattern: /automation/i, answer: 'Automation Studio runs activities on a schedule or a file drop. Build the steps, test them with run once, then activate the schedule.' },
  { pattern: /ssjs|server-side javascript/i, answer: 'Server-side JavaScript runs in script activities and cloud pages. Load the core library with Platform dot Load before you use it.' },
  { pattern: /subscriber key|all subscribers/i, answer: 'The subscriber key identifies a contact across channels. Keep it stable, ideally your CRM id, not the email address.' },
  { pattern: /content builder|template/i, answer: 'Content Builder stores emails, templates and blocks. Start from a template, then drag content blocks into its slots.' },
];

export function topicAnswer(text: string): string | undefined {
  return TOPICS.find((t) => t.pattern.test(text))?.answer;
}

export function practiceReply(latestUserText: string | undefined, latestContext: string | undefined, heardSeconds: number): string {
  const fromUser = latestUserText ? topicAnswer(latestUserText) : undefined;
  if (fromUser) return fromUser;
  const fromContext = latestContext ? topicAnswer(latestContext) : undefined;
  if (fromContext) return fromContext;
  return `Practice mode: I heard about ${heardSeconds.toFixed(1)} seconds of your question. With a real OpenAI key, the instructor answers it here.`;
}

export function practiceTranscript(seconds: number): string {
  return `(practice mode: ${seconds.toFixed(1)} s of speech)`;
}

/** Rough text token count (~4 characters a token). */
export function textTokens(text: string): number {
  return text ? Math.max(1, Math.ceil(text.length / 4)) : 0;
}

/** Splits a transcript into word deltas that concatenate back to it exactly. */
export function splitDeltas(text: string): string[] {
  const parts = text.match(/\S+\s*/g) ?? [];
  const lead = /^\s*/.exec(text)?.[0] ?? '';
  if (parts.length && lead) parts[0] = lead + parts[0];
  return parts.length ? parts : text ? [text] : [];
}
