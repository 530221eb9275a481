import { describe, expect, it, vi } from 'vitest';
import { createEmitter } from './emitter';

describe('createEmitter', () => {
  it('delivers to every listener of a name, in order, until unsubscribed', () => {
    const e = createEmitter<{ a: number; b: string }>();
    const seen: string[] = [];
    const off = e.on('a', (n) => void seen.push(`1:${n}`));
    e.on('a', (n) => void seen.push(`2:${n}`));
    e.on('b', (s) => void seen.push(`b:${s}`));
    e.emit('a', 1);
    off();
    e.emit('a', 2);
    expect(seen).toEqual(['1:1', '2:1', '2:2']);
  });

  it('keeps going when a listener throws or rejects, and logs it', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const e = createEmitter<{ a: undefined }>();
    const after = vi.fn();
    e.on('a', () => {
      throw new Error('sync');
    });
    e.on('a', async () => Promise.reject(new Error('async')));
    e.on('a', after);
    expect(() => e.emit('a', undefined)).not.toThrow();
    await new Promise((r) => setTimeout(r, 0));
    expect(after).toHaveBeenCalledOnce();
    expect(error).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });
});
