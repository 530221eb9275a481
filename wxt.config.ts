import { defineConfig } from 'wxt';
import { buildVariant, outDirTemplate, TEST_BUILD_MARKER } from './scripts/build-variants';

/**
 * Public half of the key that pins the unpacked extension's id (lib/extension-id.ts), so practice mode and tests can
 * allow that origin on the token service. Store builds (`npm run zip`) drop it: the Web Store assigns its own key.
 * It is a public key: nothing secret.
 */
const PINNED_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAk2dB0uX+bZeZUyksZDlnH2PDrP4VkTFvcPY9wEceH5ACLvurjjuWkoIeSKD20OKt+eqsDYPipq/zzQ587kWAToG+Q/DdQqBJ0sWFo59vlRUd/JiuApx3iE6Px7IitFsTm7L7UQ2/jyyOJi0NTPtc011D3UTZuDSIpGJau+o/P2oEgJtIlHXqnlu9FusTCPgVI9pit11LAOrfSPsWcmKPr7ZGMFAe32L4QepVoY6tYHdAMQcPp0ZJ5e3rUcUKrmNsTWt9oh3GOcRCMNgZYG0w3+FeFzPs6s/y4N3+6ssfQr4I7ja3I4XdXef1UwXxB8dMArNGnb6xEUpA1mBuXW5CrwIDAQAB';

/** product (`npm run build`), test (`npm run build:test`) or store (`npm run zip`): see scripts/build-variants.ts. */
const variant = buildVariant(process.env);

/** Toolbar and store icons (public/icon/, drawn by `npm run icons`). */
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

export default defineConfig({
  modules: ['@wxt-dev/module-vue', '@wxt-dev/i18n/module'],
  // Each variant has its own folder, so `npm start` (product) never overwrites what the browser tests load.
  outDirTemplate: outDirTemplate(variant),
  manifest: {
    // Every user-facing text is in locales/<code>.json (@wxt-dev/i18n writes _locales/); Chrome picks the browser's.
    default_locale: 'en',
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    ...(variant === 'store' ? {} : { key: PINNED_KEY }),
    icons: ICONS,
    // offscreen: the document that owns mic + WebRTC; storage: settings and transcript. sidePanel is added by WXT.
    permissions: ['offscreen', 'storage'],
    // Organisation sign-in (launchWebAuthFlow, lib/sso): asked for on the first "Sign in" click (it shows no prompt).
    optional_permissions: ['identity'],
    // Admin policy (chrome.storage.managed): the keys an organisation may set (lib/policy, README "For administrators").
    storage: { managed_schema: 'managed-schema.json' },
    action: { default_title: '__MSG_manifest_actionTitle__', default_icon: ICONS },
    // At most 4 suggested keys (Chrome refuses to load a 5th). Alt+Shift+T is reserved on Linux.
    commands: {
      'toggle-talk': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_manifest_commandTalk__',
      },
      'open-panel': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_manifest_commandOpenPanel__',
      },
      'stop-speaking': {
        suggested_key: { default: 'Alt+Shift+U' },
        description: '__MSG_manifest_commandStopSpeaking__',
      },
    },
  },
  hooks: {
    // The browser tests refuse a folder without this marker (scripts/check-chromium.ts, tests/support/browser.ts).
    'build:publicAssets': (_wxt, files) => {
      if (variant === 'test') files.push({ relativeDest: TEST_BUILD_MARKER, contents: '{ "testHooks": true }\n' });
    },
  },
  vite: () => ({
    build: {
      // three.js is one ~700 kB chunk, loaded lazily by the particle field only once the panel shows it (the panel
      // itself is small). That chunk is intended; the limit sits just above it so any other large chunk still warns.
      chunkSizeWarningLimit: 800,
    },
  }),
});
