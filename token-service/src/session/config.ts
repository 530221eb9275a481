/** Builds the server-authoritative session the ephemeral key is minted with, typed by the openai SDK. */
import type { ClientSecretCreateParams } from 'openai/resources/realtime/client-secrets';
import type {
  RealtimeAudioInputTurnDetection,
  RealtimeReasoningEffort,
  RealtimeTruncation,
} from 'openai/resources/realtime/realtime';
import { INSTRUCTOR_TOOLS } from '../../../contract/tools';
import { renderInstructions } from './instructions';
import { supportsReasoning } from './models';

import type { Mode, Voice } from '../../../contract/session';

export { MODES, VOICES, type Mode, type Voice } from '../../../contract/session';

export const TRANSCRIPTION_MODEL = 'gpt-4o-mini-transcribe';
export const SFMC_VOCABULARY_PROMPT =
  'Salesforce Marketing Cloud (SFMC) vocabulary: AMPscript, SSJS, Server-Side JavaScript, WSProxy, Journey Builder, ' +
  'Data Extension, sendable data extension, Automation Studio, Query Activity, SQL, data views, _Sent, _Open, _Click, ' +
  'Contact Builder, Data Designer, attribute group, Subscriber Key, Contact Key, All Subscribers, Content Builder, ' +
  'content block, Email Studio, CloudPages, Smart Capture, Mobile Studio, MobilePush, send classification, ' +
  'sender profile, delivery profile, publication list, business unit, MID, Lookup, LookupRows, AttributeValue, ' +
  'RaiseError, Preview and Test, installed package, REST API, SOAP API.';

export const HANDS_FREE_TURN_DETECTION: RealtimeAudioInputTurnDetection = {
  type: 'semantic_vad',
  eagerness: 'auto',
  create_response: true,
  interrupt_response: true,
};

export interface SessionChoice {
  voice: Voice;
  /** ISO-639-1, lower case. */
  language: string;
  languageLabel: string;
  mode: Mode;
}

/** The server's own session settings, from the environment (env.ts). */
export interface SessionPolicy {
  model: string;
  ttlSeconds: number;
  /** Applied only when the model reasons (the gpt-realtime-2 family); other models refuse the field. */
  reasoningEffort?: RealtimeReasoningEffort;
  /** Retention-ratio truncation; undefined leaves `truncation` out, i.e. the API's default `auto`. */
  truncation?: { retentionRatio: number; postInstructionsTokens?: number | undefined } | undefined;
}

/**
 * `session.truncation` in the GA shape (`RealtimeTruncationRetentionRatio`): when the conversation outgrows the limit,
 * drop old items until `retention_ratio` of it is left, so truncation happens rarely and the prompt cache keeps hitting
 * in between. `token_limits.post_instructions` lowers the limit itself below the model's context window.
 */
export function truncationOf(t: SessionPolicy['truncation']): RealtimeTruncation | undefined {
  if (!t) return undefined;
  return {
    type: 'retention_ratio',
    retention_ratio: t.retentionRatio,
    ...(t.postInstructionsTokens ? { token_limits: { post_instructions: t.postInstructionsTokens } } : {}),
  };
}

export function buildClientSecretParams(choice: SessionChoice, opts: SessionPolicy): ClientSecretCreateParams {
  const truncation = truncationOf(opts.truncation);
  const reasoning =
    opts.reasoningEffort && supportsReasoning(opts.model) ? { effort: opts.reasoningEffort } : undefined;
  return {
    expires_after: { anchor: 'created_at', seconds: opts.ttlSeconds },
    session: {
      type: 'realtime',
      model: opts.model,
      instructions: renderInstructions(choice.languageLabel),
      output_modalities: ['audio'],
      audio: {
        input: {
          noise_reduction: { type: 'near_field' },
          transcription: { model: TRANSCRIPTION_MODEL, language: choice.language, prompt: SFMC_VOCABULARY_PROMPT },
          turn_detection: choice.mode === 'hands-free' ? HANDS_FREE_TURN_DETECTION : null,
        },
        output: { voice: choice.voice },
      },
      tools: [...INSTRUCTOR_TOOLS],
      tool_choice: 'auto',
      ...(reasoning ? { reasoning } : {}),
      ...(truncation ? { truncation } : {}),
    },
  };
}
