/**
 * The user's settings, loaded from and saved to wxt/storage (lib/settings.ts), with the admin policy applied
 * (lib/policy): the panel shows the effective values, locked ones cannot be saved, and a policy change applies live.
 * Also the organisation sign-in (lib/sso) when the policy names an OpenID Connect provider.
 */
import { acceptHMRUpdate, defineStore } from 'pinia';
import { ref } from 'vue';
import { loadSettings, settingsItem, DEFAULT_SETTINGS, type Settings } from '@/lib/settings';
import { allowedPatch, applyPolicy, NO_POLICY_VIEW, type Policy } from '@/lib/policy/policy';
import { loadPolicy, watchPolicy } from '@/lib/policy/managed';
import { signInWithBrowser, signOut as ssoSignOut, ssoSessionItem } from '@/lib/sso/session';
import type { SsoSession } from '@/lib/sso/oidc';

export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS, policy: NO_POLICY_VIEW });
  const loaded = ref(false);
  const session = ref<SsoSession | null>(null);
  const signInError = ref<string | null>(null);
  let user: Settings = { ...DEFAULT_SETTINGS };
  let policy: Policy = {};
  let unwatch: (() => void) | undefined;

  function merge(): void {
    const { settings: effective, view } = applyPolicy(user, policy);
    settings.value = { ...effective, policy: view };
  }
  async function load(): Promise<void> {
    [user, policy, session.value] = await Promise.all([loadSettings(), loadPolicy(), ssoSessionItem.getValue()]);
    merge();
    loaded.value = true;
    if (unwatch) return;
    const stops = [
      settingsItem.watch((next) => {
        if (!next) return;
        user = { ...DEFAULT_SETTINGS, ...next };
        merge();
      }),
      watchPolicy(() => void loadPolicy().then((p) => ((policy = p), merge()))),
      ssoSessionItem.watch((next) => (session.value = next)),
    ];
    unwatch = () => stops.forEach((stop) => stop());
  }
  /** Saves what the policy allows; a locked field keeps the organisation's value. */
  async function save(patch: Partial<Settings>): Promise<void> {
    const allowed = allowedPatch(patch, settings.value.policy ?? NO_POLICY_VIEW);
    if (Object.keys(allowed).length === 0) return;
    const { policy: _view, idToken: _token, ...stored } = { ...(await loadSettings()), ...allowed };
    user = stored;
    merge();
    await settingsItem.setValue(stored);
  }
  async function signIn(): Promise<void> {
    const oidc = settings.value.policy?.oidc;
    if (!oidc) return;
    signInError.value = null;
    try {
      session.value = await signInWithBrowser(oidc);
    } catch (e) {
      signInError.value = e instanceof Error ? e.message : String(e);
    }
  }
  async function signOut(): Promise<void> {
    await ssoSignOut();
    session.value = null;
  }
  return { settings, loaded, load, save, session, signInError, signIn, signOut };
});

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSettingsStore, import.meta.hot));
