import { startSfmcAgent } from './agent';

/** Runs in every SFMC frame (the shell and each cross-origin app frame); all wiring lives in ./agent.ts. */
export default defineContentScript({
  matches: ['https://*.exacttarget.com/*', 'https://*.marketingcloudapps.com/*'],
  allFrames: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // Do not announce ourselves to the page with postMessage; the CustomEvent path is guarded (lib/sfmc/context-guard.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    startSfmcAgent(ctx);
  },
});
