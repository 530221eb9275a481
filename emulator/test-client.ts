/**
 * Test-only WebRTC client (node-datachannel), shaped like the extension's offscreen document: one sendrecv Opus
 * track carrying a real mic signal, the `oai-events` data channel, SDP over HTTP. Records every server event and
 * the level of the audio it receives.
 */
import ndc from 'node-datachannel';
import OpusScript from 'opusscript';
import { retainNative } from './peer.ts';

type Obj = Record<string, unknown>;
export type ServerEvent = Obj & { type: string; event_id: string };

let clientCount = 0;

export class TestClient {
  readonly events: ServerEvent[] = [];
  /** Wall-clock arrival time (ms) of each entry in `events`. */
  readonly arrivals: number[] = [];
  /** [wall ms, rms] of every received 20 ms frame. */
  readonly levels: [number, number][] = [];
  callId = '';
  dcClosed = false;
  private waiters: (() => void)[] = [];
  private mic: Int16Array | undefined;
  private micPos = 0;
  private timer: NodeJS.Timeout | undefined;
  private enc = new OpusScript(48000, 1, OpusScript.Application.VOIP);
  private dec = new OpusScript(48000, 1);
  private closed = false;

  private constructor(
    readonly pc: ndc.PeerConnection,
    readonly dc: ndc.DataChannel,
    readonly track: ndc.Track | undefined,
  ) {}

  /**
   * Offers, POSTs the SDP, applies the answer, waits for the data channel. The offer goes out without candidates, like
   * Chrome's when it does not wait for gathering: with candidates, the server's DTLS ClientHello could reach this
   * in-process libdatachannel peer before it had the answer's fingerprint ("certificate verify failed"), which closed it.
   */
  static async connect(
    baseUrl: string,
    key: string,
    opts: { audio?: boolean; path?: string } = {},
  ): Promise<{ client?: TestClient; status: number; body: string; location: string | null }> {
    const { pc, dc, track } = await TestClient.offer(opts.audio !== false);
    const sdp = pc
      .localDescription()!
      .sdp.split('\r\n')
      .filter((l) => !l.startsWith('a=candidate:') && l !== 'a=end-of-candidates')
      .join('\r\n');
    const res = await fetch(baseUrl + (opts.path ?? '/v1/realtime/calls'), {
      method: 'POST',
      body: sdp,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/sdp' },
    });
    const body = await res.text();
    if (res.status !== 201) {
      pc.close();
      return { status: res.status, body, location: res.headers.get('location') };
    }
    const client = new TestClient(pc, dc, track);
    client.callId = res.headers.get('location')?.split('/').pop() ?? '';
    dc.onMessage((m) => {
      client.events.push(JSON.parse(String(m)));
      client.arrivals.push(Date.now());
      client.wake();
    });
    dc.onClosed(() => {
      client.dcClosed = true;
      client.wake();
    });
    track?.onMessage((rtp) => client.onRtp(rtp));
    pc.setRemoteDescription(body, 'answer');
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('data channel did not open')), 10_000);
      if (dc.isOpen()) {
        clearTimeout(t);
        resolve();
      } else
        dc.onOpen(() => {
          clearTimeout(t);
          resolve();
        });
    });
    client.startMic();
    return { client, status: 201, body, location: res.headers.get('location') };
  }

  private static async offer(
    audio: boolean,
  ): Promise<{ pc: ndc.PeerConnection; dc: ndc.DataChannel; track?: ndc.Track }> {
    const pc = new ndc.PeerConnection(`client-${++clientCount}`, {
      iceServers: [],
      bindAddress: '127.0.0.1',
      disableAutoNegotiation: true,
      portRangeBegin: 50000,
      portRangeEnd: 59999,
    });
    let track: ndc.Track | undefined;
    if (audio) {
      const desc = new ndc.Audio('0', 'SendRecv');
      desc.addOpusCodec(111, 'minptime=10;useinbandfec=1');
      desc.addSSRC(1234, 'client', 'client-stream', 'client-mic');
      track = pc.addTrack(desc);
      const rtcp = new ndc.RtcpReceivingSession();
      track.setMediaHandler(rtcp);
      retainNative.push(desc, track, rtcp);
    }
    const dc = pc.createDataChannel('oai-events');
    retainNative.push(pc, dc);
    pc.setLocalDescription('offer');
    await new Promise<void>((resolve) => {
      if (pc.gatheringState() === 'complete') return resolve();
      pc.onGatheringStateChange((s) => {
        if (s === 'complete') resolve();
      });
    });
    return { pc, dc, track };
  }

  send(event: Obj): void {
    this.dc.sendMessage(JSON.stringify(event));
  }

  /** Plays `pcm` (48 kHz mono) into the mic track once, then silence. Resolves when it has been sent. */
  speak(pcm: Int16Array): Promise<void> {
    this.mic = pcm;
    this.micPos = 0;
    return new Promise((resolve) => {
      const check = setInterval(() => {
        if (!this.mic) {
          clearInterval(check);
          resolve();
        }
      }, 10);
    });
  }

  /** Waits for the next event of `type` (after index `from`) matching `pred`. */
  async waitFor(
    type: string,
    opts: { from?: number; timeout?: number; pred?: (e: ServerEvent) => boolean } = {},
  ): Promise<ServerEvent> {
    const deadline = Date.now() + (opts.timeout ?? 10_000);
    for (;;) {
      const found = this.events.slice(opts.from ?? 0).find((e) => e.type === type && (!opts.pred || opts.pred(e)));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${type}; got ${this.events.map((e) => e.type).join(', ')}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, left);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  async waitClosed(timeout = 5000): Promise<void> {
    const deadline = Date.now() + timeout;
    while (!this.dcClosed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    if (!this.dcClosed) throw new Error('data channel did not close');
  }

  /** Arrival time of `event` (ms since epoch). */
  at(event: ServerEvent): number {
    return this.arrivals[this.events.indexOf(event)];
  }

  types(from = 0): string[] {
    return this.events.slice(from).map((e) => e.type);
  }

  maxLevel(fromMs: number, toMs: number): number {
    return this.levels.filter(([t]) => t >= fromMs && t <= toMs).reduce((m, [, l]) => Math.max(m, l), 0);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    try {
      this.dc.close();
    } catch {
      /* ignore */
    }
    try {
      this.pc.close();
    } catch {
      /* ignore */
    }
    this.enc.delete();
    this.dec.delete();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private startMic(): void {
    if (!this.track) return;
    let seq = 0,
      ts = 0,
      sent = 0;
    const t0 = performance.now();
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - t0) / 20);
      for (; sent < due; sent++) {
        const frame = new Int16Array(960);
        if (this.mic) {
          frame.set(this.mic.subarray(this.micPos, this.micPos + 960));
          this.micPos += 960;
          if (this.micPos >= this.mic.length) this.mic = undefined;
        }
        const h = Buffer.alloc(12);
        h[0] = 0x80;
        h[1] = 111;
        h.writeUInt16BE(seq, 2);
        h.writeUInt32BE(ts, 4);
        h.writeUInt32BE(1234, 8);
        seq = (seq + 1) & 0xffff;
        ts = (ts + 960) >>> 0;
        try {
          if (this.track?.isOpen())
            this.track.sendMessageBinary(Buffer.concat([h, this.enc.encode(Buffer.from(frame.buffer), 960)]));
        } catch {
          /* closed */
        }
      }
    }, 10);
  }

  private onRtp(rtp: Buffer): void {
    if (this.closed || (rtp[1] & 0x7f) !== 111) return;
    let off = 12 + 4 * (rtp[0] & 0x0f);
    if (rtp[0] & 0x10) off += 4 + 4 * rtp.readUInt16BE(off + 2);
    try {
      const pcm = this.dec.decode(rtp.subarray(off));
      let s = 0;
      for (let i = 0; i < pcm.length; i += 2) {
        const v = pcm.readInt16LE(i) / 32768;
        s += v * v;
      }
      this.levels.push([Date.now(), Math.sqrt(s / (pcm.length / 2))]);
    } catch {
      /* ignore */
    }
  }
}

export async function mintKey(baseUrl: string, session: Obj = { type: 'realtime' }, extra: Obj = {}): Promise<string> {
  const res = await fetch(`${baseUrl}/v1/realtime/client_secrets`, {
    method: 'POST',
    headers: { Authorization: 'Bearer sk-test', 'Content-Type': 'application/json' },
    body: JSON.stringify({ session, ...extra }),
  });
  if (res.status !== 200) throw new Error(`mint failed ${res.status} ${await res.text()}`);
  return ((await res.json()) as { value: string }).value;
}
