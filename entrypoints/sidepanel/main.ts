// Side panel: the voice session UI (a mirror of the offscreen engine). Thin shell.
import { createApp } from 'vue';
import { createPinia } from 'pinia';
import App from './App.vue';

createApp(App).use(createPinia()).mount('#app');
