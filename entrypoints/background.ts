// Service worker: routes only (lib/background/router.ts). No session state lives here.
import { startRouter } from '@/lib/background/router';

export default defineBackground(() => {
  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  startRouter();
});
