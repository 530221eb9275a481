/// <reference lib="dom" />
/**
 * Manual end-to-end check with headless Chromium (not part of vitest): `npx tsx emulator/browser-smoke.ts`.
 * Chromium's fake mic plays an espeak question; the page mints a key, does the SDP exchange, lets server VAD take
 * the turn, and measures the level of the reply audio with an AnalyserNode. Prints the event order and mic stats.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startEmulator } from './index.ts';
import { synthesize } from './speech.ts';

function wav48k(pcm: Int16Array): Buffer {
  const h = Buffer.alloc(44);
  h.write('RIFF', 0);
  h.writeUInt32LE(36 + pcm.byteLength, 4);
  h.write('WAVEfmt ', 8);
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(48000, 24);
  h.writeUInt32LE(96000, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36);
  h.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([h, Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength)]);
}

const speech = await synthesize('How do I set up re-entry in my journey?', 'ash');
const mic = new Int16Array(48000 + speech.length + 48000 * 3);
mic.set(speech, 48000);
const wavPath = join(tmpdir(), 'emulator-smoke-mic.wav');
writeFileSync(wavPath, wav48k(mic));

const emu = await startEmulator({ port: 0 });
await fetch(`${emu.url}/__emulator/script`, {
  method: 'POST',
  body: JSON.stringify({
    replies: [
      { text: 'Re-entry lets a contact enter the journey again.', userTranscript: 'How do I set up re-entry?' },
    ],
  }),
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-audio-capture=${wavPath}`,
    '--allow-loopback-in-peer-connection',
    '--autoplay-policy=no-user-gesture-required',
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`${emu.url}/__emulator/health`);
  const out = await page.evaluate(async (base) => {
    const auth = { Authorization: 'Bearer sk-smoke', 'Content-Type': 'application/json' };
    const session = {
      type: 'realtime',
      audio: {
        input: {
          turn_detection: { type: 'server_vad', silence_duration_ms: 700 },
          transcription: { model: 'gpt-4o-mini-transcribe' },
        },
      },
    };
    const key = (
      (await (
        await fetch(`${base}/v1/realtime/client_secrets`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ session }),
        })
      ).json()) as { value: string }
    ).value;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    const pc = new RTCPeerConnection();
    pc.addTransceiver(stream.getAudioTracks()[0], { direction: 'sendrecv' });
    const dc = pc.createDataChannel('oai-events');
    const remote = new Promise<MediaStream>((r) => {
      pc.ontrack = (e) => r(e.streams[0] ?? new MediaStream([e.track]));
    });
    await pc.setLocalDescription(await pc.createOffer());
    const res = await fetch(`${base}/v1/realtime/calls`, {
      method: 'POST',
      body: pc.localDescription!.sdp,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/sdp' },
    });
    await pc.setRemoteDescription({ type: 'answer', sdp: await res.text() });
    const audio = await remote;
    const el = new Audio();
    el.muted = true;
    el.srcObject = audio;
    void el.play();
    const ac = new AudioContext();
    const an = ac.createAnalyser();
    ac.createMediaStreamSource(audio).connect(an);
    const buf = new Float32Array(2048);
    let level = 0,
      playing = false;
    const timer = setInterval(() => {
      an.getFloatTimeDomainData(buf);
      let s = 0;
      for (const v of buf) s += v * v;
      if (playing) level = Math.max(level, Math.sqrt(s / buf.length));
    }, 50);
    const types: string[] = [];
    await new Promise<void>((resolve) => {
      dc.onmessage = (m) => {
        const ev = JSON.parse(m.data);
        if (types.at(-1) !== ev.type) types.push(ev.type);
        if (ev.type === 'output_audio_buffer.started') playing = true;
        if (ev.type === 'output_audio_buffer.stopped') resolve();
      };
      setTimeout(resolve, 25_000);
    });
    clearInterval(timer);
    pc.close();
    return { status: res.status, level, types };
  }, emu.url);
  const mics = (
    (await (await fetch(`${emu.url}/__emulator/received`)).json()) as { calls: { mic: unknown }[] }
  ).calls.map((c) => c.mic);
  console.log(JSON.stringify({ ...out, mic: mics[0] }, null, 1));
  process.exitCode =
    out.status === 201 && out.level > 0.02 && out.types.includes('output_audio_buffer.stopped') ? 0 : 1;
} finally {
  await browser.close();
  await emu.close();
}
process.exit();
