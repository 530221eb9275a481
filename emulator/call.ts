/**
 * Wires one WebRTC call together: the peer, its session state machine, the test record, the session cap, and the
 * control hooks (drop the data channel, close the peer, inject an error, hang up).
 */
import { randomId } from './ids.ts';
import { RtcPeer } from './peer.ts';
import { CallSession } from './session.ts';
import type { EffectiveSession } from './session-config.ts';
import { errors } from './errors.ts';
import type { CallRecord, EmulatorStore, LiveCall } from './store.ts';

const SIXTY_MINUTES = 60 * 60 * 1000;

export async function createCall(
  store: EmulatorStore,
  session: EffectiveSession,
  offer: string,
  keyLabel: string,
): Promise<{ id: string; answer: string }> {
  const id = randomId('rtc_u1', 24);
  const startedAt = Date.now();
  const record: CallRecord = {
    id,
    createdAt: new Date(startedAt).toISOString(),
    clientEvents: [],
    mic: { receivedMs: 0, rmsWhileLive: 0, peak: 0, commits: [] },
    closed: false,
  };
  const holder: { call?: CallSession } = {};
  let capTimer: NodeJS.Timeout | undefined;
  const peer = new RtcPeer({
    onOpen: () => holder.call?.onOpen(),
    onMessage: (text) => holder.call?.onMessage(text),
    onMic: (pcm) => holder.call?.onMic(pcm),
    onClose: (reason) => {
      clearTimeout(capTimer);
      record.closed = true;
      store.live.delete(id);
      holder.call?.dispose();
      store.log(`call ${id} closed (${reason}) after ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    },
  });
  const call = new CallSession(session, store, record, peer);
  holder.call = call;

  const live: LiveCall = {
    id,
    record,
    dropDataChannel: () => peer.closeDataChannel(),
    closePeer: () => peer.close('closed by fault'),
    hangup: () => peer.close('hangup'),
    sendError: (e) =>
      call.error({ message: e.message, code: e.code, type: e.type ?? 'invalid_request_error', param: null }),
    applySessionCap: (ms) => {
      clearTimeout(capTimer);
      capTimer = setTimeout(
        () => {
          call.error(errors.sessionExpired());
          setTimeout(() => peer.close('session cap'), 100);
        },
        Math.max(0, startedAt + ms - Date.now()),
      );
    },
    resetRecord: () => {
      record.clientEvents = [];
      record.mic = { receivedMs: 0, rmsWhileLive: 0, peak: 0, commits: [] };
      call.input.resetStats();
    },
  };
  let answer: string;
  try {
    answer = await peer.answer(offer);
  } catch (err) {
    peer.close('bad offer');
    throw err;
  }
  store.calls.push(record);
  if (store.calls.length > 200) {
    const drop = store.calls.findIndex((c) => c.closed);
    if (drop >= 0) store.calls.splice(drop, 1);
  }
  store.live.set(id, live);
  live.applySessionCap(store.faults.sessionMaxMs ?? SIXTY_MINUTES);
  store.log(`call ${id} set up (key ${keyLabel}, model ${session.model})`);
  return { id, answer };
}
