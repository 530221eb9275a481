import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, settingsMigrations } from './settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates v1 (tokenUrl, no prices) to v2 keeping what the user set', () => {
    const v2 = settingsMigrations[2]({
      tokenUrl: 'https://tokens.example.com',
      accessKey: 'k-123',
      voice: 'cedar',
      mode: 'hands-free',
    });
    expect(v2.tokenServiceUrl).toBe('https://tokens.example.com');
    expect(v2.accessKey).toBe('k-123');
    expect(v2.voice).toBe('cedar');
    expect(v2.mode).toBe('hands-free');
    expect(v2.prices).toEqual(DEFAULT_SETTINGS.prices);
    expect(v2).not.toHaveProperty('tokenUrl');
  });

  it('falls back to the default URL when v1 had none', () => {
    expect(settingsMigrations[2]({}).tokenServiceUrl).toBe(DEFAULT_SETTINGS.tokenServiceUrl);
  });

  it('runs the migration on stored v1 data through wxt/storage', async () => {
    await fakeBrowser.storage.local.set({
      settings: { tokenUrl: 'https://old.example.com', language: 'de' },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const s = await loadSettings();
    expect(s.tokenServiceUrl).toBe('https://old.example.com');
    expect(s.language).toBe('de');
    expect((await fakeBrowser.storage.local.get('settings$'))['settings$']).toEqual({ v: 3 });
  });

  it('fills fields added later with defaults', async () => {
    await fakeBrowser.storage.local.set({
      settings: { tokenServiceUrl: 'https://x.example.com' },
      settings$: { v: 2 },
    });
    const s = await loadSettings();
    expect(s.holdKey).toBe('F9');
    expect(s.sharePageContext).toBe(true);
  });

  it("migrates v2 (one price table) to v3: the edited table stays gpt-realtime's, other models get list prices, caps default", () => {
    const edited = { audioInput: 40, audioOutput: 80, textInput: 5, textOutput: 20, cachedInput: 0.5 };
    const v3 = settingsMigrations[3]({ tokenServiceUrl: 'https://t.example.com', voice: 'cedar', prices: edited });
    expect(v3.prices['gpt-realtime']).toEqual(edited);
    expect(v3.prices['gpt-realtime-2.1-mini']).toEqual(DEFAULT_SETTINGS.prices['gpt-realtime-2.1-mini']);
    expect(v3.voice).toBe('cedar');
    expect(v3.costCapUsd).toBe(DEFAULT_SETTINGS.costCapUsd);
    expect(v3.panelClosedDisconnectMinutes).toBe(10);
  });

  it('runs v1 → v3 through wxt/storage and ends with per-model prices', async () => {
    await fakeBrowser.storage.local.set({ settings: { tokenUrl: 'https://old.example.com' }, settings$: { v: 1 } });
    await settingsItem.migrate();
    const s = await loadSettings();
    expect(Object.keys(s.prices).sort()).toEqual([
      'gpt-realtime',
      'gpt-realtime-2',
      'gpt-realtime-2.1-mini',
      'gpt-realtime-mini',
    ]);
  });
});
