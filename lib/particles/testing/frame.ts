/** A feature frame for tests: a voiced mic frame at level 0.1, overridable field by field. */
import type { FeatureFrame } from '@/worklets/protocol';

export function frame(over: Partial<FeatureFrame> = {}): FeatureFrame {
  return {
    source: 'mic',
    rms: 0.1,
    peak: 0.3,
    pitchHz: 0,
    clarity: 0,
    onset: 0,
    voice: true,
    audioTime: 0,
    wallTime: 0,
    ...over,
  };
}
