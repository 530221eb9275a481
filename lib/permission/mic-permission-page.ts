/** Logic of the microphone-permission page (entrypoints/mic-permission). */
import { sendTo } from '@/lib/messaging/protocol';

export function siteSettingsUrl(): string {
  return `chrome://settings/content/siteDetails?site=${encodeURIComponent(`chrome-extension://${browser.runtime.id}`)}`;
}

/** What the page says at each step; the page passes its locale's words (entrypoints/mic-permission/main.ts). */
export interface MicPageText {
  waiting: string;
  allowed: string;
  blocked: (siteSettings: string) => string;
  failed: (reason: string) => string;
}

const ENGLISH: MicPageText = {
  waiting: 'Waiting for your answer in Chrome’s prompt…',
  allowed: 'Microphone allowed. You can close this tab and go back to the side panel.',
  blocked: (url) =>
    `The microphone is blocked. Open ${url} (paste it in the address bar), set Microphone to “Allow”, then press the button again.`,
  failed: (reason) => `The microphone could not be opened: ${reason}`,
};

export async function requestMicrophone(status: HTMLElement, text: MicPageText = ENGLISH): Promise<void> {
  status.className = '';
  status.textContent = text.waiting;
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    stream.getTracks().forEach((t) => t.stop());
    status.className = 'ok';
    status.textContent = text.allowed;
    await sendTo('background', 'engine/command', { type: 'recheck-mic' }).catch(() => undefined);
  } catch (error) {
    const denied = error instanceof DOMException && error.name === 'NotAllowedError';
    status.className = 'bad';
    status.textContent = denied
      ? text.blocked(siteSettingsUrl())
      : text.failed(error instanceof Error ? error.message : String(error));
  }
}
