/** Shared vitest setup for the WebRTC test files: one emulator per file on port 0, clients closed after each test. */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startEmulator, type RunningEmulator } from './index.ts';
import { synthesize } from './speech.ts';
import { TestClient, mintKey, type ServerEvent } from './test-client.ts';

export interface Harness {
  emu: RunningEmulator;
  url: string;
  /** Mints a key for `session` and connects a client; throws unless 201. */
  connect(session?: Record<string, unknown>): Promise<TestClient>;
  script(replies: unknown[]): Promise<void>;
  faults(f: Record<string, unknown>): Promise<Response>;
  received(): Promise<{
    calls: {
      id: string;
      clientEvents: Record<string, unknown>[];
      mic: { receivedMs: number; rmsWhileLive: number; peak: number; commits: { durationMs: number; rms: number }[] };
      closed: boolean;
    }[];
    keysMinted: number;
    keysUsed: number;
  }>;
}

export const PTT_SESSION = { type: 'realtime', audio: { input: { turn_detection: null } } };

/** The user's question as real speech (espeak), 48 kHz mono. */
export function question(text = 'How do I set up re-entry for my journey?'): Promise<Int16Array> {
  return synthesize(text, 'ash', 1);
}

export function useEmulator(): Harness {
  const clients: TestClient[] = [];
  const h = {} as Harness;
  beforeAll(async () => {
    h.emu = await startEmulator({ port: 0, log: false });
    h.url = h.emu.url;
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await fetch(`${h.url}/__emulator/reset`, { method: 'POST' });
  });
  afterAll(async () => {
    await h.emu.close();
    // No ndc.cleanup(): it can time out ("possible deadlock") while retained peers exist; vitest ends the fork.
  });
  h.connect = async (session = PTT_SESSION) => {
    const { client, status, body } = await TestClient.connect(h.url, await mintKey(h.url, session));
    if (!client) throw new Error(`connect failed: ${status} ${body}`);
    clients.push(client);
    await client.waitFor('session.created');
    return client;
  };
  h.script = async (replies) => {
    const res = await fetch(`${h.url}/__emulator/script`, {
      method: 'POST',
      body: JSON.stringify({ replies }),
      headers: { 'Content-Type': 'application/json' },
    });
    if (res.status !== 200) throw new Error(`script failed ${res.status}`);
  };
  h.faults = (f) =>
    fetch(`${h.url}/__emulator/faults`, {
      method: 'POST',
      body: JSON.stringify(f),
      headers: { 'Content-Type': 'application/json' },
    });
  h.received = async () => (await fetch(`${h.url}/__emulator/received`)).json() as ReturnType<Harness['received']>;
  return h;
}

/** Event types with runs of the same delta type collapsed to one entry and transcription events dropped. */
export function shape(events: ServerEvent[]): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.type.startsWith('conversation.item.input_audio_transcription.')) continue;
    if (e.type.endsWith('.delta') && out.at(-1) === e.type) continue;
    out.push(e.type);
  }
  return out;
}

export const RESPONSE_ORDER = [
  'response.created',
  'response.output_item.added',
  'conversation.item.added',
  'response.content_part.added',
  'output_audio_buffer.started',
  'response.output_audio_transcript.delta',
  'response.output_audio.done',
  'response.output_audio_transcript.done',
  'response.content_part.done',
  'response.output_item.done',
  'conversation.item.done',
  'response.done',
  'rate_limits.updated',
  'output_audio_buffer.stopped',
];
