import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { idleSnapshot, useVoiceStore } from './voice';

describe('voice store: connecting, from the click on', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('is connecting from the request until the engine is past its connect, and not before', () => {
    const store = useVoiceStore();
    expect(store.connecting).toBe(false);
    store.connectRequested = true;
    expect(store.connecting).toBe(true);
    expect(store.busy).toBe(false); // the engine has not answered yet
    store.apply(idleSnapshot()); // a snapshot from before the engine picked the connect up
    expect(store.connecting).toBe(true);
    store.apply({ ...idleSnapshot(), status: 'preparing' });
    expect(store.connectRequested).toBe(false);
    expect(store.connecting).toBe(true); // now the engine's own status says so
    store.apply({ ...idleSnapshot(), status: 'ready' });
    expect(store.connecting).toBe(false);
  });

  it('a connect that fails at once ends the request', () => {
    const store = useVoiceStore();
    store.connectRequested = true;
    store.apply({ ...idleSnapshot(), status: 'error' });
    expect(store.connecting).toBe(false);
  });
});
