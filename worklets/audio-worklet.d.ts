/**
 * Ambient declarations of the AudioWorkletGlobalScope (not in lib.dom). Only worklets/*.processor.ts may use them;
 * DSP in worklets/dsp/ stays free of these globals.
 */
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
  constructor(options?: AudioWorkletNodeOptions);
}

interface AudioWorkletProcessorImpl extends AudioWorkletProcessor {
  process(inputs: Float32Array[][], outputs: Float32Array[][], parameters: Record<string, Float32Array>): boolean;
}

interface AudioParamDescriptor {
  name: string;
  automationRate?: AutomationRate;
  defaultValue?: number;
  maxValue?: number;
  minValue?: number;
}

interface AudioWorkletProcessorConstructor {
  new (options: AudioWorkletNodeOptions): AudioWorkletProcessorImpl;
  parameterDescriptors?: AudioParamDescriptor[];
}

declare function registerProcessor(name: string, processorCtor: AudioWorkletProcessorConstructor): void;
/** Sample rate of the BaseAudioContext (AudioWorkletGlobalScope). */
declare const sampleRate: number;
/** Context time of the block being processed (AudioWorkletGlobalScope). */
declare const currentTime: number;
/** Frame index of the block being processed (AudioWorkletGlobalScope). */
declare const currentFrame: number;
