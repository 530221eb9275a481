/**
 * List prices per Realtime model (USD per 1M tokens), and which row a session's model bills at. Dated snapshots
 * (`gpt-realtime-2-2026-05-07`) and unknown siblings bill at their family's row: the longest known name that the
 * model starts with, else gpt-realtime's (never zero, so a new model's cost is not hidden).
 *
 * Sources: gpt-realtime's row is the price table this app shipped with; gpt-realtime-2.1-mini's is OpenAI's model
 * page as of December 2026 (docs/realtime-protocol.md#cost-and-truncation), with its cached-audio price used for all cached input.
 * gpt-realtime-mini and gpt-realtime-2 carry gpt-realtime's figures until someone enters their list prices in
 * settings ("Prices").
 */

/** USD per 1M tokens, by kind. */
export interface PriceTable {
  audioInput: number;
  audioOutput: number;
  textInput: number;
  textOutput: number;
  cachedInput: number;
}

export const PRICED_MODELS = ['gpt-realtime', 'gpt-realtime-mini', 'gpt-realtime-2', 'gpt-realtime-2.1-mini'] as const;
export type PricedModel = (typeof PRICED_MODELS)[number];
export type ModelPrices = Record<PricedModel, PriceTable>;

const GPT_REALTIME: PriceTable = { audioInput: 32, audioOutput: 64, textInput: 4, textOutput: 16, cachedInput: 0.4 };

export const DEFAULT_MODEL_PRICES: ModelPrices = {
  'gpt-realtime': GPT_REALTIME,
  'gpt-realtime-mini': { ...GPT_REALTIME },
  'gpt-realtime-2': { ...GPT_REALTIME },
  'gpt-realtime-2.1-mini': { audioInput: 10, audioOutput: 20, textInput: 0.6, textOutput: 2.4, cachedInput: 0.3 },
};

/** The row a model bills at (see the header). */
export function pricedModelOf(model: string | undefined): PricedModel {
  const name = (model ?? '').toLowerCase();
  let best: PricedModel = 'gpt-realtime';
  for (const known of PRICED_MODELS) {
    if ((name === known || name.startsWith(`${known}-`)) && known.length > best.length) best = known;
  }
  // gpt-realtime-2.1 (not -mini) is priced like gpt-realtime-2 until it has a row of its own.
  if (best === 'gpt-realtime' && /^gpt-realtime-2(\.\d+)?(-|$)/.test(name)) best = 'gpt-realtime-2';
  return best;
}

/** The prices a session on `model` bills at; rows missing from `table` (saved before a model existed) use defaults. */
export function pricesFor(model: string | undefined, table: Partial<ModelPrices> | undefined): PriceTable {
  const key = pricedModelOf(model);
  return { ...DEFAULT_MODEL_PRICES[key], ...table?.[key] };
}

export function isPriceTable(value: unknown): value is PriceTable {
  const v = value as Partial<PriceTable> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    (['audioInput', 'audioOutput', 'textInput', 'textOutput', 'cachedInput'] as const).every(
      (k) => typeof v[k] === 'number',
    )
  );
}
