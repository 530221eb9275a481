/** The user's settings, loaded from and saved to wxt/storage (lib/settings.ts). */
import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import { DEFAULT_SETTINGS, loadSettings, settingsItem, type Settings } from '@/lib/settings';

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS });
  const loaded = ref(false);
  let unwatch: (() => void) | undefined;

  async function load(): Promise<void> {
    settings.value = await loadSettings();
    loaded.value = true;
    unwatch ??= settingsItem.watch((next) => {
      if (next) settings.value = { ...DEFAULT_SETTINGS, ...next };
    });
  }
  async function save(patch: Partial<Settings>): Promise<void> {
    settings.value = { ...settings.value, ...patch };
    await settingsItem.setValue(settings.value);
  }
  return { settings, loaded, load, save };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot));
