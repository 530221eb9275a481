import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { settingsItem, DEFAULT_SETTINGS } from '@/lib/settings';
import { ssoSessionItem } from '@/lib/sso/session';
import { loadEffectiveSettings, loadPolicy, watchPolicy } from './managed';

const oidc = { oidcIssuer: 'https://id.example', oidcClientId: 'ext' };

describe('effective settings for the engine (settings/get)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('applies the managed policy over the stored settings and attaches what it locks', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, voice: 'ash', mode: 'hands-free' });
    await fakeBrowser.storage.managed.set({
      voice: 'cedar',
      voiceLocked: true,
      handsFreeAllowed: false,
      pointingAllowed: false,
      junk: 1,
    });
    const s = await loadEffectiveSettings();
    expect(s).toMatchObject({
      voice: 'cedar',
      mode: 'push-to-talk',
      policy: { handsFreeAllowed: false, pointingAllowed: false },
    });
    expect(s.policy?.locked.sort()).toEqual(['mode', 'voice']);
    expect(s.idToken).toBeUndefined();
    expect((await settingsItem.getValue()).voice).toBe('ash'); // the user's own value is kept, only overridden
  });

  it("adds the signed-in user's ID token only for the provider the policy names", async () => {
    const session = {
      issuer: 'https://id.example',
      clientId: 'ext',
      idToken: 'a.b.c',
      expiresAt: Date.now() + 3_600_000,
      subject: 'u1',
      displayName: 'u1',
    };
    await ssoSessionItem.setValue(session);
    expect((await loadEffectiveSettings()).idToken).toBeUndefined(); // no provider in the policy
    await fakeBrowser.storage.managed.set(oidc);
    expect((await loadEffectiveSettings()).idToken).toBe('a.b.c');
    await fakeBrowser.storage.managed.set({ oidcClientId: 'another-client' });
    expect((await loadEffectiveSettings()).idToken).toBeUndefined();
  });

  it('calls back on managed changes only', async () => {
    const changed = vi.fn();
    const stop = watchPolicy(changed);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, voice: 'ash' });
    expect(changed).not.toHaveBeenCalled();
    await fakeBrowser.storage.managed.set({ voice: 'cedar' });
    expect(changed).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.storage.managed.set({ voice: 'echo' });
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('goes on without a policy when managed storage does not answer, and reports the policy when it answers late', async () => {
    let answer: (value: Record<string, unknown>) => void = () => {};
    const get = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
    const changed = vi.fn();
    const stop = watchPolicy(changed);
    expect(await loadPolicy(20)).toEqual({});
    expect(changed).not.toHaveBeenCalled();
    // While that read stays unanswered, the next connect does not wait out another timeout.
    const next = await Promise.race([loadPolicy(60_000), new Promise((r) => setTimeout(() => r('waited'), 300))]);
    expect(next).toEqual({});
    answer({ voice: 'cedar', voiceLocked: true });
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    get.mockRestore();
    stop();
  });

  it('a caller that joins a read under way waits only for what is left of its time', async () => {
    let answer: (value: Record<string, unknown>) => void = () => {};
    const get = vi
      .spyOn(fakeBrowser.storage.managed, 'get')
      .mockImplementation(() => new Promise((resolve) => (answer = resolve)) as never);
    const first = loadPolicy(400);
    await new Promise((r) => setTimeout(r, 300));
    // Joined 300 ms into a 400 ms read: it must not wait another 400 ms.
    const joined = await Promise.race([loadPolicy(400), new Promise((r) => setTimeout(() => r('waited'), 250))]);
    expect(joined).toEqual({});
    expect(await first).toEqual({});
    expect(get).toHaveBeenCalledTimes(1);
    answer({});
    get.mockRestore();
  });

  it('reads again after a timed-out read answered', async () => {
    await fakeBrowser.storage.managed.set({ voice: 'cedar' });
    expect(await loadPolicy(1000)).toMatchObject({ voice: 'cedar' });
  });
});
