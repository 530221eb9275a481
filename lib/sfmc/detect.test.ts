// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { detectApp, isShellUrl } from './detect';
import { APP_FRAME_HOSTS, SHELL_SAMPLES } from './selectors';
import { loadFixture } from '@/tests/fixtures/sfmc/load';
import { PRACTICE_PAGES } from '@/scripts/sfmc-server';

const CORPUS: Array<[url: string, app: string, screen: string]> = [
  // shell routes (docs/sfmc.md#shell)
  [
    'https://mc.s10.exacttarget.com/cloud/#app/Journey%20Builder/%23dashboard/view/all-journeys',
    'Journey Builder',
    'Journeys list',
  ],
  [
    'https://mc.s7.exacttarget.com/cloud/#app/Journey%20Builder/%233f2a9c1e-8b7d-4e21-9a55-6c0d2b1f7e43/2',
    'Journey Builder',
    'Journey canvas',
  ],
  ['https://mc.s10.exacttarget.com/cloud/#app/Email/C12/Default.aspx?entityID=0%23Content', 'Email Studio', 'Content'],
  ['https://mc.s4.exacttarget.com/cloud/#app/Email/Default.aspx?ks=ks%23Subscribers', 'Email Studio', 'Subscribers'],
  ['https://mc.s4.exacttarget.com/cloud/#app/Email/Default.aspx?ks=ks%23Admin', 'Email Studio', 'Admin'],
  ['https://mc.s10.exacttarget.com/cloud/#app/Content%20Builder/', 'Content Builder', 'Content library'],
  ['https://mc.s10.exacttarget.com/cloud/#app/Content%20Builder/184733', 'Content Builder', 'Email editor'],
  [
    'https://mc.s10.exacttarget.com/cloud/#app/Content%20Builder/Content%20Builder/(content-builder:content/184733)',
    'Content Builder',
    'Email editor',
  ],
  [
    'https://mc.s11.exacttarget.com/cloud/#app/Automation%20Studio/AutomationStudioFuel3/%23ActivityDetails/300/7c9e6679-7425-40de-944b-e07fc1f90ae7',
    'Automation Studio',
    'SQL Query activity',
  ],
  [
    'https://mc.s11.exacttarget.com/cloud/#app/Automation%20Studio/AutomationStudioFuel3/%23Activities',
    'Automation Studio',
    'Activities list',
  ],
  [
    'https://mc.s10.exacttarget.com/cloud/#app/Contact%20Builder/contactsmeta/admin.html#admin/data-extension/6a1f0d2c/properties/',
    'Contact Builder',
    'Data extension properties',
  ],
  [
    'https://mc.s10.exacttarget.com/cloud/#app/Contact%20Builder/contactsmeta/admin.html%23admin/data-extension/6a1f0d2c/records',
    'Contact Builder',
    'Data extension records',
  ],
  ['https://mc.s10.exacttarget.com/cloud/#app/Setup/InstalledPackages', 'Setup', 'Installed packages'],
  ['https://mc.s10.exacttarget.com/cloud/#app/CloudPages/', 'CloudPages', 'CloudPages'],
  ['https://mc.s10.exacttarget.com/cloud/#app/Reports/Reports/', 'Reports', 'Reports'],
  ['https://mc.s10.exacttarget.com/cloud/#app/MobilePush/MobilePush/', 'Mobile Studio', 'Mobile Studio'],
  ['https://mc.s10.exacttarget.com/cloud/', 'Marketing Cloud', 'Home'],
  ['https://mc.exacttarget.com/cloud/#', 'Marketing Cloud', 'Home'],
  // app frames
  [
    'https://jbinteractions.s10.marketingcloudapps.com/#/3f2a9c1e-8b7d-4e21-9a55-6c0d2b1f7e43/1',
    'Journey Builder',
    'Journey canvas',
  ],
  ['https://jbinteractions.s50.marketingcloudapps.com/#/dashboard', 'Journey Builder', 'Journeys list'],
  ['https://jb-email-activity.s10.marketingcloudapps.com/', 'Journey Builder', 'Journey Builder'],
  ['https://content-builder.s10.marketingcloudapps.com/#/content/184733/edit', 'Content Builder', 'Email editor'],
  ['https://content-builder.s10.marketingcloudapps.com/', 'Content Builder', 'Content library'],
  [
    'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityDetails/300/7c9e6679-7425-40de-944b-e07fc1f90ae7',
    'Automation Studio',
    'SQL Query activity',
  ],
  [
    'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityDetails/43/abc',
    'Automation Studio',
    'Import File activity',
  ],
  [
    'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityModal/423/abc',
    'Automation Studio',
    'Script activity',
  ],
  [
    'https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/?hub=1#ActivityModal/73/abc',
    'Automation Studio',
    'Data Extract activity',
  ],
  ['https://mc.s10.marketingcloudapps.com/AutomationStudioFuel3/', 'Automation Studio', 'Overview'],
  [
    'https://mc.s10.marketingcloudapps.com/contactsmeta/admin.html#admin/data-extension/6a1f0d2c-44b3-e911-a2ce-1402ec8f9a11/records',
    'Contact Builder',
    'Data extension records',
  ],
  [
    'https://mc.s10.marketingcloudapps.com/contactsmeta/admin.html#admin/data-extension/6a1f0d2c-44b3-e911-a2ce-1402ec8f9a11/fields',
    'Contact Builder',
    'Data extension properties',
  ],
  [
    'https://mc.s10.marketingcloudapps.com/contactsmeta/admin.html#admin/all-contacts',
    'Contact Builder',
    'All Contacts',
  ],
  [
    'https://mc.s10.marketingcloudapps.com/setup/#installed-packages/8d2c41f0-5b7e-4a3c-9e61-2f0b7d9c3a58',
    'Setup',
    'Installed package details',
  ],
  ['https://members.s10.exacttarget.com/Content/Email/Default.aspx?ks=ks#Subscribers', 'Email Studio', 'Subscribers'],
  ['https://members.s7.exacttarget.com/Content/Email/Content/Default.aspx#Content', 'Email Studio', 'Content'],
  // not SFMC / embedded
  ['https://example.com/', 'Unknown', 'Unknown'],
  ['about:srcdoc', 'Unknown', 'Embedded frame'],
  ['about:blank', 'Unknown', 'Embedded frame'],
  ['not a url', 'Unknown', 'Unknown'],
];

describe('detectApp over SFMC URLs', () => {
  it.each(CORPUS)('%s', (url, app, screen) => {
    expect(detectApp(url)).toEqual({ app, screen });
  });
});

describe('selectors.ts samples', () => {
  it('every shell sample is a shell URL', () => {
    for (const url of SHELL_SAMPLES) expect(isShellUrl(url), url).toBe(true);
  });
  it('every app-frame sample matches its own rule and detects as that app', () => {
    for (const rule of APP_FRAME_HOSTS) {
      for (const url of rule.samples) {
        const u = new URL(url);
        expect(rule.host.test(u.hostname) && (!rule.path || rule.path.test(u.pathname)), url).toBe(true);
        expect(detectApp(url).app, url).toBe(rule.app);
      }
    }
  });
});

/**
 * A detached happy-dom window, as in tests/fixtures/sfmc/load.ts: unlike a browser (where a document made by
 * createHTMLDocument never loads frames), happy-dom tries to load an `<iframe>` in the test's global document and
 * prints the refusal ("Iframe page loading is disabled") as a stack trace on the test console.
 */
function docFrom(html: string, title = ''): Document {
  const { document: doc } = new Window({
    settings: { disableIframePageLoading: true, disableJavaScriptEvaluation: true },
  });
  doc.head.innerHTML = `<title>${title}</title>`;
  doc.body.innerHTML = html;
  return doc as unknown as Document;
}

describe('detectApp with title and DOM hints', () => {
  it('uses the title when the host is unknown', () => {
    expect(detectApp('https://x1234.marketingcloudapps.com/', docFrom('', 'Journey Builder')).app).toBe(
      'Journey Builder',
    );
    expect(detectApp('https://x1234.marketingcloudapps.com/', docFrom('<h1>Installed Packages</h1>'))).toEqual({
      app: 'Setup',
      screen: 'Installed packages',
    });
  });
  it('refines a default screen from the heading', () => {
    expect(
      detectApp('https://mc.s10.marketingcloudapps.com/contactsmeta/admin.html', docFrom('<h1>All Contacts</h1>')),
    ).toEqual({
      app: 'Contact Builder',
      screen: 'All Contacts',
    });
  });
  it('recognises the shell by its app iframe', () => {
    expect(
      detectApp(
        'https://unknown.example/',
        docFrom('<div class="mc-canvas-region"><iframe class="mc-app-iframe"></iframe></div>'),
      ),
    ).toEqual({
      app: 'Marketing Cloud',
      screen: 'Home',
    });
  });
  it('URL rules win over the title', () => {
    expect(
      detectApp('https://jbinteractions.s10.marketingcloudapps.com/#/dashboard', docFrom('', 'Content Builder')).app,
    ).toBe('Journey Builder');
  });
});

describe('practice pages', () => {
  it.each(PRACTICE_PAGES.map((p) => [p.app, p] as const))('%s: shell route and app frame agree', (app, page) => {
    const frame = loadFixture(page.file, page.frameUrl);
    expect(detectApp(page.frameUrl, frame.document).app).toBe(app);
    expect(detectApp(page.url).app).toBe(app);
  });
});
