import { describe, expect, it } from 'vitest';
import { isLoopbackHost, tokenServiceUrlProblem } from './endpoint-policy';

describe('tokenServiceUrlProblem', () => {
  it.each([
    'https://tokens.example.com',
    'https://tokens.example.com:8443/base',
    'http://127.0.0.1:8787',
    'http://localhost:8787',
    'http://[::1]:8787',
    'http://127.3.4.5',
  ])('accepts %s', (url) => expect(tokenServiceUrlProblem(url)).toBeNull());

  it.each([
    ['http://tokens.example.com', /https:\/\//],
    ['http://10.0.0.5:8787', /https:\/\//],
    ['http://127.0.0.1.evil.example', /https:\/\//],
    ['ftp://tokens.example.com', /must start with https/],
    ['javascript:alert(1)', /must start with https/],
    ['tokens.example.com', /not a web address/],
    ['https://user:pw@tokens.example.com', /user name or password/],
  ])('refuses %s', (url, why) => expect(tokenServiceUrlProblem(url)).toMatch(why));

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('api.localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.nip.io')).toBe(false);
  });
});
