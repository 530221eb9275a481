/**
 * The WebRTC transport to the Realtime API (docs/realtime-protocol.md#starting-a-call,
 * docs/realtime-protocol.md#data-channel): a peer connection carrying our send track and the `oai-events` data channel,
 * the SDP offer (made while the key is still being minted) POSTed with the ephemeral key, the answer applied. Each
 * phase is timed. Server events are parsed and checked here (`parse.ts`), so the engine sees typed events only. It
 * never reconnects by itself: the link decides (a fresh key per attempt).
 */
import { describeSdpFailure } from './errors';
import { EngineFailure } from './failure';
import { parseServerEvent } from './parse';
import type { AudioStats, OpenTransport, RealtimeTransport } from './transport';

/** Open a call; resolves once the data channel is open (the link then waits for session.created). */
export const openWebRtcTransport: OpenTransport = async (key, sendTrack, handlers, signal) => {
  const pc = new RTCPeerConnection();
  let closedByUs = false;
  const fail = (reason: string) => {
    if (!closedByUs) handlers.onLost(reason);
  };
  try {
    pc.addTransceiver(sendTrack, { direction: 'sendrecv' });
    pc.ontrack = (e) => handlers.onRemoteAudio(e.streams[0] ?? new MediaStream([e.track]));
    const dc = pc.createDataChannel('oai-events');
    dc.onmessage = (e) => {
      const parsed = parseServerEvent(e.data);
      if (!parsed.ok) console.warn('[realtime] unreadable server message', parsed.error);
      else if ('unknown' in parsed) console.info('[realtime] unknown server event', parsed.unknown.type);
      else handlers.onEvent(parsed.event);
    };

    // The offer needs no key: it is made while the key is still being minted, off the connect's critical path.
    await pc.setLocalDescription(await pc.createOffer());
    const token = await key;
    const t0 = performance.now();
    let res: Response;
    try {
      res = await fetch(token.realtime_url, {
        method: 'POST',
        body: pc.localDescription!.sdp,
        headers: { authorization: `Bearer ${token.value}`, 'content-type': 'application/sdp' },
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new EngineFailure(
        {
          code: 'realtime_unreachable',
          message: `Can't reach the Realtime API at ${new URL(token.realtime_url).origin}.`,
          fix: 'Check your network; the token service decides this address (OPENAI_BASE_URL).',
        },
        'backoff',
      );
    }
    if (res.status !== 201 && res.status !== 200) {
      const body: unknown = await res.json().catch(() => null);
      throw new EngineFailure(
        describeSdpFailure(res.status, body),
        res.status === 401 ? 'fresh-key' : res.status >= 500 ? 'backoff' : 'none',
      );
    }
    const callId = res.headers.get('location')?.split('/').pop() ?? '';
    await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
    const t1 = performance.now();

    await waitForOpen(pc, dc, signal);
    const t2 = performance.now();

    dc.onclose = () => fail('data channel closed');
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') fail(`connection ${pc.connectionState}`);
    };
    const transport: RealtimeTransport = {
      id: callId,
      send(event) {
        if (dc.readyState !== 'open') return false;
        dc.send(JSON.stringify(event));
        return true;
      },
      close() {
        closedByUs = true;
        dc.onclose = null;
        pc.onconnectionstatechange = null;
        dc.close();
        pc.close();
      },
      audioStats: () => inboundAudioStats(pc),
    };
    return { transport, timings: { sdpMs: t1 - t0, iceMs: t2 - t1 } };
  } catch (error) {
    closedByUs = true;
    pc.close();
    throw error;
  }
};

/** Drops of the incoming (instructor) audio, from WebRTC stats. */
async function inboundAudioStats(pc: RTCPeerConnection): Promise<AudioStats | undefined> {
  const report = await pc.getStats().catch(() => undefined);
  let found: AudioStats | undefined;
  report?.forEach((s: { type: string; kind?: string; packetsLost?: number; concealedSamples?: number }) => {
    if (s.type === 'inbound-rtp' && s.kind === 'audio')
      found = { packetsLost: s.packetsLost ?? 0, concealedSamples: s.concealedSamples ?? 0 };
  });
  return found;
}

function waitForOpen(
  pc: RTCPeerConnection,
  dc: RTCDataChannel,
  signal: AbortSignal,
  timeoutMs = 15_000,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (dc.readyState === 'open') return resolve();
    const timer = setTimeout(() => done(iceFailure('timed out')), timeoutMs);
    const onState = () => {
      if (pc.connectionState === 'failed') done(iceFailure('failed'));
    };
    const onAbort = () => done(new DOMException('aborted', 'AbortError'));
    function done(error?: unknown) {
      clearTimeout(timer);
      dc.removeEventListener('open', onOpen);
      pc.removeEventListener('connectionstatechange', onState);
      signal.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    }
    function onOpen() {
      done();
    }
    dc.addEventListener('open', onOpen);
    pc.addEventListener('connectionstatechange', onState);
    signal.addEventListener('abort', onAbort);
  });
}

function iceFailure(how: string): EngineFailure {
  return new EngineFailure(
    {
      code: 'ice_failed',
      message: `The audio connection ${how} while connecting.`,
      fix: 'A firewall or VPN may block WebRTC (UDP). Try another network.',
    },
    'backoff',
  );
}
