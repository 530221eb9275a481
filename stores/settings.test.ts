import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/settings';
import { useSettingsStore } from './settings';

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('settings store under an admin policy', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    setActivePinia(createPinia());
  });

  it('shows effective values, saves only what is not locked, and follows a policy change live', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, voice: 'ash' });
    await fakeBrowser.storage.managed.set({ voice: 'cedar', voiceLocked: true });
    const store = useSettingsStore();
    await store.load();
    expect(store.settings.voice).toBe('cedar');
    expect(store.settings.policy?.locked).toEqual(['voice']);

    await store.save({ voice: 'echo', language: 'ja' });
    const stored = await settingsItem.getValue();
    expect(stored).toMatchObject({ voice: 'ash', language: 'ja' }); // the locked field kept the user's own value
    expect(stored).not.toHaveProperty('policy');
    expect(store.settings).toMatchObject({ voice: 'cedar', language: 'ja' });

    await fakeBrowser.storage.managed.set({ voiceLocked: false });
    await tick();
    await tick();
    expect(store.settings.voice).toBe('ash');
    expect(store.settings.policy?.locked).toEqual([]);
  });
});
