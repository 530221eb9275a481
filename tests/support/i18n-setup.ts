// Vitest setup: chrome.i18n answers in English from locales/en.json unless a test picks another locale.
import { useLocale } from './fake-i18n';

useLocale('en');
