import { describe, expect, it } from 'vitest';
import type { PriceTable } from '@/lib/settings';
import { addUsage, emptyUsage } from './usage';
import { USAGE_A } from './fixtures/orders';

const prices: PriceTable = { audioInput: 32, audioOutput: 64, textInput: 4, textOutput: 16, cachedInput: 0.4 };

describe('usage', () => {
  it('starts at zero', () => {
    expect(Object.values(emptyUsage()).every((v) => v === 0)).toBe(true);
  });

  it('bills cached tokens at the cached rate, split by cached_tokens_details', () => {
    const t = addUsage(emptyUsage(), USAGE_A, prices);
    expect(t).toMatchObject({
      inputTokens: 1200,
      outputTokens: 121,
      inputTextTokens: 1100,
      inputAudioTokens: 100,
      outputTextTokens: 30,
      outputAudioTokens: 91,
      cachedTokens: 1024,
      responses: 1,
    });
    // text: 100 uncached × $4 + audio: 76 uncached × $32 + 1024 cached × $0.4 + 30 × $16 + 91 × $64, per 1M
    const expected = (100 * 4 + 76 * 32 + 1024 * 0.4 + 30 * 16 + 91 * 64) / 1e6;
    expect(t.costUsd).toBeCloseTo(expected, 12);
  });

  it('without a cached split, counts cached tokens against text first', () => {
    const usage = {
      input_tokens: 300,
      output_tokens: 0,
      input_token_details: { text_tokens: 100, audio_tokens: 200, cached_tokens: 150 },
    };
    const t = addUsage(emptyUsage(), usage, prices);
    expect(t.costUsd).toBeCloseTo((150 * 0.4 + 150 * 32) / 1e6, 12);
  });

  it('treats input without details as text and accumulates over responses', () => {
    let t = addUsage(emptyUsage(), { input_tokens: 1000, output_tokens: 500 }, prices);
    expect(t).toMatchObject({ inputTextTokens: 1000, outputTextTokens: 500, cachedTokens: 0 });
    expect(t.costUsd).toBeCloseTo((1000 * 4 + 500 * 16) / 1e6, 12);
    t = addUsage(t, USAGE_A, prices);
    expect(t.responses).toBe(2);
    expect(t.inputTokens).toBe(2200);
  });

  it('counts a response without usage but adds no cost, and does not mutate', () => {
    const start = emptyUsage();
    const t = addUsage(start, null, prices);
    expect(t.responses).toBe(1);
    expect(t.costUsd).toBe(0);
    expect(start.responses).toBe(0);
  });
});
