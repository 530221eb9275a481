// Microphone permission page: a visible tab is the only extension context that can show Chrome's mic prompt.
// Its static texts carry data-i18n keys and are filled in the browser's language here.
import { i18n } from '#i18n';
import { requestMicrophone, type MicPageText } from '@/lib/permission/mic-permission-page';
import { localizePage } from '@/lib/i18n/localize-page';

const t = i18n.t;
// Keys come from the page's data-i18n attributes (the locale check reads them there).
localizePage(document, (key) => (i18n.t as (key: string) => string)(key));
const text: MicPageText = {
  waiting: t('mic.waiting'),
  allowed: t('mic.allowed'),
  blocked: (url) => t('mic.blocked', [url]),
  failed: (reason) => t('mic.failed', [reason]),
};
const button = document.querySelector<HTMLButtonElement>('#allow')!;
const status = document.querySelector<HTMLElement>('#status')!;
const run = () => requestMicrophone(status, text);
button.addEventListener('click', run);
void run();
