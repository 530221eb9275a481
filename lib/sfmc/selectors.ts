/**
 * Every SFMC host pattern, route pattern and DOM selector in one place (STYLE §2.10), each next to the sample URLs or
 * markup it must match. SFMC's DOM is not a public contract: treat each selector as a hint and combine it with URL,
 * title and ARIA/text (see docs/sfmc.md#app-frames). `selectors.test.ts` checks every sample below.
 */
import type { SfmcApp } from './types';

/** The shell: `mc.s10.exacttarget.com/cloud/#app/...`, older tenants `mc.exacttarget.com/cloud/#`. */
export const SHELL_HOST = /^mc(?:\.s\d+)?\.exacttarget\.com$/i;
export const SHELL_PATH = /^\/cloud(?:\/|$)/i;
export const SHELL_SAMPLES = [
  'https://mc.s10.exacttarget.com/cloud/#app/Journey%20Builder/%23dashboard/view/all-journeys',
  'https://mc.s7.exacttarget.com/cloud/#app/Email/C12/Default.aspx?entityID=0%23Content',
  'https://mc.exacttarget.com/cloud/#',
];

/** `#app/<App Name>/<rest>` after decodeURIComponent. */
export const SHELL_ROUTE = /^#?app\/([^/]+)\/?(.*)$/i;

/** Shell route app names (first segment after `#app/`) → our app ids. */
export const SHELL_APP_NAMES: Record<string, SfmcApp> = {
  'journey builder': 'Journey Builder',
  email: 'Email Studio',
  'email studio': 'Email Studio',
  'content builder': 'Content Builder',
  'automation studio': 'Automation Studio',
  'contact builder': 'Contact Builder',
  'audience builder': 'Contact Builder',
  setup: 'Setup',
  cloudpages: 'CloudPages',
  reports: 'Reports',
  mobilepush: 'Mobile Studio',
  mobileconnect: 'Mobile Studio',
  'mobile studio': 'Mobile Studio',
};

export interface HostRule {
  app: SfmcApp;
  host: RegExp;
  /** Optional path prefix within the host. */
  path?: RegExp;
  samples: string[];
}

/** App frames, most specific first. */
export const APP_FRAME_HOSTS: HostRule[] = [
  {
    app: 'Journey Builder',
    host: /^jbinteractions\.s\d+\.marketingcloudapps\.com$/i,
    samples: ['https://jbinteractions.s10.marketingcloudapps.com/#/3f2a9c1e-8b7d-4e21-9a55-6c0d2b1f7e43/1'],
  },
  {
    app: 'Journey Builder',
    host: /^jb-email-activity\.s\d+\.marketingcloudapps\.com$/i,
    samples: ['https://jb-email-activity.s10.marketingcloudapps.com/'],
  },
  {
    app: 'Content Builder',
    host: /^content-builder\.s\d+\.marketingcloudapps\.com$/i,
    samples: ['https://content-builder.s10.marketingcloudapps.com/#/content/184733/edit'],
  },
  {
    app: 'Automation Studio',
    host: /^mc\.s\d+\.marketingcloudapps\.com$/i,
    path: /^\/AutomationStudioFuel3(?:\/|$)/i,
    samples: [
      'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityDetails/300/7c9e6679-7425-40de-944b-e07fc1f90ae7',
      'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/#Activities',
    ],
  },
  {
    app: 'Contact Builder',
    host: /^mc\.s\d+\.marketingcloudapps\.com$/i,
    path: /^\/contactsmeta(?:\/|$)/i,
    samples: [
      'https://mc.s10.marketingcloudapps.com/contactsmeta/admin.html#admin/data-extension/6a1f0d2c-44b3-e911-a2ce-1402ec8f9a11/records',
    ],
  },
  {
    app: 'Setup',
    host: /^mc\.s\d+\.marketingcloudapps\.com$/i,
    path: /^\/setup(?:\/|$)/i,
    samples: ['https://mc.s10.marketingcloudapps.com/setup/#installed-packages/8d2c41f0-5b7e-4a3c-9e61-2f0b7d9c3a58'],
  },
  {
    app: 'CloudPages',
    host: /^(?:cloud-pages|cloudpages)\.s\d+\.marketingcloudapps\.com$/i,
    samples: ['https://cloudpages.s10.marketingcloudapps.com/'],
  },
  {
    app: 'Email Studio',
    host: /^members\.s\d+\.exacttarget\.com$/i,
    samples: [
      'https://members.s10.exacttarget.com/Content/Email/Default.aspx?ks=ks#Subscribers',
      'https://members.s10.exacttarget.com/Content/Email/Content/Default.aspx#Content',
    ],
  },
];

/** Screens: [app, pattern over decoded `path + hash` (shell: the route rest), screen name]. First match wins. */
export const SCREEN_RULES: Array<[SfmcApp, RegExp, string]> = [
  ['Journey Builder', /dashboard|all-journeys/i, 'Journeys list'],
  ['Journey Builder', /settings/i, 'Journey settings'],
  ['Journey Builder', /[0-9a-f]{8}-[0-9a-f-]{27}|#\/?[^/]+\/\d+/i, 'Journey canvas'],
  ['Automation Studio', /ActivityDetails\/300\b/i, 'SQL Query activity'],
  ['Automation Studio', /ActivityDetails\/43\b/i, 'Import File activity'],
  ['Automation Studio', /ActivityModal\/423\b/i, 'Script activity'],
  ['Automation Studio', /ActivityModal\/73\b/i, 'Data Extract activity'],
  ['Automation Studio', /#Activities\b/i, 'Activities list'],
  ['Automation Studio', /#?Automation(?:Details|Canvas)\b/i, 'Automation canvas'],
  ['Contact Builder', /data-extension\/[^/]+\/records/i, 'Data extension records'],
  ['Contact Builder', /data-extension\/[^/]+\/(?:properties|fields)/i, 'Data extension properties'],
  ['Contact Builder', /data-extension/i, 'Data extensions'],
  ['Contact Builder', /all[- ]?contacts|contacts\/list/i, 'All Contacts'],
  ['Contact Builder', /data[- ]?designer|attribute[- ]?groups/i, 'Data Designer'],
  ['Content Builder', /preview/i, 'Preview and Test'],
  ['Content Builder', /content[:/](?:content\/)?\d+|\/edit\b|\(content-builder:|^\/?\d{3,}\/?$/i, 'Email editor'],
  ['Email Studio', /subscriber/i, 'Subscribers'],
  ['Email Studio', /#Admin\b/i, 'Admin'],
  ['Email Studio', /#Content\b/i, 'Content'],
  ['Setup', /installed[- ]?packages\/[^/]+/i, 'Installed package details'],
  ['Setup', /installed[- ]?packages/i, 'Installed packages'],
  ['Setup', /users/i, 'Users'],
];

/** Default screen per app when nothing more specific matches. */
export const DEFAULT_SCREEN: Partial<Record<SfmcApp, string>> = {
  'Journey Builder': 'Journey Builder',
  'Content Builder': 'Content library',
  'Automation Studio': 'Overview',
  'Contact Builder': 'Contact Builder home',
  'Email Studio': 'Overview',
  Setup: 'Setup home',
  'Marketing Cloud': 'Home',
};

/** Title/heading keywords when URLs say nothing (e.g. a renamed stack). */
export const TITLE_HINTS: Array<[RegExp, SfmcApp]> = [
  [/journey builder/i, 'Journey Builder'],
  [/content builder/i, 'Content Builder'],
  [/automation studio/i, 'Automation Studio'],
  [/contact builder|data extensions?\b/i, 'Contact Builder'],
  [/email studio/i, 'Email Studio'],
  [/installed packages|\bsetup\b/i, 'Setup'],
  [/cloudpages/i, 'CloudPages'],
];

/**
 * DOM selectors. Sample markup for each is in tests/fixtures/sfmc/*.html.
 * - `appIframe`: the shell's current app (`.mc-canvas-region iframe.mc-app-iframe`, docs B1).
 * - `accountHeader`: BU name + MID (`.mc-header-menu.mc-header-accounts .value`) and BU switcher.
 * - `userMenu`: the signed-in user's name in the shell header.
 */
export const SEL = {
  appIframe: '.mc-canvas-region iframe.mc-app-iframe',
  accountHeader: '.mc-header-menu.mc-header-accounts, .mc-account-switcher-name, .mc-account-switcher',
  userMenu: '.mc-header-user, .mc-header-menu.mc-header-user, [data-mc-user]',
  headings: 'h1, h2, h3, h4, [role="heading"]',
  /** Field labels: label/legend/column headers, and aria-labels of form controls and groups (not landmarks). */
  labels:
    'label, legend, th, input[aria-label]:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), select[aria-label], textarea[aria-label], [role="group"][aria-label], [role="radiogroup"][aria-label], [role="textbox"][aria-label], [role="combobox"][aria-label], [role="searchbox"][aria-label], [role="switch"][aria-label], [role="slider"][aria-label]',
  buttons:
    'button, [role="button"], input[type="button"], input[type="submit"], input[type="reset"], a[href], [role="link"], [role="tab"], [role="menuitem"]',
  errors: '[role="alert"], .error, .error-message, .slds-form-element__help, .validation-error, [aria-invalid="true"]',
  /** Regions shown with records, previews or secrets: dropped whole, with the name in `dropped`. */
  pii: [
    {
      name: 'subscriber preview',
      selector: '.subscriber-preview, .preview-subscriber-attributes, [data-preview="subscriber"]',
    },
    {
      name: 'email preview',
      selector: 'iframe.preview-frame, iframe[title*="preview" i], iframe[name*="preview" i], .email-preview',
    },
    { name: 'client secret', selector: '.client-secret, [data-field="clientSecret"], [data-field="client_secret"]' },
    {
      name: 'account header',
      selector: '.mc-header-menu.mc-header-accounts, .mc-account-switcher-name, .mc-account-switcher',
    },
    { name: 'user menu', selector: '.mc-header-user, [data-mc-user]' },
    { name: 'test send recipients', selector: '.test-send-recipients' },
    { name: 'contact history', selector: '.contact-history, .journey-history-contacts' },
  ],
  /** Table-like regions: dropped when their cells look personal or the screen is a records screen. */
  tables: 'table, [role="grid"], [role="table"], .slds-table, ul.subscriber-list',
} as const;

/** Screens that show records or personal data: every table/grid on them is dropped. */
export const PII_SCREENS: Record<string, string> = {
  'Data extension records': 'records table',
  Subscribers: 'subscribers list',
  'All Contacts': 'contacts list',
  Users: 'users list',
  'Preview and Test': 'subscriber preview',
};

/** Column headers that mean a table holds personal data. */
export const PII_COLUMN =
  /e-?mail|phone|mobile|subscriber ?key|contact ?key|first ?name|last ?name|full ?name|birth|address|postal|zip/i;

/** Labels/names of fields whose values are secrets (Setup → Installed Packages). */
export const SECRET_FIELD =
  /client[ _-]?secret|client[ _-]?id\b|secret key|api[ _-]?key|access[ _-]?token|refresh[ _-]?token|password/i;
