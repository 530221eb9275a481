/**
 * The language the panel is shown in, and the instructor's answer language when the user never chose one: the
 * browser's UI language, if the instructor offers it (lib/languages.ts), else English. "pt-BR" → "pt", "de-AT" →
 * "de", "ja" → "ja", "tr" → "en".
 */
import { LANGUAGES } from '@/lib/languages';

export function answerLanguageFor(uiLanguage: string | undefined, offered: Record<string, string> = LANGUAGES): string {
  const base = (uiLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in offered ? base : 'en';
}

/**
 * The language of the messages Chrome chose for the browser's UI language (each locale file names itself in
 * `app.locale`), else chrome.i18n.getUILanguage(); undefined outside an extension (Node scripts, tools). The messages'
 * own code is the truth: Chromium without its language packs reports "en-US" while it shows a `--lang` locale.
 */
export function browserUiLanguage(): string | undefined {
  try {
    // WXT types getMessage with public/_locales names only; @wxt-dev/i18n writes this one at build time.
    const i18nApi = browser?.i18n as
      { getMessage?: (name: string) => string; getUILanguage?: () => string } | undefined;
    return i18nApi?.getMessage?.('app_locale') || i18nApi?.getUILanguage?.();
  } catch {
    return undefined;
  }
}
