/**
 * The WebRTC answerer (node-datachannel): accepts the client's `oai-events` data channel, decodes the mic's Opus RTP
 * into 20 ms PCM frames, and sends one Opus track (PT from the offer, normally 111) paced by the wall clock: queued reply
 * segments, silence when idle, missed slots after an event-loop stall are skipped (timestamp advanced, no burst).
 */
import ndc from 'node-datachannel';
import OpusScript from 'opusscript';
import { SAMPLE_RATE } from './speech.ts';

const FRAME = 960; // 20 ms at 48 kHz

/**
 * node-datachannel 0.33 segfaults when a closed PeerConnection (or its channels/tracks) is garbage-collected
 * (reproduced with --expose-gc). Keep every native object reachable until the process ends; each is small once closed.
 */
export const retainNative: unknown[] = [];
let peerCount = 0;

export interface Segment {
  pcm: Int16Array;
  /** First frame of this segment went out on RTP. */
  onStart?: () => void;
  /** Last frame went out (the audio has been played in real time). Not called when cleared. */
  onEnd?: () => void;
  tag?: string;
}

interface VirtualSegment {
  segment: Segment;
  startAt: number;
  endAt: number;
  timers: NodeJS.Timeout[];
  started?: boolean;
}

export interface PeerHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** One decoded mic frame (48 kHz mono). */
  onMic(pcm: Int16Array): void;
  onClose(reason: string): void;
}

export class RtcPeer {
  readonly pc: ndc.PeerConnection;
  private dc: ndc.DataChannel | undefined;
  private track: ndc.Track | undefined;
  private enc = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.VOIP);
  private dec = new OpusScript(SAMPLE_RATE, 1);
  private timer: NodeJS.Timeout | undefined;
  private queue: Segment[] = [];
  private virtual: VirtualSegment[] = [];
  private pos = 0;
  private started = false;
  private closed = false;
  private seq = (Math.random() * 65536) | 0;
  private ts = (Math.random() * 2 ** 32) >>> 0;
  private ssrc = (Math.random() * 2 ** 32) >>> 0;
  private pt = 111;

  constructor(private handlers: PeerHandlers) {
    this.pc = new ndc.PeerConnection(`emulator-${++peerCount}`, {
      iceServers: [],
      bindAddress: '127.0.0.1',
      disableAutoNegotiation: true,
      portRangeBegin: 40000,
      portRangeEnd: 49999,
    });
    retainNative.push(this.pc);
    this.pc.onStateChange((st) => {
      if (st === 'closed' || st === 'failed') this.close(`peer ${st}`);
    });
    this.pc.onDataChannel((dc) => {
      retainNative.push(dc);
      if (dc.getLabel() !== 'oai-events' || this.dc) return;
      this.dc = dc;
      dc.onMessage((m) => this.guard(() => this.handlers.onMessage(typeof m === 'string' ? m : '\u0000binary')));
      dc.onClosed(() => this.close('data channel closed'));
      if (dc.isOpen()) this.guard(() => this.handlers.onOpen());
      else dc.onOpen(() => this.guard(() => this.handlers.onOpen()));
    });
  }

  /** Applies the offer and returns the answer SDP once ICE gathering is complete (no trickle in this API). */
  async answer(offer: string): Promise<string> {
    this.pc.setRemoteDescription(offer, 'offer');
    const audioSection = offer.split(/^m=/m).find((s) => s.startsWith('audio'));
    if (audioSection) {
      const mid = /a=mid:(\S+)/.exec(audioSection)?.[1] ?? '0';
      this.pt = Number(/a=rtpmap:(\d+) opus\/48000/i.exec(audioSection)?.[1] ?? 111);
      const audio = new ndc.Audio(mid, 'SendRecv');
      audio.addOpusCodec(this.pt, 'minptime=10;useinbandfec=1');
      audio.addSSRC(this.ssrc, 'realtime', 'realtime-stream', 'realtime-audio');
      const track = this.pc.addTrack(audio);
      const rtcp = new ndc.RtcpReceivingSession();
      track.setMediaHandler(rtcp);
      retainNative.push(audio, track, rtcp);
      track.onMessage((rtp) => this.onRtp(rtp));
      this.track = track;
      this.startClock();
    }
    this.pc.setLocalDescription('answer');
    if (this.pc.gatheringState() !== 'complete') {
      await new Promise<void>((resolve) => {
        this.pc.onGatheringStateChange((s) => {
          if (s === 'complete') resolve();
        });
        if (this.pc.gatheringState() === 'complete') resolve();
      });
    }
    const sdp = this.pc.localDescription()?.sdp;
    if (!sdp) throw new Error('no local description');
    return sdp;
  }

  send(event: object): boolean {
    if (this.closed || !this.dc?.isOpen()) return false;
    try {
      return this.dc.sendMessage(JSON.stringify(event));
    } catch {
      return false;
    }
  }

  /** Queues audio after whatever is playing. */
  play(segment: Segment): void {
    if (segment.pcm.length === 0 || !this.timer) return this.playVirtual(segment);
    this.queue.push(segment);
  }

  /** No audio m-line in the offer (data-channel-only client): keep the timing and the queue order, skip the RTP. */
  private playVirtual(segment: Segment): void {
    const now = performance.now();
    const startAt = Math.max(now, this.virtual.at(-1)?.endAt ?? now);
    const entry: VirtualSegment = {
      segment,
      startAt,
      endAt: startAt + (segment.pcm.length / SAMPLE_RATE) * 1000,
      timers: [],
    };
    this.virtual.push(entry);
    this.scheduleVirtual(entry);
  }

  private scheduleVirtual(entry: VirtualSegment): void {
    for (const t of entry.timers) clearTimeout(t);
    const now = performance.now();
    entry.timers = [
      setTimeout(
        () => {
          if (!entry.started) {
            entry.started = true;
            entry.segment.onStart?.();
          }
        },
        Math.max(0, entry.startAt - now),
      ),
      setTimeout(
        () => {
          this.virtual.splice(this.virtual.indexOf(entry), 1);
          if (!this.closed) entry.segment.onEnd?.();
        },
        Math.max(0, entry.endAt - now),
      ),
    ];
  }

  /** Drops everything not yet sent; returns the tags of the segments that were playing or queued. */
  clearAudio(): string[] {
    const tags = [...this.queue, ...this.virtual.map((v) => v.segment)].map((s) => s.tag ?? '');
    for (const v of this.virtual) for (const t of v.timers) clearTimeout(t);
    this.virtual = [];
    this.queue = [];
    this.pos = 0;
    this.started = false;
    return tags;
  }

  /**
   * Cuts the first queued segment with `tag` so it ends `keepMs` after the current play position, and drops the
   * segments with that tag queued after it (a response's later items). Returns how many of its segments remain (0/1).
   */
  truncate(tag: string, keepMs: number): number {
    const i = this.queue.findIndex((s) => s.tag === tag);
    if (i >= 0) {
      const seg = this.queue[i];
      const from = i === 0 ? this.pos : 0;
      const end = Math.min(seg.pcm.length, from + Math.round((keepMs * SAMPLE_RATE) / 1000));
      seg.pcm = seg.pcm.subarray(0, end);
      this.queue = this.queue.filter((s, j) => j <= i || s.tag !== tag);
      return 1;
    }
    const v = this.virtual.findIndex((e) => e.segment.tag === tag);
    if (v < 0) return 0;
    const entry = this.virtual[v];
    entry.endAt = Math.min(entry.endAt, Math.max(performance.now(), entry.startAt) + keepMs);
    this.scheduleVirtual(entry);
    for (const later of this.virtual.filter((e, j) => j > v && e.segment.tag === tag))
      for (const t of later.timers) clearTimeout(t);
    this.virtual = this.virtual.filter((e, j) => j <= v || e.segment.tag !== tag);
    return 1;
  }

  get playing(): boolean {
    return this.queue.length > 0 || this.virtual.length > 0;
  }

  closeDataChannel(): void {
    try {
      this.dc?.close();
    } catch {
      /* already closed */
    }
  }

  close(reason = 'closed'): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.queue = [];
    for (const v of this.virtual) for (const t of v.timers) clearTimeout(t);
    this.virtual = [];
    try {
      this.dc?.close();
    } catch {
      /* ignore */
    }
    try {
      this.track?.close();
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
    this.handlers.onClose(reason);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  /** A bug in a handler must not escape into a native callback (that would end the process): log and go on. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      process.stderr.write(`[emulator] internal error: ${(err as Error).stack ?? String(err)}\n`);
    }
  }

  private onRtp(rtp: Buffer): void {
    if (this.closed || rtp.length < 12 || (rtp[1] & 0x7f) !== this.pt) return;
    let off = 12 + 4 * (rtp[0] & 0x0f);
    if (rtp[0] & 0x10) off += 4 + 4 * rtp.readUInt16BE(off + 2);
    let end = rtp.length;
    if (rtp[0] & 0x20) end -= rtp[rtp.length - 1];
    if (end <= off) return;
    try {
      const pcm = this.dec.decode(rtp.subarray(off, end));
      const frame = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.length >> 1).slice();
      this.guard(() => this.handlers.onMic(frame));
    } catch {
      /* corrupt packet */
    }
  }

  private startClock(): void {
    const t0 = performance.now();
    let sent = 0;
    this.timer = setInterval(() => {
      const due = Math.floor((performance.now() - t0) / 20);
      if (due - sent > 3) {
        this.ts = (this.ts + FRAME * (due - sent - 1)) >>> 0;
        sent = due - 1;
      }
      for (; sent < due; sent++) this.sendFrame();
    }, 10);
  }

  private nextFrame(): Int16Array {
    const seg = this.queue[0];
    if (!seg) return new Int16Array(FRAME);
    if (!this.started) {
      this.started = true;
      seg.onStart?.();
    }
    const frame = new Int16Array(FRAME);
    frame.set(seg.pcm.subarray(this.pos, this.pos + FRAME));
    this.pos += FRAME;
    if (this.pos >= seg.pcm.length) {
      this.queue.shift();
      this.pos = 0;
      this.started = false;
      seg.onEnd?.();
    }
    return frame;
  }

  private sendFrame(): void {
    const frame = this.nextFrame();
    if (this.closed || !this.track?.isOpen()) return;
    const header = Buffer.alloc(12);
    header[0] = 0x80;
    header[1] = this.pt;
    header.writeUInt16BE(this.seq, 2);
    header.writeUInt32BE(this.ts, 4);
    header.writeUInt32BE(this.ssrc, 8);
    this.seq = (this.seq + 1) & 0xffff;
    this.ts = (this.ts + FRAME) >>> 0;
    try {
      const payload = this.enc.encode(Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength), FRAME);
      this.track.sendMessageBinary(Buffer.concat([header, payload]));
    } catch {
      /* track closed meanwhile */
    }
  }
}
