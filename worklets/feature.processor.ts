/**
 * Thin AudioWorkletProcessor shell around the DSP kernel (worklets/dsp/analyser.ts): reads inputs[0][0], lets the
 * kernel analyse it, and posts a WorkletFeatureMessage at most `maxRateHz` times a second, stamped with the audio
 * time at the end of the analysed quantum. Missing input (nothing connected yet) is analysed as silence.
 * Loaded with `import url from '@/worklets/feature.processor.ts?worker&url'` + `audioWorklet.addModule(url)`.
 */
import { FeatureAnalyser } from './dsp/analyser';
import { FEATURE_PROCESSOR_NAME, type FeatureProcessorOptions, type WorkletFeatureMessage } from './protocol';

const SILENCE = new Float32Array(128);

class FeatureProcessor extends AudioWorkletProcessor {
  private readonly kernel: FeatureAnalyser;
  /** Reused for every post: postMessage clones it, so the shell allocates only what cloning needs. */
  private readonly msg: WorkletFeatureMessage;

  constructor(options: AudioWorkletNodeOptions) {
    super(options);
    const opts = (options.processorOptions ?? {}) as Partial<FeatureProcessorOptions>;
    this.kernel = new FeatureAnalyser({ sampleRate, maxRateHz: opts.maxRateHz ?? 60 });
    this.msg = {
      source: opts.source === 'assistant' ? 'assistant' : 'mic',
      rms: 0,
      peak: 0,
      pitchHz: 0,
      clarity: 0,
      onset: 0,
      voice: false,
      audioTime: 0,
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const channel = inputs[0]?.[0];
    const block = channel && channel.length > 0 ? channel : SILENCE;
    if (this.kernel.process(block, block.length)) {
      this.kernel.read(this.msg);
      this.msg.audioTime = currentTime + block.length / sampleRate;
      this.port.postMessage(this.msg);
    }
    return true;
  }
}

registerProcessor(FEATURE_PROCESSOR_NAME, FeatureProcessor);
