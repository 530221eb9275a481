import { Decimator } from './decimator';
import { BandEnergy } from './level';
import { OnsetDetector } from './onset';
import { PitchDetector } from './pitch';
import { DoubleRing } from './ring';
import { VoiceActivity } from './vad';
import type { FeatureFrame } from '../protocol';

export interface FeatureAnalyserOptions {
  sampleRate: number;
  /** Upper bound of frames per second (default 60). */
  maxRateHz?: number;
  /** Samples per `process` call used to size time constants (default 128, the render quantum). */
  quantumSize?: number;
  /** Pitch analysis hop in quanta (default 8 = 1024 samples, ~47 Hz at 48 kHz). */
  pitchEveryQuanta?: number;
  /** Pitch search range, Hz (default 60–500). */
  minHz?: number;
  maxHz?: number;
  /** Clarity needed for `pitchHz` to be reported (default 0.5; voice activity is also required). */
  clarityGate?: number;
  /** Run the decimator and pitch analysis (default true; false leaves only the per-quantum basic features). */
  pitch?: boolean;
}

/** The numeric features of one posted frame (a subset of FeatureFrame, filled in place). */
export type FeatureFields = Pick<FeatureFrame, 'rms' | 'peak' | 'pitchHz' | 'clarity' | 'onset' | 'voice'>;

/** Target rate of the decimated pitch signal, Hz. */
const PITCH_RATE = 8000;
/** Pitch analysis window, seconds (2048 samples at 48 kHz). */
const PITCH_WINDOW_S = 2048 / 48000;

/**
 * The worklet's DSP kernel, free of Web Audio globals. Per quantum: RMS/peak accumulation, onset, voice activity and
 * the anti-alias decimator feeding the pitch ring; every `pitchEveryQuanta` quanta an MPM pitch analysis. `process`
 * returns true when a frame is due (≤ maxRateHz); `read` copies the frame's features and starts a new frame window.
 * Nothing is allocated after construction.
 */
export class FeatureAnalyser {
  readonly sampleRate: number;
  readonly decimatedRate: number;
  readonly pitch: PitchDetector;
  readonly vad: VoiceActivity;
  readonly onsets: OnsetDetector;
  /** Voice decision of the last quantum. */
  lastVoice = false;
  pitchHz = 0;
  clarity = 0;
  /** Number of pitch analyses run so far (raw result in `pitch.pitchHz` / `pitch.clarity`). */
  pitchCount = 0;
  /** Input samples from the centre of the pitch window to the end of the quantum that triggered the analysis. */
  readonly pitchCentreDelay: number;

  private readonly band: BandEnergy;
  private readonly decimator: Decimator;
  private readonly ring: DoubleRing;
  private readonly pitchEvery: number;
  private readonly samplesPerFrame: number;
  private readonly clarityGate: number;
  private readonly pitchOn: boolean;
  private quanta = 0;
  private sinceFrame = 0;
  private winSumSq = 0;
  private winCount = 0;
  private winPeak = 0;
  private winOnset = 0;

  constructor(o: FeatureAnalyserOptions) {
    const sr = o.sampleRate;
    this.sampleRate = sr;
    const q = o.quantumSize ?? 128;
    const step = q / sr;
    const factor = Math.max(1, Math.round(sr / PITCH_RATE));
    this.decimatedRate = sr / factor;
    this.decimator = new Decimator(factor);
    const win = Math.round(PITCH_WINDOW_S * this.decimatedRate);
    this.ring = new DoubleRing(win);
    this.pitch = new PitchDetector({ sampleRate: this.decimatedRate, windowSize: win, minHz: o.minHz, maxHz: o.maxHz });
    this.pitchEvery = Math.max(1, o.pitchEveryQuanta ?? 8);
    this.pitchCentreDelay = (this.decimator.taps.length - 1) / 2 + (win * factor) / 2;
    this.band = new BandEnergy(sr);
    this.vad = new VoiceActivity({ stepSeconds: step });
    this.onsets = new OnsetDetector({ stepSeconds: step });
    this.clarityGate = o.clarityGate ?? 0.5;
    this.pitchOn = o.pitch ?? true;
    const want = o.maxRateHz ?? 60;
    const rate = Number.isFinite(want) && want >= 1 ? want : 60;
    this.samplesPerFrame = Math.ceil(sr / rate);
  }

  /**
   * Analyses one block (normally a 128-sample render quantum) of `input[0..length)`. Returns true when at least
   * 1/maxRateHz of audio has passed since the last frame, i.e. a frame should be read and posted now.
   */
  process(input: Float32Array, length = input.length): boolean {
    if (length <= 0) return false;
    // RMS and peak inline; everything else is passed between parts through fields (see level.ts `Energy`).
    let ss = 0;
    let pk = this.winPeak;
    for (let i = 0; i < length; i++) {
      const v = input[i]!;
      ss += v * v;
      if (v > pk) pk = v;
      else if (-v > pk) pk = -v;
    }
    this.winSumSq += ss;
    this.winCount += length;
    this.winPeak = pk;

    this.band.process(input, length);
    const voice = this.vad.update(this.band);
    this.lastVoice = voice;
    if (this.onsets.update(this.band, this.vad)) {
      if (this.onsets.strength > this.winOnset) this.winOnset = this.onsets.strength;
    }

    if (this.pitchOn) {
      this.decimator.process(input, length, this.ring);
      if (++this.quanta >= this.pitchEvery) {
        this.quanta = 0;
        this.analysePitch(voice);
      }
    }

    this.sinceFrame += length;
    return this.sinceFrame >= this.samplesPerFrame;
  }

  /** Onset strength of the last quantum (dB rise, 0 = none). */
  get lastOnset(): number {
    return this.onsets.strength;
  }

  private analysePitch(voice: boolean): void {
    const p = this.pitch;
    p.analyse(this.ring.data, this.ring.start);
    this.pitchCount++;
    this.clarity = p.clarity;
    this.pitchHz = voice && p.clarity >= this.clarityGate ? p.pitchHz : 0;
  }

  /** Copies the current frame's features into `out` and starts a new frame window. */
  read(out: FeatureFields): void {
    out.rms = this.winCount > 0 ? Math.sqrt(this.winSumSq / this.winCount) : 0;
    out.peak = this.winPeak;
    out.pitchHz = this.pitchHz;
    out.clarity = this.clarity;
    out.onset = this.winOnset;
    out.voice = this.lastVoice;
    this.winSumSq = 0;
    this.winCount = 0;
    this.winPeak = 0;
    this.winOnset = 0;
    this.sinceFrame = 0;
  }
}
