/**
 * DSP benchmark for the feature worklet kernel (worklets/dsp), side by side with pitchy (MPM, MIT) in the same run.
 * `npm run bench:dsp`. Not a test: timings live here, the tests assert accuracy and allocation only.
 *
 * Timing method (shared, loaded 2-core box): batches of calls, interleaved ours/pitchy, 25 rounds; the minimum batch
 * mean is the estimate of intrinsic cost (the median is printed too). Pitch cost per analysis counts what one analysis
 * really costs in the worklet: the MPM analysis plus decimating its 1024-sample hop (8 quanta).
 * Accuracy: harmonic tones (harmonics to 4 kHz, 1/k, random phases, RMS 0.3) at 48 kHz, white noise at the given
 * SNR, one analysis per 1024 samples; error against the true f0 at the analysis window centre. "gross" = estimate
 * missing or > 20 % off (octave errors and worse); octave_err_rate_0db is that rate at 0 dB SNR.
 * VAD: per-quantum decisions vs the construction labels of the espeak-ng fixtures, clean and with white noise.
 * The last line is one JSON object.
 */
import { runInNewContext } from 'node:vm';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { PitchDetector as Pitchy } from 'pitchy';
import { FeatureAnalyser } from '../worklets/dsp/analyser';
import { Decimator } from '../worklets/dsp/decimator';
import { median, pitchScores, trackPitch, vadAccuracy, type PitchSample } from '../worklets/dsp/evaluate';
import { loadSpeechFixture, SPEECH_FIXTURES } from '../worklets/dsp/fixtures/speech';
import { PitchDetector } from '../worklets/dsp/pitch';
import { DoubleRing } from '../worklets/dsp/ring';
import { harmonicTone, withNoise } from '../worklets/dsp/test-signals';

const SR = 48000;
const HOP = 1024;
const WIN = 2048;

// ---------------------------------------------------------------- timing
function timer(fn: (i: number) => void, calls: number) {
  const means: number[] = [];
  let k = 0;
  for (let i = 0; i < calls * 4; i++) fn(k++); // warm-up
  return {
    round() {
      const t0 = performance.now();
      for (let i = 0; i < calls; i++) fn(k++);
      means.push(((performance.now() - t0) * 1000) / calls);
    },
    get min() {
      return Math.min(...means);
    },
    get median() {
      return median(means);
    },
  };
}

const tone = withNoise(harmonicTone({ sampleRate: SR, seconds: 10, f0: 180 }).signal, 20);
const nq = Math.floor(tone.length / 128);
const quanta = Array.from({ length: nq }, (_, q) => tone.subarray(q * 128, (q + 1) * 128));
const nw = Math.floor((tone.length - WIN) / HOP);
const windows = Array.from({ length: nw }, (_, k) => tone.subarray(k * HOP, k * HOP + WIN));

const basicKernel = new FeatureAnalyser({ sampleRate: SR, pitch: false });
const fullKernel = new FeatureAnalyser({ sampleRate: SR });
const dec = new Decimator(6);
const ring = new DoubleRing(fullKernel.pitch.windowSize);
for (const q of quanta.slice(0, 64)) dec.process(q, 128, ring);
const det = new PitchDetector({ sampleRate: 8000, windowSize: fullKernel.pitch.windowSize });
const py = Pitchy.forFloat32Array(WIN);
let sink = 0;

const tBasic = timer((i) => basicKernel.process(quanta[i % nq]!, 128), 4000);
const tFull = timer((i) => fullKernel.process(quanta[i % nq]!, 128), 4000);
const tDec = timer((i) => dec.process(quanta[i % nq]!, 128, ring), 4000);
const tPitch = timer(() => det.analyse(ring.data, ring.start), 300);
const tPitchy = timer((i) => {
  sink += py.findPitch(windows[i % nw]!, SR)[0];
}, 100);
for (let r = 0; r < 25; r++) for (const t of [tBasic, tFull, tDec, tPitch, tPitchy]) t.round();

const basicUs = tBasic.min;
const pitchUs = tPitch.min + 8 * tDec.min;
const pitchyUs = tPitchy.min;
console.log('\n## Cost (µs; min of 25 batch means, median in brackets; one quantum = 128 samples = 2666.7 µs)');
console.log('| what | µs | median |\n|---|---|---|');
const row = (name: string, min: number, med: number) =>
  console.log(`| ${name} | ${min.toFixed(3)} | ${med.toFixed(3)} |`);
row('basic features per quantum (RMS, peak, band energy, VAD, onset, frame window)', tBasic.min, tBasic.median);
row('decimator 48k→8k per quantum', tDec.min, tDec.median);
row('pitch analysis (MPM on 341 samples @ 8 kHz + refinement)', tPitch.min, tPitch.median);
row('**pitch per analysis = analysis + 8 quanta of decimation**', pitchUs, tPitch.median + 8 * tDec.median);
row('pitchy findPitch, 2048 @ 48 kHz', tPitchy.min, tPitchy.median);
row('full kernel per quantum, amortised (pitch every 8th)', tFull.min, tFull.median);
console.log(`speed-up vs pitchy per analysis: ${(pitchyUs / pitchUs).toFixed(2)}×`);

// ---------------------------------------------------------------- allocation
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function bytesPerCall(fn: (i: number) => void, calls: number): number {
  for (let i = 0; i < 20000; i++) fn(i);
  gc();
  gc();
  const before = getHeapStatistics().used_heap_size;
  for (let i = 0; i < calls; i++) fn(i);
  return (getHeapStatistics().used_heap_size - before) / calls;
}
const allocOurs = bytesPerCall((i) => fullKernel.process(quanta[i % nq]!, 128), 200_000);
const allocPitchy = bytesPerCall((i) => {
  sink += py.findPitch(windows[i % nw]!, SR)[0];
}, 5_000);
console.log(
  `\nheap growth: kernel ${allocOurs.toFixed(3)} B/quantum (incl. pitch every 8th); pitchy ${allocPitchy.toFixed(0)} B/call`,
);

// ---------------------------------------------------------------- pitch accuracy
const F0S = [70, 85, 100, 125, 150, 180, 220, 270, 330, 400, 450, 500];
function pitchyTrack(signal: Float32Array, f0: ArrayLike<number>): { est: number; truth: number }[] {
  const out: { est: number; truth: number }[] = [];
  for (let end = WIN; end <= signal.length; end += HOP) {
    const [p] = py.findPitch(signal.subarray(end - WIN, end), SR);
    out.push({ est: p, truth: f0[end - WIN / 2]! });
  }
  return out;
}
interface Cond {
  name: string;
  snr: number;
  vibrato: boolean;
}
const conds: Cond[] = [
  { name: 'clean', snr: Infinity, vibrato: false },
  { name: '20 dB', snr: 20, vibrato: false },
  { name: '10 dB', snr: 10, vibrato: false },
  { name: '5 dB', snr: 5, vibrato: false },
  { name: '0 dB', snr: 0, vibrato: false },
  { name: 'vibrato ±3 % 5 Hz, clean', snr: Infinity, vibrato: true },
  { name: 'vibrato ±3 % 5 Hz, 5 dB', snr: 5, vibrato: true },
];
const acc: Record<string, { ours: ReturnType<typeof pitchScores>; pitchy: ReturnType<typeof pitchScores> }> = {};
console.log('\n## Pitch accuracy, 70–500 Hz tones at 48 kHz (median |error| Hz; gross = missing or > 20 % off)');
console.log('| input | ours median | ours gross | pitchy median | pitchy gross | frames |\n|---|---|---|---|---|---|');
for (const c of conds) {
  const ours: PitchSample[] = [];
  const theirs: { est: number; truth: number }[] = [];
  for (const f0 of F0S) {
    const t = harmonicTone({ sampleRate: SR, seconds: 2, f0, seed: f0, vibratoDepth: c.vibrato ? 0.03 : 0 });
    const sig = Number.isFinite(c.snr) ? withNoise(t.signal, c.snr, f0 * 7 + 1) : t.signal;
    ours.push(...trackPitch(sig, t.f0, { sampleRate: SR }));
    theirs.push(...pitchyTrack(sig, t.f0).slice(1)); // same number of frames (ours needs one hop more to fill)
  }
  const o = pitchScores(ours);
  const p = pitchScores(theirs);
  acc[c.name] = { ours: o, pitchy: p };
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(
    `| ${c.name} | ${o.medianErrHz.toFixed(4)} | ${pct(o.grossRate)} | ${p.medianErrHz.toFixed(4)} | ${pct(p.grossRate)} | ${o.n}/${p.n} |`,
  );
}

// ---------------------------------------------------------------- VAD
console.log('\n## VAD frame accuracy on the espeak-ng fixtures (per 128-sample quantum)');
console.log('| fixture | clean | 30 dB | 20 dB | 10 dB |\n|---|---|---|---|---|');
const vads: number[] = [];
for (const name of SPEECH_FIXTURES) {
  const fx = loadSpeechFixture(name, SR);
  const cells: string[] = [];
  for (const snr of [Infinity, 30, 20, 10]) {
    const sig = Number.isFinite(snr) ? withNoise(fx.samples, snr, 11) : fx.samples;
    const a = vadAccuracy(sig, SR, fx.isSpeech);
    vads.push(a);
    cells.push(`${(100 * a).toFixed(1)} %`);
  }
  console.log(`| ${name} | ${cells.join(' | ')} |`);
}
const vadMean = vads.reduce((x, y) => x + y, 0) / vads.length;
console.log(`mean ${(100 * vadMean).toFixed(1)} %, worst ${(100 * Math.min(...vads)).toFixed(1)} %`);

if (sink === 42.4242) console.log(''); // keep pitchy's result alive
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
console.log(
  JSON.stringify({
    basic_us_per_quantum: r4(basicUs),
    pitch_us: r4(pitchUs),
    pitchy_us: r4(pitchyUs),
    speedup_vs_pitchy: r4(pitchyUs / pitchUs),
    pitch_median_err_hz: r4(acc['clean']!.ours.medianErrHz),
    pitchy_median_err_hz: r4(acc['clean']!.pitchy.medianErrHz),
    pitch_median_err_hz_5db: r4(acc['5 dB']!.ours.medianErrHz),
    pitchy_median_err_hz_5db: r4(acc['5 dB']!.pitchy.medianErrHz),
    octave_err_rate_0db: r4(acc['0 dB']!.ours.grossRate),
    pitchy_octave_err_rate_0db: r4(acc['0 dB']!.pitchy.grossRate),
    vad_frame_accuracy: r4(vadMean),
    vad_frame_accuracy_worst: r4(Math.min(...vads)),
    kernel_heap_bytes_per_quantum: r4(allocOurs),
  }),
);
