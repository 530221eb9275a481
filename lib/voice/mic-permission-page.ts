/** Logic of the microphone-permission page (entrypoints/mic-permission). */
import { sendTo } from '@/lib/messaging/protocol';

export function siteSettingsUrl(): string {
  return `chrome://settings/content/siteDetails?site=${encodeURIComponent(`chrome-extension://${browser.runtime.id}`)}`;
}

export async function requestMicrophone(status: HTMLElement): Promise<void> {
  status.className = '';
  status.textContent = 'Waiting for your answer in Chrome’s prompt…';
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    stream.getTracks().forEach((t) => t.stop());
    status.className = 'ok';
    status.textContent = 'Microphone allowed. You can close this tab and go back to the side panel.';
    await sendTo('background', 'engine/command', { type: 'recheck-mic' }).catch(() => undefined);
  } catch (error) {
    const denied = error instanceof DOMException && error.name === 'NotAllowedError';
    status.className = 'bad';
    status.textContent = denied
      ? `The microphone is blocked. Open ${siteSettingsUrl()} (paste it in the address bar), set Microphone to “Allow”, then press the button again.`
      : `The microphone could not be opened: ${error instanceof Error ? error.message : String(error)}`;
  }
}
