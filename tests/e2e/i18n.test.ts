// The built extension in Chromium started in each of the six languages (`--lang` plus LANGUAGE, as Chromium on Linux
// reads both): Chrome picks the locale's _locales messages, the panel, the shortcuts and the microphone page show
// them with no English left over, the page says its language, and the instructor's answer language defaults to it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from '../support/browser';
import { startStack, type Stack } from '../support/stack';
import { englishLeftIn, readLocale } from '../support/locales';
import { answerLanguageFor } from '../../lib/i18n/ui-language';

const LOCALES = ['en', 'de', 'fr', 'es', 'ja', 'pt_BR'];
let stack: Stack;

before(async () => {
  stack = await startStack();
});
after(async () => {
  await stack?.stop();
});

for (const code of LOCALES) {
  test(`Chromium in ${code}: panel, shortcuts and microphone page in that language`, async () => {
    const messages = readLocale(code);
    const m = (key: string) => messages.get(key)!;
    const lang = code.replace('_', '-');
    const b = await launch(stack, { args: [`--lang=${lang}`], env: { LANGUAGE: code, LANG: `${code}.UTF-8` } });
    try {
      const { panel } = b;
      assert.equal(await panel.getAttribute('html', 'lang'), m('app.locale'));
      assert.equal((await panel.textContent('h1'))?.trim(), m('app.title'));
      assert.equal((await panel.textContent('[data-testid="connect"]'))?.trim(), m('session.connect'));
      assert.match(
        (await panel.textContent('[data-testid="talk-button"]')) ?? '',
        new RegExp(m('talk.hold').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
      );
      assert.equal(
        await panel.getAttribute('[data-testid="text-input"]', 'placeholder'),
        m('app.askPlaceholderConnects'),
      );

      const texts: string[] = [await panel.innerText('body')];
      for (const tab of ['seen', 'check']) {
        await panel.click(`[data-testid="tab-${tab}"]`);
        texts.push(await panel.innerText('body'));
      }
      await panel.click('[data-testid="toggle-settings"]');
      await panel.waitForSelector('[data-testid="settings"]');
      texts.push(await panel.innerText('body'));
      // Never chosen: the instructor answers in the browser's language.
      assert.equal(
        await panel.$eval('[data-testid="setting-language"]', (s) => (s as HTMLSelectElement).value),
        answerLanguageFor(m('app.locale')),
      );
      assert.deepEqual(englishLeftIn(code, texts.join('\n')), [], `${code}: English left in the panel`);

      const commands = await b.sw.evaluate(() => chrome.commands.getAll());
      const describe = (name: string) => commands.find((c) => c.name === name)?.description;
      assert.equal(describe('toggle-talk'), m('manifest.commandTalk'));
      assert.equal(describe('stop-speaking'), m('manifest.commandStopSpeaking'));

      const mic = await b.ctx.newPage();
      await mic.goto(`chrome-extension://${b.id}/mic-permission.html`);
      assert.equal((await mic.textContent('h1'))?.trim(), m('mic.heading'));
      assert.equal(await mic.title(), m('mic.pageTitle'));
      await mic.waitForFunction((t) => document.querySelector('#status')?.textContent === t, m('mic.allowed'));
      await mic.close();
    } finally {
      await b.close();
    }
  });
}
