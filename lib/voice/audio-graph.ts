/**
 * The offscreen document's audio: one AudioContext holding
 *   mic → gate → delay → MediaStreamDestination (the track sent to the peer)
 *   gate → feature worklet ('mic')           remote stream → feature worklet ('assistant')
 * and an <audio> element that plays the remote stream (Chrome feeds Web Audio silence from a remote WebRTC stream
 * unless a media element plays it: docs/extension-platform.md#remote-webrtc-audio). Feature frames are stamped with wall-clock time and
 * relayed on a BroadcastChannel for the side panel.
 */
import workletUrl from '@/worklets/feature.processor.ts?worker&url';
import { FEATURE_CHANNEL, openChannel } from '@/lib/messaging/channels';
import { GATE_DELAY_MS } from '@/lib/talk/push-to-talk';
import {
  FEATURE_PROCESSOR_NAME,
  type AudioSource,
  type FeatureFrame,
  type FeatureProcessorOptions,
  type WorkletFeatureMessage,
} from '@/worklets/protocol';

export interface AudioGraph {
  readonly context: AudioContext;
  readonly sendTrack: MediaStreamTrack;
  /** `openedAt`: wall clock (ms, timeOrigin-based) of the last open, for the press→mic-live benchmark. */
  readonly gate: { open(): void; close(): void; readonly isOpen: boolean; readonly openedAt: number };
  /** Plug in the microphone (replacing any previous one); the graph stops its tracks on close. */
  attachMic(stream: MediaStream): void;
  playRemote(stream: MediaStream): void;
  setPlaybackMuted(muted: boolean): void;
  /** Latest level per source (for status and tests). */
  readonly levels: Record<AudioSource, { rms: number; peak: number; frames: number }>;
  close(): Promise<void>;
}

let warm: Promise<AudioContext> | undefined;

/**
 * Create the AudioContext and load the worklet ahead of time (the offscreen document does this when it starts), so
 * connecting only opens the mic. It stays running: resuming a suspended context restarts the audio device, which
 * costs about 50 ms at connect time.
 */
export function prewarmAudio(): Promise<AudioContext> {
  warm ??= (async () => {
    const context = new AudioContext({ latencyHint: 'interactive' });
    await context.audioWorklet.addModule(workletUrl);
    return context;
  })();
  return warm;
}

/**
 * Build the graph before the microphone is open (its send track exists at once, so the call can be set up while
 * the mic starts, which takes ~50 ms in an offscreen document); `attachMic` plugs the mic in when it is ready.
 */
export async function createAudioGraph(): Promise<AudioGraph> {
  const context = await prewarmAudio().catch(() => {
    warm = undefined;
    return prewarmAudio();
  });
  warm = undefined; // this graph owns the context now; the next connect warms a new one
  if (context.state !== 'running') await context.resume(); // a warm context is running: no audio-thread round trip
  const channel = openChannel(FEATURE_CHANNEL);
  const levels: AudioGraph['levels'] = {
    mic: { rms: 0, peak: 0, frames: 0 },
    assistant: { rms: 0, peak: 0, frames: 0 },
  };

  const analyser = (source: AudioSource) => {
    const node = new AudioWorkletNode(context, FEATURE_PROCESSOR_NAME, {
      numberOfInputs: 1,
      numberOfOutputs: 0,
      processorOptions: { source, maxRateHz: 60 } satisfies FeatureProcessorOptions,
    });
    node.port.onmessage = (e: MessageEvent<WorkletFeatureMessage>) => {
      const frame: FeatureFrame = { ...e.data, wallTime: toWallClock(context, e.data.audioTime) };
      const level = levels[source];
      level.rms = frame.rms;
      level.peak = frame.peak;
      level.frames++;
      channel.post(frame);
    };
    return node;
  };

  let mic: MediaStream | undefined;
  let micSource: MediaStreamAudioSourceNode | undefined;
  const gain = context.createGain();
  gain.gain.value = 0;
  const delay = context.createDelay(1);
  delay.delayTime.value = GATE_DELAY_MS / 1000;
  const destination = context.createMediaStreamDestination();
  gain.connect(delay).connect(destination);
  gain.connect(analyser('mic'));

  const assistantNode = analyser('assistant');
  const audio = document.createElement('audio');
  audio.autoplay = true;
  document.body.append(audio);
  let remoteSource: MediaStreamAudioSourceNode | undefined;
  let gateOpen = false;
  let openedAt = 0;

  return {
    context,
    sendTrack: destination.stream.getAudioTracks()[0]!,
    levels,
    gate: {
      open() {
        gateOpen = true;
        openedAt = performance.timeOrigin + performance.now();
        gain.gain.setTargetAtTime(1, context.currentTime, 0.005);
      },
      close() {
        gateOpen = false;
        gain.gain.setTargetAtTime(0, context.currentTime, 0.005);
      },
      get isOpen() {
        return gateOpen;
      },
      get openedAt() {
        return openedAt;
      },
    },
    attachMic(stream) {
      micSource?.disconnect();
      mic?.getTracks().forEach((t) => t.stop());
      mic = stream;
      micSource = context.createMediaStreamSource(stream);
      micSource.connect(gain);
    },
    playRemote(stream) {
      audio.srcObject = stream;
      void audio.play().catch(() => undefined);
      remoteSource?.disconnect();
      remoteSource = context.createMediaStreamSource(stream);
      remoteSource.connect(assistantNode);
    },
    setPlaybackMuted(muted) {
      audio.muted = muted;
    },
    async close() {
      channel.close();
      audio.srcObject = null;
      audio.remove();
      mic?.getTracks().forEach((t) => t.stop());
      await context.close().catch(() => undefined);
    },
  };
}

/**
 * Wall clock (ms, timeOrigin-based) at which the audio thread processed `audioTime`: now, minus how far the context
 * clock has moved past it. (Mapping through getOutputTimestamp would instead give when it is *heard*, which lies in
 * the future for the mic and makes the latency negative.)
 */
function toWallClock(context: AudioContext, audioTime: number): number {
  return performance.timeOrigin + performance.now() - Math.max(0, context.currentTime - audioTime) * 1000;
}
