/**
 * Microphone access from the offscreen document. It cannot show Chrome's prompt (docs/extension-platform.md#microphone-permission), so a
 * refusal is turned into a specific error that the side panel answers with the permission page.
 */
import type { EngineError, MicPermission } from './types';
import { EngineFailure } from '@/lib/realtime/failure';

export async function queryMicPermission(): Promise<MicPermission> {
  try {
    const status = await navigator.permissions.query({ name: 'microphone' as PermissionName });
    return status.state;
  } catch {
    return 'unknown';
  }
}

export async function openMic(deviceId: string): Promise<MediaStream> {
  const audio: MediaTrackConstraints = { echoCancellation: true, noiseSuppression: true, autoGainControl: true };
  if (deviceId) audio.deviceId = { exact: deviceId };
  try {
    return await navigator.mediaDevices.getUserMedia({ audio });
  } catch (error) {
    const name = error instanceof DOMException ? error.name : '';
    if (name === 'OverconstrainedError' || name === 'NotFoundError') {
      if (deviceId) return openMic(''); // the chosen mic was unplugged: fall back to the default one
      throw new EngineFailure(
        {
          code: 'mic_missing',
          message: 'No microphone was found.',
          fix: 'Plug in a microphone, then press Connect again.',
        },
        'none',
      );
    }
    if (name === 'NotAllowedError') throw new EngineFailure(await permissionError(), 'none');
    throw new EngineFailure(
      {
        code: 'mic_failed',
        message: `The microphone could not be opened (${name || String(error)}).`,
        fix: 'Close other apps that use the microphone and try again.',
      },
      'none',
    );
  }
}

async function permissionError(): Promise<EngineError> {
  if ((await queryMicPermission()) === 'denied') {
    return {
      code: 'mic_denied',
      message: 'Microphone access is blocked for SFMC Voice Instructor.',
      fix: 'Open the extension’s site settings (button below), set Microphone to “Allow”, then press Check again.',
    };
  }
  return {
    code: 'mic_permission',
    message: 'SFMC Voice Instructor needs permission to use your microphone.',
    fix: 'Press “Allow microphone”. In Chrome’s prompt choose the option that keeps allowing it (“Allow while visiting the site”), not the one-time “Allow this time”.',
  };
}
