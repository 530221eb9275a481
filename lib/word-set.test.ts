import { describe, expect, it } from 'vitest';
import { wordSet } from './word-set';

describe('wordSet', () => {
  it('holds each word of a space-separated list once, whatever the spacing', () => {
    expect([...wordSet(' a b  a\nc ')]).toEqual(['a', 'b', 'c']);
  });
});
