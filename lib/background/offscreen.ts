/** Create the single offscreen document on demand (one per profile: a second create throws). */
const OFFSCREEN_PATH = '/offscreen.html';
let creating: Promise<void> | undefined;

export async function hasOffscreen(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType],
    documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

export async function ensureOffscreen(): Promise<void> {
  if (await hasOffscreen()) return;
  creating ??= browser.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      // USER_MEDIA keeps the document alive through silence (AUDIO_PLAYBACK alone closes it after 30 s).
      reasons: ['USER_MEDIA', 'WEB_RTC', 'AUDIO_PLAYBACK'] as Browser.offscreen.Reason[],
      justification: 'Voice session with the instructor: microphone, WebRTC connection and audio playback.',
    })
    .finally(() => (creating = undefined));
  await creating;
}
