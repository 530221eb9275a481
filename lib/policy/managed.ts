/**
 * Reads the admin policy from chrome.storage.managed and merges it over the stored user settings. Used by the
 * service worker (`settings/get`, so the engine gets effective settings) and by the panel's settings store.
 */
import { loadSettings, type Settings } from '@/lib/settings';
import { applyPolicy, parsePolicy, type Policy } from './policy';
import { currentIdToken } from '@/lib/sso/session';

/** The policy Chrome loaded for this extension ({} when none, or when managed storage is unavailable). */
export async function loadPolicy(): Promise<Policy> {
  try {
    return parsePolicy(await browser.storage.managed.get());
  } catch {
    return {};
  }
}

/** User settings with the policy applied, its view attached, and the signed-in user's ID token when valid. */
export async function loadEffectiveSettings(): Promise<Settings> {
  const [user, policy] = await Promise.all([loadSettings(), loadPolicy()]);
  const { settings, view } = applyPolicy(user, policy);
  const idToken = view.oidc ? await currentIdToken(view.oidc) : undefined;
  return { ...settings, policy: view, ...(idToken ? { idToken } : {}) };
}

/** Calls back whenever an admin's policy changes while the extension runs (storage area `managed`). */
export function watchPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
