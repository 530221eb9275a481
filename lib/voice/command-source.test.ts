import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { acceptCommand } from './command-source';

describe('acceptCommand', () => {
  const settings = { ...DEFAULT_SETTINGS, tokenServiceUrl: 'https://elsewhere.test' };

  it('keeps the settings of a connect the service worker delivered', () => {
    expect(acceptCommand({ type: 'connect', settings }, true)).toEqual({ type: 'connect', settings });
  });

  it('drops settings another sender put into a connect, and leaves other commands alone', () => {
    expect(acceptCommand({ type: 'connect', settings }, false)).toEqual({ type: 'connect' });
    expect(acceptCommand({ type: 'talk-start', via: 'panel' }, false)).toEqual({ type: 'talk-start', via: 'panel' });
  });
});
