/** Hold-to-talk inside the side panel: the on-screen button and the Space key while the panel has focus. */
import { useEventListener } from '@vueuse/core';
import type { EngineCommand } from '@/lib/voice/types';

export function useHoldToTalk(command: (cmd: EngineCommand) => unknown) {
  let held = false;
  function press(): void {
    if (held) return;
    held = true;
    void command({ type: 'talk-start', via: 'panel' });
  }
  function release(): void {
    if (!held) return;
    held = false;
    void command({ type: 'talk-end', via: 'panel' });
  }
  const typing = (e: KeyboardEvent) =>
    e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]');
  useEventListener(window, 'keydown', (e: KeyboardEvent) => {
    if (e.code !== 'Space' || e.repeat || typing(e)) return;
    e.preventDefault();
    press();
  });
  useEventListener(window, 'keyup', (e: KeyboardEvent) => {
    if (e.code !== 'Space' || typing(e)) return;
    e.preventDefault();
    release();
  });
  useEventListener(window, 'blur', release);
  return { press, release, isHeld: () => held };
}
