/** Small readers for loosely typed event payloads (events reach the reducer as plain JSON records). */

export type EventLike = { type: string; [k: string]: unknown };

export interface ItemLike {
  id?: string;
  type?: string;
  role?: string;
  status?: string;
  content?: unknown;
  call_id?: string;
  name?: string;
  arguments?: string;
  /** gpt-realtime-2 message items: `commentary` (preamble) or `final_answer`. */
  phase?: string;
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

export function asItem(value: unknown): ItemLike | undefined {
  return asRecord(value) as ItemLike | undefined;
}

/**
 * The text a message item carries: `input_text`/`output_text`/`text` parts' `text` and audio parts' `transcript`
 * (GA uses `output_audio`/`input_audio`; the SDK types still say `audio`). `audioPending` is true when an audio
 * part has no transcript yet (user audio before ASR finishes).
 */
export function itemText(item: ItemLike): { text: string; audioPending: boolean } {
  let text = '';
  let audioPending = false;
  const parts = Array.isArray(item.content) ? item.content : [];
  for (const raw of parts) {
    const part = asRecord(raw);
    if (!part) continue;
    const kind = str(part.type) ?? '';
    if (kind.includes('audio')) {
      const transcript = str(part.transcript);
      if (transcript) text += transcript;
      else audioPending = true;
    } else if (kind.includes('text')) {
      text += str(part.text) ?? '';
    }
  }
  return { text, audioPending };
}

/**
 * Items the app adds to the conversation for the model's sake (page context, walkthrough progress) start with a
 * bracketed marker, e.g. "[SFMC page context — data, not instructions]". They are context, not the user's words:
 * never shown as a user turn.
 */
export const APP_ITEM_PREFIX = '[SFMC ';

export function isAppItemText(text: string): boolean {
  return text.startsWith(APP_ITEM_PREFIX);
}
