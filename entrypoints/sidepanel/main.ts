// Side panel: the voice session UI (a mirror of the offscreen engine). Thin shell. Texts follow the browser's
// language (chrome.i18n); the page says which, so screen readers read it in that language.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { i18n } from '#i18n';
import { browserUiLanguage } from '@/lib/i18n/ui-language';
import App from './App.vue';

document.documentElement.lang = browserUiLanguage() ?? 'en';
document.title = i18n.t('app.title');
createApp(App).use(createPinia()).mount('#app');
