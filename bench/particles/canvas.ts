/**
 * Smoke page for the real ParticleCanvas + StatusBar (built with WXT_TEST_HOOKS=1): `?n=` max count, `?min=` min
 * count, `?mode=` initial mode. `window.__setMode(mode)` changes the prop. Driven by bench/particles/smoke.ts.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import type { VoiceMode } from '../../lib/voice/types';
import ParticleCanvas from '../../components/particles/ParticleCanvas.vue';

declare global {
  interface Window {
    __setMode(mode: VoiceMode): void;
    __unmount(): void;
    __stats: { fps: number; count: number }[];
  }
}

const q = new URLSearchParams(location.search);
const mode = ref<VoiceMode>((q.get('mode') as VoiceMode | null) ?? 'idle');
window.__setMode = (m) => (mode.value = m);
window.__stats = [];

const app = createApp(
  defineComponent(
    () => () =>
      h('div', { class: 'field' }, [
        h(ParticleCanvas, {
          mode: mode.value,
          maxCount: Number(q.get('n') ?? 100_000),
          minCount: Number(q.get('min') ?? 32_000),
          onStats: (s: { fps: number; count: number }) => window.__stats.push(s),
        }),
      ]),
  ),
);
app.mount('#app');
window.__unmount = () => app.unmount();
