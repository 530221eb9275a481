/**
 * Main thread ⇄ feature worklet protocol, and the frame relayed to the side panel over BroadcastChannel.
 * Pure types and constants: imported by the worklet, the offscreen document and the side panel.
 */

/** Which voice a feature stream describes. */
export type AudioSource = 'mic' | 'assistant';

/** Registered name of the AudioWorkletProcessor in worklets/feature.processor.ts. */
export const FEATURE_PROCESSOR_NAME = 'feature-analyser';

/** BroadcastChannel on which the offscreen document relays feature frames (≤ 60 Hz per source). */
export const FEATURE_CHANNEL = 'sfmc-voice-features';

/** `processorOptions` of the feature worklet node. */
export interface FeatureProcessorOptions {
  source: AudioSource;
  /** Upper bound of frames posted per second (default 60). */
  maxRateHz?: number;
}

/** One analysis frame, as posted by the worklet (audio clock) and relayed by offscreen (wall clock added). */
export interface FeatureFrame {
  source: AudioSource;
  /** Root mean square of the last quantum(s), 0..1. */
  rms: number;
  /** Absolute peak of the last quantum(s), 0..1. */
  peak: number;
  /** Fundamental frequency in Hz, or 0 when unvoiced / not confident. */
  pitchHz: number;
  /** Pitch clarity / confidence, 0..1. */
  clarity: number;
  /** Onset strength in this frame window, 0 when none; > 0 marks an onset. */
  onset: number;
  /** Voice activity decision (with hysteresis and hang-over). */
  voice: boolean;
  /** Audio-context time (s) of the end of the analysed audio. */
  audioTime: number;
  /**
   * Wall clock (ms since epoch, `performance.timeOrigin + performance.now()` scale) of `audioTime`, stamped by the
   * offscreen document from `AudioContext.getOutputTimestamp()`; the side panel subtracts it from its own wall clock
   * when the frame reaches the screen to measure audio→screen latency.
   */
  wallTime: number;
}

/** The frame the feature worklet posts on its port: everything but `wallTime`, which offscreen adds. */
export type WorkletFeatureMessage = Omit<FeatureFrame, 'wallTime'>;
