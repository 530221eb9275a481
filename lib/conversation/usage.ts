/**
 * Per-session token and cost totals from `response.done.response.usage`. Prices are USD per 1M tokens.
 * Cached input tokens are a subset of input tokens and are billed at `cachedInput` instead of the text/audio rate.
 */
import type { RealtimeResponseUsage } from 'openai/resources/realtime/realtime';
import type { PriceTable } from '@/lib/settings';
import type { UsageTotals } from '@/lib/voice/types';

export function emptyUsage(): UsageTotals {
  return {
    inputTokens: 0,
    outputTokens: 0,
    inputAudioTokens: 0,
    outputAudioTokens: 0,
    inputTextTokens: 0,
    outputTextTokens: 0,
    cachedTokens: 0,
    responses: 0,
    costUsd: 0,
  };
}

const n = (value: number | undefined): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;

export function addUsage(
  totals: UsageTotals,
  usage: RealtimeResponseUsage | null | undefined,
  prices: PriceTable,
): UsageTotals {
  if (!usage) return { ...totals, responses: totals.responses + 1 };
  const inDetails = usage.input_token_details ?? {};
  const outDetails = usage.output_token_details ?? {};

  const inAudio = n(inDetails.audio_tokens);
  const inImage = n(inDetails.image_tokens);
  // Text is what the details say, or else whatever of input_tokens is not audio/image.
  const inText =
    inDetails.text_tokens !== undefined
      ? n(inDetails.text_tokens)
      : Math.max(0, n(usage.input_tokens) - inAudio - inImage);
  const inputTokens = Math.max(n(usage.input_tokens), inText + inAudio + inImage);

  const outAudio = n(outDetails.audio_tokens);
  const outText =
    outDetails.text_tokens !== undefined ? n(outDetails.text_tokens) : Math.max(0, n(usage.output_tokens) - outAudio);
  const outputTokens = Math.max(n(usage.output_tokens), outText + outAudio);

  const cached = Math.min(n(inDetails.cached_tokens), inputTokens);
  const split = inDetails.cached_tokens_details;
  let cachedAudio: number;
  let cachedText: number;
  if (split) {
    cachedAudio = Math.min(n(split.audio_tokens), inAudio);
    cachedText = Math.min(n(split.text_tokens) + n(split.image_tokens), inText + inImage);
  } else {
    // No split given: assume the cheaper text was cached first (never under-reports the cost).
    cachedText = Math.min(cached, inText + inImage);
    cachedAudio = Math.min(cached - cachedText, inAudio);
  }

  const perToken = (price: number) => price / 1_000_000;
  const cost =
    (inText + inImage - cachedText) * perToken(prices.textInput) +
    (inAudio - cachedAudio) * perToken(prices.audioInput) +
    (cachedText + cachedAudio) * perToken(prices.cachedInput) +
    outText * perToken(prices.textOutput) +
    outAudio * perToken(prices.audioOutput);

  return {
    inputTokens: totals.inputTokens + inputTokens,
    outputTokens: totals.outputTokens + outputTokens,
    inputAudioTokens: totals.inputAudioTokens + inAudio,
    outputAudioTokens: totals.outputAudioTokens + outAudio,
    inputTextTokens: totals.inputTextTokens + inText,
    outputTextTokens: totals.outputTextTokens + outText,
    cachedTokens: totals.cachedTokens + cached,
    responses: totals.responses + 1,
    costUsd: totals.costUsd + cost,
  };
}
