import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PRICES, pricedModelOf, pricesFor } from './prices';

describe('prices per model', () => {
  it('maps models and dated snapshots to their family row', () => {
    expect(pricedModelOf('gpt-realtime')).toBe('gpt-realtime');
    expect(pricedModelOf('gpt-realtime-2025-08-28')).toBe('gpt-realtime');
    expect(pricedModelOf('gpt-realtime-mini-2025-12-15')).toBe('gpt-realtime-mini');
    expect(pricedModelOf('gpt-realtime-2')).toBe('gpt-realtime-2');
    expect(pricedModelOf('gpt-realtime-2-2026-05-07')).toBe('gpt-realtime-2');
    expect(pricedModelOf('gpt-realtime-2.1')).toBe('gpt-realtime-2');
    expect(pricedModelOf('gpt-realtime-2.1-mini')).toBe('gpt-realtime-2.1-mini');
    expect(pricedModelOf(undefined)).toBe('gpt-realtime');
    expect(pricedModelOf('gpt-4o-realtime-preview')).toBe('gpt-realtime');
  });

  it('knows gpt-realtime-2.1-mini list prices', () => {
    expect(pricesFor('gpt-realtime-2.1-mini', DEFAULT_MODEL_PRICES)).toEqual({
      audioInput: 10,
      audioOutput: 20,
      textInput: 0.6,
      textOutput: 2.4,
      cachedInput: 0.3,
    });
  });

  it('uses the user-edited row, and defaults for rows saved before a model existed', () => {
    const table = { 'gpt-realtime-2': { ...DEFAULT_MODEL_PRICES['gpt-realtime-2'], audioOutput: 50 } };
    expect(pricesFor('gpt-realtime-2-2026-05-07', table).audioOutput).toBe(50);
    expect(pricesFor('gpt-realtime-2.1-mini', table)).toEqual(DEFAULT_MODEL_PRICES['gpt-realtime-2.1-mini']);
  });
});
