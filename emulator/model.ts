/** Text helpers of the scripted "model": token estimates and transcript deltas. Answers come from practice.ts. */

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
