import { startSfmcAgent } from './agent';

/** Runs in every SFMC frame (the shell and each cross-origin app frame); all wiring lives in ./agent.ts. */
export default defineContentScript({
  matches: ['https://*.exacttarget.com/*', 'https://*.marketingcloudapps.com/*'],
  allFrames: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    startSfmcAgent(ctx);
  },
});
