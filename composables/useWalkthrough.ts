/**
 * The walkthrough as the panel sees it: mirrored from extension storage (the service worker's controller writes it),
 * so closing and reopening the panel, a reconnect or a service-worker restart lose nothing. Buttons go back to the
 * controller as commands.
 */
import { shallowRef } from 'vue';
import { tryOnScopeDispose } from '@vueuse/core';
import { sendTo } from '@/lib/messaging/protocol';
import { walkthroughItem } from '@/lib/settings';
import type { PanelAction } from '@/lib/walkthrough/controller';
import { restoreWalkthrough, type Walkthrough } from '@/lib/walkthrough/state';

export function useWalkthrough() {
  const walkthrough = shallowRef<Walkthrough | null>(null);
  const set = (stored: unknown) =>
    (walkthrough.value = restoreWalkthrough((stored as { walkthrough?: unknown } | null)?.walkthrough));
  void walkthroughItem.getValue().then(set, () => undefined);
  tryOnScopeDispose(walkthroughItem.watch(set));

  async function act(action: PanelAction): Promise<void> {
    const next = await sendTo('background', 'walkthrough/command', { action }).catch(() => undefined);
    if (next !== undefined) walkthrough.value = next;
  }
  return { walkthrough, act };
}
