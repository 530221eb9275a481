import { defineConfig } from 'wxt';

/**
 * Public half of the key that pins the unpacked extension's id (lib/extension-id.ts), so practice mode and tests can
 * allow that origin on the token service. Store builds (`STORE_BUILD=1 npm run zip`) drop it: the Web Store assigns
 * its own key. It is a public key: nothing secret.
 */
const PINNED_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk2dB0uX+bZeZUyksZDlnH2PDrP4VkTFvcPY9wEceH5ACLvurjjuWkoIeSKD20OKt+eqsDYPipq/zzQ587kWAToG+Q/DdQqBJ0sWFo59vlRUd/JiuApx3iE6Px7IitFsTm7L7UQ2/jyyOJi0NTPtc011D3UTZuDSIpGJau+o/P2oEgJtIlHXqnlu9FusTCPgVI9pit11LAOrfSPsWcmKPr7ZGMFAe32L4QepVoY6tYHdAMQcPp0ZJ5e3rUcUKrmNsTWt9oh3GOcRCMNgZYG0w3+FeFzPs6s/y4N3+6ssfQr4I7ja3I4XdXef1UwXxB8dMArNGnb6xEUpA1mBuXW5CrwIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-vue'],
  manifest: {
    name: 'SFMC Voice Instructor',
    description: 'A voice instructor beside Salesforce Marketing Cloud: hold a key, ask, hear the answer.',
    ...(process.env.STORE_BUILD ? {} : { key: PINNED_KEY }),
    // offscreen: the document that owns mic + WebRTC; storage: settings and transcript. sidePanel is added by WXT.
    permissions: ['offscreen', 'storage'],
    action: { default_title: 'Open SFMC Voice Instructor' },
    // At most 4 suggested keys (Chrome refuses to load a 5th). Alt+Shift+T is reserved on Linux.
    commands: {
      'toggle-talk': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Talk to the instructor (press to talk, press again to send)',
      },
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: 'Open the SFMC Voice Instructor side panel',
      },
      'stop-speaking': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: 'Stop the instructor speaking (interrupt)',
      },
    },
  },
});
