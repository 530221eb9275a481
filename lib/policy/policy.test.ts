import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { allowedPatch, applyPolicy, parsePolicy } from './policy';

const user = (patch: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, language: 'en', ...patch });

describe('parsePolicy', () => {
  it('keeps known keys of the right type and drops the rest', () => {
    expect(
      parsePolicy({
        voice: 'cedar',
        mode: 'walkie-talkie',
        language: 'xx',
        sessionCapMinutes: -3,
        idleDisconnectMinutes: 5,
        tokenServiceUrl: ' https://t.example ',
        extra: 1,
        pointingAllowed: 'no',
      }),
    ).toEqual({
      voice: 'cedar',
      idleDisconnectMinutes: 5,
      tokenServiceUrl: 'https://t.example',
    });
    expect(parsePolicy(null)).toEqual({});
    expect(parsePolicy('x')).toEqual({});
  });
});

describe('applyPolicy', () => {
  it('a locked value wins over the user and is reported locked', () => {
    const { settings, view } = applyPolicy(user({ voice: 'ash', language: 'fr' }), {
      voice: 'cedar',
      voiceLocked: true,
      language: 'de',
      languageLocked: true,
    });
    expect(settings.voice).toBe('cedar');
    expect(settings.language).toBe('de');
    expect(view.locked.sort()).toEqual(['language', 'voice']);
  });

  it('an unlocked value is the default: it applies until the user chose their own', () => {
    expect(applyPolicy(user(), { voice: 'cedar' }).settings.voice).toBe('cedar');
    const chosen = applyPolicy(user({ voice: 'ash' }), { voice: 'cedar' });
    expect(chosen.settings.voice).toBe('ash');
    expect(chosen.view.locked).toEqual([]);
  });

  it('locks the token service URL and access key whenever set, and maps the session cap', () => {
    const { settings, view } = applyPolicy(user({ accessKey: 'mine-0123456789abcdef', minutesCap: 0 }), {
      tokenServiceUrl: 'https://t.example',
      accessKey: 'org-key-0123456789',
      sessionCapMinutes: 45,
      sessionCapMinutesLocked: true,
    });
    expect(settings).toMatchObject({
      tokenServiceUrl: 'https://t.example',
      accessKey: 'org-key-0123456789',
      minutesCap: 45,
    });
    expect(view.locked.sort()).toEqual(['accessKey', 'minutesCap', 'tokenServiceUrl']);
  });

  it('hands-free not allowed forces and locks push-to-talk; pointing and OIDC are reported', () => {
    const { settings, view } = applyPolicy(user({ mode: 'hands-free' }), {
      handsFreeAllowed: false,
      pointingAllowed: false,
      oidcIssuer: 'https://id.example',
      oidcClientId: 'c1',
    });
    expect(settings.mode).toBe('push-to-talk');
    expect(view).toEqual({
      locked: ['mode'],
      handsFreeAllowed: false,
      pointingAllowed: false,
      oidc: { issuer: 'https://id.example', clientId: 'c1' },
    });
  });

  it('no policy changes nothing', () => {
    const u = user({ voice: 'ash', sharePageContext: false });
    expect(applyPolicy(u, {})).toEqual({
      settings: u,
      view: { locked: [], handsFreeAllowed: true, pointingAllowed: true },
    });
  });
});

describe('allowedPatch', () => {
  it('drops locked keys and refuses hands-free when not allowed', () => {
    const view = { locked: ['voice' as const], handsFreeAllowed: false, pointingAllowed: true };
    expect(allowedPatch({ voice: 'ash', language: 'de', mode: 'hands-free' }, view)).toEqual({ language: 'de' });
    expect(allowedPatch({ mode: 'push-to-talk' }, view)).toEqual({ mode: 'push-to-talk' });
  });
});
