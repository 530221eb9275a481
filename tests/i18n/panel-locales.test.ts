// @vitest-environment happy-dom
/**
 * The side panel renders in every locale with no missing message: the whole App (every view, every status the
 * controls show, an error, a walkthrough card, a checked code card) through a fake chrome.i18n that answers from that
 * locale's file. A message the locale lacks fails the test, and so does English text left in a translated panel.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import App from '@/entrypoints/sidepanel/App.vue';
import WalkthroughCard from '@/components/walkthrough/WalkthroughCard.vue';
import SnippetCard from '@/components/transcript/SnippetCard.vue';
import { reduceWalkthrough, type Walkthrough } from '@/lib/walkthrough/state';
import type { EngineSnapshot, EngineStatus } from '@/lib/voice/types';
import { idleSnapshot, useVoiceStore } from '@/stores/voice';
import { englishLeftIn, localeCodes, missing, readLocale, useLocale } from '@/tests/support/fake-i18n';

const en = readLocale('en');
const STATUSES: EngineStatus[] = [
  'idle',
  'preparing',
  'connecting',
  'ready',
  'listening',
  'thinking',
  'speaking',
  'reconnecting',
  'error',
];

let wrappers: VueWrapper[] = [];
const keep = <T extends VueWrapper>(w: T): T => (wrappers.push(w), w);
// The practice badge asks the token service's /health: nothing listens here.
beforeEach(() => void vi.stubGlobal('fetch', () => Promise.reject(new Error('offline'))));
afterEach(() => {
  vi.unstubAllGlobals();
  wrappers.forEach((w) => w.unmount());
  wrappers = [];
  fakeBrowser.reset();
  useLocale('en');
});

async function panel(): Promise<{ w: VueWrapper; store: ReturnType<typeof useVoiceStore> }> {
  const pinia = createPinia();
  setActivePinia(pinia);
  const w = keep(
    mount(App, { global: { plugins: [pinia], stubs: { ParticleCanvas: true } }, attachTo: document.body }),
  );
  await flushPromises();
  return { w, store: useVoiceStore() };
}

const walkthrough: Walkthrough = reduceWalkthrough(null, {
  type: 'start',
  id: 'wt_1',
  title: 'Re-entry',
  at: 0,
  steps: [
    { instruction: 'Open the journey menu', label: 'Menu' },
    { instruction: 'Pick a schedule', label: 'Schedule' },
  ],
})!;

describe.each(localeCodes())('the panel in %s', (code) => {
  it('shows every view and state with no missing message and no English left over', async () => {
    const messages = useLocale(code);
    const { w, store } = await panel();
    const seen: string[] = [];
    for (const status of STATUSES) {
      const snapshot: EngineSnapshot = { ...idleSnapshot(), status, micLive: status === 'listening' };
      store.apply(
        status === 'error'
          ? { ...snapshot, error: { code: 'mic_permission', message: 'x', retryable: true } as EngineSnapshot['error'] }
          : snapshot,
      );
      await flushPromises();
      seen.push(w.text());
    }
    store.apply({ ...idleSnapshot(), status: 'ready', muted: true, talkMode: 'hands-free' });
    await flushPromises();
    seen.push(w.text());
    for (const tab of ['seen', 'check', 'conversation']) {
      await w.get(`[data-testid="tab-${tab}"]`).trigger('click');
      seen.push(w.text());
    }
    await w.get('[data-testid="toggle-settings"]').trigger('click');
    seen.push(w.text());
    const text = seen.join('\n');

    expect([...missing], `${code}: messages asked for but missing`).toEqual([]);
    expect(englishLeftIn(code, text), `${code}: English left in the panel`).toEqual([]);
    for (const key of [
      'app.title',
      'session.connect',
      'talk.hold',
      'app.tabSeen',
      'context.share',
      'check.paste',
      'status.needsMic',
    ]) {
      expect(text, `${code} ${key}`).toContain(messages.get(key));
    }
    // The last state shown was connected ("ready"): the placeholder no longer says typing connects.
    expect(w.get('[data-testid="text-input"]').attributes('placeholder')).toBe(messages.get('app.askPlaceholder'));
  });

  it('shows a walkthrough card and a checked code card with no missing message', () => {
    const messages = useLocale(code);
    const card = keep(mount(WalkthroughCard, { props: { walkthrough } }));
    const snippet = keep(
      mount(SnippetCard, {
        props: {
          snippet: {
            language: 'sql',
            title: 'Query',
            code: 'SELECT 1',
            check: { problems: [{ line: 1, column: 1, severity: 'error', rule: 'r', message: 'm' }] },
          } as never,
        },
      }),
    );
    const text = `${card.text()}\n${snippet.text()}`;
    expect([...missing], code).toEqual([]);
    expect(englishLeftIn(code, text), code).toEqual([]);
    expect(card.get('[data-testid="walkthrough-progress"]').text()).toBe(
      messages.get('walkthrough.progress')!.replace('$1', '1').replace('$2', '2'),
    );
    expect(card.get('[data-testid="walkthrough-skip"]').text()).toBe(messages.get('walkthrough.skip'));
    expect(snippet.get('[data-testid="copy-snippet"]').text()).toBe(messages.get('snippet.copy'));
  });
});

describe('the check itself', () => {
  it('notices a message a locale lacks', () => {
    useLocale('de');
    expect(fakeBrowser.i18n.getMessage('no_such_key')).toBe('');
    expect([...missing]).toEqual(['no_such_key']);
  });
  it('notices English left in a translated panel', () => {
    expect(englishLeftIn('de', `Verbinden ${en.get('talk.hold')}`)).toEqual([en.get('talk.hold')]);
    expect(englishLeftIn('de', 'Verbinden')).toEqual([]);
  });
});
