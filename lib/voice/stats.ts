/** Audio drops of the incoming (instructor) audio, from WebRTC stats, for the status bar. */
export async function readAudioStats(pc: RTCPeerConnection): Promise<{ packetsLost: number; concealedSamples: number } | undefined> {
  const report = await pc.getStats().catch(() => undefined);
  let found: { packetsLost: number; concealedSamples: number } | undefined;
  report?.forEach((s: { type: string; kind?: string; packetsLost?: number; concealedSamples?: number }) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio') found = { packetsLost: s.packetsLost ?? 0, concealedSamples: s.concealedSamples ?? 0 };
  });
  return found;
}
