/** The engine's real parts in the offscreen document: the token service, WebRTC, Web Audio and the microphone. */
import { mintToken } from '@/lib/realtime/token';
import { openWebRtcTransport } from '@/lib/realtime/webrtc';
import { createAudioGraph, prewarmAudio } from './audio-graph';
import type { EngineDeps } from './engine';
import { openMic, queryMicPermission } from './mic';

export const browserEngineDeps: EngineDeps = {
  mintToken,
  openTransport: openWebRtcTransport,
  createAudioGraph,
  openMic,
  queryMicPermission,
  prewarmAudio,
};
