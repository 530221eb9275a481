/**
 * "Practice" badge: the token service sends us to a Realtime stand-in on this machine. Known for sure once a session
 * has started (its endpoint), and before that from the token service's /health (`practice: true`), so the badge is
 * there from the first look at the panel.
 */
import { computed, ref, watch, type Ref } from 'vue';

const LOOPBACK = /^https?:\/\/(127\.|localhost|\[::1\])/;

export function usePracticeMode(tokenServiceUrl: Ref<string>, endpoint: Ref<string | undefined>) {
  const fromHealth = ref(false);
  watch(
    tokenServiceUrl,
    async (url) => {
      fromHealth.value = false;
      try {
        const r = await fetch(`${url.replace(/\/+$/, '')}/health`, {
          cache: 'no-store',
          signal: AbortSignal.timeout(3_000),
        });
        fromHealth.value = r.ok && ((await r.json()) as { practice?: unknown }).practice === true;
      } catch {
        // not reachable (yet): the badge follows the session's endpoint once connected
      }
    },
    { immediate: true },
  );
  return computed(() => (endpoint.value ? LOOPBACK.test(endpoint.value) : fromHealth.value));
}
