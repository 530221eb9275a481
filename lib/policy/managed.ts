/**
 * Reads the admin policy from chrome.storage.managed and merges it over the stored user settings. Used by the
 * service worker (`settings/get`, so the engine gets effective settings) and by the panel's settings store.
 */
import { loadSettings, type Settings } from '@/lib/settings';
import { applyPolicy, parsePolicy, type Policy } from './policy';
import { currentIdToken } from '@/lib/sso/session';

/**
 * How long a read of managed storage may take before the extension goes on without a policy. Right after launch
 * Chromium can leave `storage.managed.get()` unanswered until its policy service is up (seen in headless runs); a
 * connect or a panel must not wait on it forever: the time counts from the read's start (the service worker starts one
 * as it starts), and once it is up, later callers go on without a policy at once while that read stays unanswered. A
 * read that answers late still reaches `watchPolicy` listeners.
 */
export const POLICY_READ_TIMEOUT_MS = 1500;

let pendingRead: { policy: Promise<Policy>; startedAt: number } | undefined;
/** A read that outlived its timeout and is still unanswered: later reads go on at once instead of waiting again. */
let stalledRead: Promise<Policy> | undefined;
const lateListeners = new Set<() => void>();

function readManaged(): { policy: Promise<Policy>; startedAt: number } {
  pendingRead ??= {
    policy: browser.storage.managed
      .get()
      .then(parsePolicy, () => ({}))
      .finally(() => (pendingRead = undefined)),
    startedAt: Date.now(),
  };
  return pendingRead;
}

/** The policy Chrome loaded for this extension ({} when none, when managed storage is unavailable or does not answer). */
export async function loadPolicy(timeoutMs = POLICY_READ_TIMEOUT_MS): Promise<Policy> {
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const { policy: read, startedAt } = readManaged();
  if (read === stalledRead) return {};
  // A caller that joins a read already under way waits only for what is left of that read's time.
  const left = Math.max(0, startedAt + timeoutMs - Date.now());
  const timeout = new Promise<Policy>((resolve) => {
    timer = setTimeout(() => ((timedOut = true), (stalledRead = read), resolve({})), left);
  });
  void read.then((policy) => {
    if (timedOut && Object.keys(policy).length > 0) for (const listener of lateListeners) listener();
  });
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** User settings with the policy applied, its view attached, and the signed-in user's ID token when valid. */
export async function loadEffectiveSettings(): Promise<Settings> {
  const [user, policy] = await Promise.all([loadSettings(), loadPolicy()]);
  const { settings, view } = applyPolicy(user, policy);
  const idToken = view.oidc ? await currentIdToken(view.oidc) : undefined;
  return { ...settings, policy: view, ...(idToken ? { idToken } : {}) };
}

/** Calls back whenever an admin's policy changes while the extension runs (storage area `managed`), or a read that timed out answers with a policy. */
export function watchPolicy(onChange: () => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') onChange();
  };
  browser.storage.onChanged.addListener(listener);
  lateListeners.add(onChange);
  return () => {
    browser.storage.onChanged.removeListener(listener);
    lateListeners.delete(onChange);
  };
}
