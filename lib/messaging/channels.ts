/** BroadcastChannel names between extension pages (same origin). Audio features: worklets/protocol.ts. */

/** The offscreen engine posts an EngineSnapshot here on every change; the side panel mirrors it. */
export const ENGINE_CHANNEL = 'sfmc-voice-engine';
