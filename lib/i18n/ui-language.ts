/**
 * The instructor's answer language when the user never chose one: the browser's UI language, if the instructor
 * offers it (lib/languages.ts), else English. "pt-BR" → "pt", "de-AT" → "de", "ja" → "ja", "tr" → "en".
 */
import { LANGUAGES } from '@/lib/languages';

export function answerLanguageFor(uiLanguage: string | undefined, offered: Record<string, string> = LANGUAGES): string {
  const base = (uiLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return base in offered ? base : 'en';
}

/** chrome.i18n.getUILanguage() where an extension context has it; undefined elsewhere (Node scripts, tools). */
export function browserUiLanguage(): string | undefined {
  try {
    return browser?.i18n?.getUILanguage?.();
  } catch {
    return undefined;
  }
}
