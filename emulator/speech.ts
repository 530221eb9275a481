/**
 * Reply audio: espeak-ng speech resampled to 48 kHz mono Int16, cached per (voice, speed, text). Without espeak-ng a
 * synthesized voiced signal (harmonics with a syllable envelope) of the same rough duration is used, with one warning.
 */
import { spawn } from 'node:child_process';

export const SAMPLE_RATE = 48_000;
const cache = new Map<string, Promise<Int16Array>>();
let espeakMissing = false;

/** espeak-ng variants that make the GA voices sound a little different from each other. */
const VOICE_VARIANT: Record<string, string> = {
  alloy: 'en-us',
  ash: 'en-us+m3',
  ballad: 'en-us+m2',
  coral: 'en-us+f3',
  echo: 'en-us+m1',
  sage: 'en-us+f2',
  shimmer: 'en-us+f4',
  verse: 'en-us+m4',
  marin: 'en-us+f3',
  cedar: 'en-us+m3',
};

export function synthesize(text: string, voice = 'alloy', speed = 1): Promise<Int16Array> {
  const key = `${voice}|${speed}|${text}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = espeak(text, VOICE_VARIANT[voice] ?? 'en-us', Math.round(175 * speed)).catch((err: unknown) => {
      if (!espeakMissing) {
        espeakMissing = true;
        process.stderr.write(
          `[emulator] warning: espeak-ng unavailable (${(err as Error).message}); using a synthetic voice\n`,
        );
      }
      return syntheticVoice(text, speed);
    });
    cache.set(key, hit);
    if (cache.size > 200) cache.delete(cache.keys().next().value as string);
  }
  return hit;
}

export function isEspeakMissing(): boolean {
  return espeakMissing;
}

function espeak(text: string, variant: string, wpm: number): Promise<Int16Array> {
  if (espeakMissing) return Promise.reject(new Error('espeak-ng missing'));
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.env.EMULATOR_ESPEAK ?? 'espeak-ng',
      ['-v', variant, '-s', String(wpm), '--stdout', text],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`espeak-ng exited with ${code}`));
      try {
        resolve(wavTo48k(Buffer.concat(chunks)));
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

/** Parses a 16-bit mono PCM WAV (espeak writes a streaming header with bogus sizes) and resamples to 48 kHz. */
export function wavTo48k(wav: Buffer): Int16Array {
  if (wav.toString('ascii', 0, 4) !== 'RIFF') throw new Error('not a WAV');
  let off = 12,
    rate = 22050,
    channels = 1;
  while (off + 8 <= wav.length) {
    const id = wav.toString('ascii', off, off + 4);
    const size = wav.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      channels = wav.readUInt16LE(off + 10);
      rate = wav.readUInt32LE(off + 12);
    }
    if (id === 'data') {
      const end = Math.min(wav.length, size === 0xffffffff || size === 0 ? wav.length : off + 8 + size);
      const body = wav.subarray(off + 8, end);
      const n = Math.floor(body.length / 2 / channels);
      const src = new Int16Array(n);
      for (let i = 0; i < n; i++) src[i] = body.readInt16LE(i * 2 * channels);
      return resample(src, rate, SAMPLE_RATE);
    }
    off += 8 + size + (size & 1);
  }
  throw new Error('WAV without data chunk');
}

export function resample(src: Int16Array, from: number, to: number): Int16Array {
  if (from === to) return src;
  const n = Math.floor((src.length * to) / from);
  const out = new Int16Array(n);
  const step = from / to;
  for (let i = 0; i < n; i++) {
    const x = i * step,
      i0 = Math.floor(x),
      f = x - i0;
    const a = src[i0] ?? 0,
      b = src[i0 + 1] ?? a;
    out[i] = Math.round(a + (b - a) * f);
  }
  return out;
}

/** A voiced stand-in: 140 Hz fundamental with harmonics, one ~200 ms syllable per ~3 characters, pauses at spaces. */
export function syntheticVoice(text: string, speed = 1): Int16Array {
  const seconds = Math.max(0.6, text.length / 14 / speed);
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Int16Array(n);
  const syllable = 0.2 / speed;
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE;
    const f0 = 140 + 15 * Math.sin(2 * Math.PI * 0.7 * t);
    let s = 0;
    for (let h = 1; h <= 6; h++) s += Math.sin(2 * Math.PI * f0 * h * t) / h;
    const phase = (t % syllable) / syllable;
    const env = Math.sin(Math.PI * phase) ** 2 * (Math.floor(t / syllable) % 4 === 3 ? 0.15 : 1);
    out[i] = Math.round((s * env * 0.25 * 32767) / 1.5);
  }
  return out;
}
