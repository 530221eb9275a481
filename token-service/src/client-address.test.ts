import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { clientAddress, expandIPv6, isLoopback, limitKey, normaliseAddress } from './client-address';

describe('client addresses', () => {
  it.each([
    ['127.0.0.1', '127.0.0.1'],
    [' 198.51.100.4 ', '198.51.100.4'],
    ['198.51.100.4:5678', '198.51.100.4'],
    ['::ffff:198.51.100.4', '198.51.100.4'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['256.1.1.1', undefined],
    ['1.2.3', undefined],
    ['2001:db8::1::2', undefined],
    ['hello', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseAddress(raw)).toBe(expected);
  });

  it('expands IPv6, embedded IPv4 included', () => {
    expect(expandIPv6('2001:db8::1')).toEqual([0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
    expect(expandIPv6('::')).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(expandIPv6('64:ff9b::192.0.2.33')).toEqual([0x64, 0xff9b, 0, 0, 0, 0, 0xc000, 0x0221]);
    expect(expandIPv6('1:2:3:4:5:6:7:8')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(expandIPv6('1:2:3:4:5:6:7:8:9')).toBeUndefined();
    expect(expandIPv6('1:2:3:4:5:6:7::8')).toBeUndefined();
  });

  it('knows loopback', () => {
    for (const a of ['127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1'])
      expect(isLoopback(a), a).toBe(true);
    for (const a of ['128.0.0.1', '::2', '10.0.0.1', '', undefined, 'localhost'])
      expect(isLoopback(a), String(a)).toBe(false);
  });

  it('buckets IPv4 per address and IPv6 per /64', () => {
    expect(limitKey('198.51.100.4')).toBe('198.51.100.4');
    expect(limitKey('2001:db8:a:b::1')).toBe(limitKey('2001:db8:a:b:1:2:3:4'));
    expect(limitKey('2001:db8:a:b::1')).not.toBe(limitKey('2001:db8:a:c::1'));
    expect(limitKey(undefined)).toBe('unknown');
  });

  it('reads the trusted header (last entry) only when configured', async () => {
    const seen: (string | undefined)[] = [];
    const app = new Hono();
    app.get('/', (c) => {
      seen.push(clientAddress(c, { socketAddress: () => '10.0.0.1' }));
      seen.push(clientAddress(c, { trustedProxyHeader: 'x-forwarded-for', socketAddress: () => '10.0.0.1' }));
      return c.text('ok');
    });
    await app.request('/', { headers: { 'x-forwarded-for': '1.1.1.1, 203.0.113.5' } });
    await app.request('/');
    expect(seen).toEqual(['10.0.0.1', '203.0.113.5', '10.0.0.1', '10.0.0.1']);
  });
});
