/**
 * The effective session object: GA defaults (docs/realtime-protocol.md#session-shape) and the merge rules of
 * `session.update` (only present fields change; nested objects merge; `null` clears; a new turn_detection object gets
 * the defaults of its type).
 */
import { randomId } from './ids.ts';

type Obj = Record<string, unknown>;

export interface TurnDetection {
  type: 'server_vad' | 'semantic_vad';
  threshold?: number;
  prefix_padding_ms?: number;
  silence_duration_ms?: number;
  idle_timeout_ms?: number | null;
  eagerness?: 'low' | 'medium' | 'high' | 'auto';
  create_response: boolean;
  interrupt_response: boolean;
}

export interface EffectiveSession {
  type: 'realtime' | 'transcription';
  object: string;
  id: string;
  model: string;
  output_modalities: ('audio' | 'text')[];
  instructions: string;
  tools: Obj[];
  tool_choice: unknown;
  max_output_tokens: number | 'inf';
  tracing: unknown;
  truncation: unknown;
  prompt: unknown;
  expires_at: number;
  include: unknown;
  audio: {
    input: {
      format: Obj;
      transcription: Obj | null;
      noise_reduction: Obj | null;
      turn_detection: TurnDetection | null;
    };
    output: { format: Obj; voice: string | Obj; speed: number };
  };
  [extra: string]: unknown;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function turnDetectionDefaults(type: string): TurnDetection {
  return type === 'semantic_vad'
    ? { type: 'semantic_vad', eagerness: 'auto', create_response: true, interrupt_response: true }
    : {
        type: 'server_vad',
        threshold: 0.5,
        prefix_padding_ms: 300,
        silence_duration_ms: 200,
        idle_timeout_ms: null,
        create_response: true,
        interrupt_response: true,
      };
}

export function defaultSession(): EffectiveSession {
  return {
    type: 'realtime',
    object: 'realtime.session',
    id: randomId('sess'),
    model: 'gpt-realtime',
    output_modalities: ['audio'],
    instructions: '',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    expires_at: 0,
    audio: {
      input: {
        format: { type: 'audio/pcm', rate: 24000 },
        transcription: null,
        noise_reduction: null,
        turn_detection: turnDetectionDefaults('server_vad'),
      },
      output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy', speed: 1.0 },
    },
    include: null,
  };
}

function fillFormat(f: unknown): Obj {
  const o = f as Obj;
  return o.type === 'audio/pcm' ? { type: 'audio/pcm', rate: 24000 } : { type: o.type };
}

/** Applies an already validated session patch to a copy of `base`. */
export function applySessionPatch(base: EffectiveSession, patch: Obj): EffectiveSession {
  const next = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'audio') continue;
    if (key === 'type' && value === 'transcription') {
      next.type = 'transcription';
      next.object = 'realtime.transcription_session';
      continue;
    }
    (next as Obj)[key] = structuredClone(value);
  }
  const audio = patch.audio as Obj | undefined;
  const input = audio?.input as Obj | undefined;
  const output = audio?.output as Obj | undefined;
  if (input) {
    const into = next.audio.input;
    if (input.format !== undefined) into.format = fillFormat(input.format);
    if (input.noise_reduction !== undefined) into.noise_reduction = input.noise_reduction as Obj | null;
    if (input.transcription !== undefined) {
      into.transcription = isObj(input.transcription)
        ? { model: 'whisper-1', language: null, prompt: null, ...input.transcription }
        : null;
      if (into.transcription && 'language' in into.transcription && into.transcription.language === null)
        delete into.transcription.language;
      if (into.transcription && into.transcription.prompt === null) delete into.transcription.prompt;
    }
    if (input.turn_detection !== undefined) {
      const td = input.turn_detection as Obj | null;
      into.turn_detection = td ? ({ ...turnDetectionDefaults(String(td.type)), ...td } as TurnDetection) : null;
    }
  }
  if (output) {
    const into = next.audio.output;
    if (output.format !== undefined) into.format = fillFormat(output.format);
    if (output.voice !== undefined) into.voice = output.voice as string | Obj;
    if (output.speed !== undefined) into.speed = output.speed as number;
  }
  return next;
}

export function voiceName(session: EffectiveSession): string {
  const v = session.audio.output.voice;
  return typeof v === 'string' ? v : String((v as Obj).id ?? 'alloy');
}
