// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import SettingsForm from './SettingsForm.vue';

describe('SettingsForm', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('emits one field at a time, trimmed', async () => {
    const w = mount(SettingsForm, { props: { settings: DEFAULT_SETTINGS } });
    const url = w.find('[data-testid="setting-url"]');
    (url.element as HTMLInputElement).value = '  https://tokens.example.com  ';
    await url.trigger('change');
    expect(w.emitted('save')?.at(-1)).toEqual([{ tokenServiceUrl: 'https://tokens.example.com' }]);
    await w.find('[data-testid="setting-mode"]').setValue('hands-free');
    expect(w.emitted('save')?.at(-1)).toEqual([{ mode: 'hands-free' }]);
  });

  it('refuses a plain-http token service on another machine and says why, without saving it', async () => {
    const w = mount(SettingsForm, { props: { settings: DEFAULT_SETTINGS } });
    const url = w.find('[data-testid="setting-url"]');
    (url.element as HTMLInputElement).value = 'http://tokens.example.com';
    await url.trigger('change');
    expect(w.emitted('save')).toBeUndefined();
    expect(w.find('[data-testid="setting-url-problem"]').text()).toMatch(/must use https/);
    (url.element as HTMLInputElement).value = 'http://127.0.0.1:8787';
    await url.trigger('change');
    expect(w.emitted('save')?.at(-1)).toEqual([{ tokenServiceUrl: 'http://127.0.0.1:8787' }]);
    expect(w.find('[data-testid="setting-url-problem"]').exists()).toBe(false);
  });

  it('edits the price table and refuses negative prices', async () => {
    const w = mount(SettingsForm, { props: { settings: DEFAULT_SETTINGS } });
    const audioIn = w.find('[data-testid="price-audioInput"]');
    (audioIn.element as HTMLInputElement).value = '40';
    await audioIn.trigger('change');
    expect(w.emitted('save')?.at(-1)).toEqual([
      {
        prices: {
          ...DEFAULT_SETTINGS.prices,
          'gpt-realtime': { ...DEFAULT_SETTINGS.prices['gpt-realtime'], audioInput: 40 },
        },
      },
    ]);
    const before = w.emitted('save')?.length;
    (audioIn.element as HTMLInputElement).value = '-1';
    await audioIn.trigger('change');
    expect(w.emitted('save')?.length).toBe(before);
  });

  it('captures the hold-to-talk key from the next key press; Escape cancels', async () => {
    const w = mount(SettingsForm, { props: { settings: DEFAULT_SETTINGS } });
    const button = w.find('[data-testid="setting-hold-key"]');
    expect(button.text()).toBe('F9');
    await button.trigger('click');
    await button.trigger('keydown', { code: 'Escape' });
    expect(w.emitted('save')).toBeUndefined();
    await button.trigger('click');
    await button.trigger('keydown', { code: 'F8' });
    expect(w.emitted('save')?.at(-1)).toEqual([{ holdKey: 'F8' }]);
  });

  it("edits the price row of the model picked, showing that model's prices", async () => {
    const w = mount(SettingsForm, { props: { settings: DEFAULT_SETTINGS } });
    const model = w.find('[data-testid="price-model"]');
    (model.element as HTMLSelectElement).value = 'gpt-realtime-2.1-mini';
    await model.trigger('change');
    const audioIn = w.find('[data-testid="price-audioInput"]');
    expect((audioIn.element as HTMLInputElement).value).toBe('10');
    (audioIn.element as HTMLInputElement).value = '12';
    await audioIn.trigger('change');
    const saved = (w.emitted('save')?.at(-1)?.[0] as { prices: typeof DEFAULT_SETTINGS.prices }).prices;
    expect(saved['gpt-realtime-2.1-mini'].audioInput).toBe(12);
    expect(saved['gpt-realtime']).toEqual(DEFAULT_SETTINGS.prices['gpt-realtime']);
  });

  it('saves the cost cap, minutes cap and panel-closed minutes, never negative', async () => {
    const w = mount(SettingsForm, { props: { settings: DEFAULT_SETTINGS } });
    for (const [id, key, value, want] of [
      ['setting-cost-cap', 'costCapUsd', '2.5', 2.5],
      ['setting-minutes-cap', 'minutesCap', '30', 30],
      ['setting-panel-closed', 'panelClosedDisconnectMinutes', '-3', 0],
    ] as const) {
      const input = w.find(`[data-testid="${id}"]`);
      (input.element as HTMLInputElement).value = value;
      await input.trigger('change');
      expect(w.emitted('save')?.at(-1)).toEqual([{ [key]: want }]);
    }
  });

  it('shows locked settings as set by the organization, disabled, and hides hands-free when not allowed', async () => {
    const policy = {
      locked: ['voice', 'mode', 'minutesCap'] as (keyof typeof DEFAULT_SETTINGS)[],
      handsFreeAllowed: false,
      pointingAllowed: false,
    };
    const w = mount(SettingsForm, {
      props: { settings: { ...DEFAULT_SETTINGS, voice: 'cedar', minutesCap: 30, policy } },
    });
    const voice = w.find('[data-testid="setting-voice"]');
    expect((voice.element as HTMLSelectElement).disabled).toBe(true);
    expect((voice.element as HTMLSelectElement).value).toBe('cedar');
    expect((w.find('[data-testid="setting-minutes-cap"]').element as HTMLInputElement).disabled).toBe(true);
    expect((w.find('[data-testid="setting-language"]').element as HTMLSelectElement).disabled).toBe(false);
    expect(w.findAll('.locked').map((n) => n.text())).toEqual([
      'Set by your organization',
      'Set by your organization',
      'Set by your organization',
    ]);
    expect(w.find('[data-testid="setting-mode"] option[value="hands-free"]').exists()).toBe(false);
    expect(w.find('[data-testid="pointing-off"]').exists()).toBe(true);
    expect(w.find('[data-testid="sso"]').exists()).toBe(false);
  });

  it('offers organization sign-in when the policy names a provider', () => {
    const policy = {
      locked: [],
      handsFreeAllowed: true,
      pointingAllowed: true,
      oidc: { issuer: 'https://id.example', clientId: 'ext' },
    };
    const w = mount(SettingsForm, { props: { settings: { ...DEFAULT_SETTINGS, policy } } });
    expect(w.find('[data-testid="sso-sign-in"]').text()).toBe('Sign in with your organization');
    expect(w.findAll('.locked')).toHaveLength(0);
  });
});
