import { describe, expect, it } from 'vitest';
import { vadAccuracy } from './evaluate';
import { loadSpeechFixture, SPEECH_FIXTURES } from './fixtures/speech';
import { sumSquares } from './level';
import { noise, withNoise } from './test-signals';
import { VoiceActivity } from './vad';

const SR = 48000;

describe('voice activity on espeak-ng speech fixtures (labels from construction)', () => {
  for (const name of SPEECH_FIXTURES) {
    const fx = loadSpeechFixture(name, SR);
    for (const snr of [Infinity, 30, 20, 10]) {
      it(`${name}, ${Number.isFinite(snr) ? `${snr} dB SNR white noise` : 'clean'}: frame accuracy ≥ 95 %`, () => {
        const sig = Number.isFinite(snr) ? withNoise(fx.samples, snr, 11) : fx.samples;
        expect(vadAccuracy(sig, SR, fx.isSpeech)).toBeGreaterThanOrEqual(0.95);
      });
    }
  }

  it('fixtures are what the labels say: 3 phrases each, silence between them', () => {
    for (const name of SPEECH_FIXTURES) {
      const fx = loadSpeechFixture(name, SR);
      expect(fx.segments.length).toBe(3);
      const [a, b] = fx.segments[0]!;
      const mid = Math.round(((a + b) / 2) * SR);
      const gap = Math.round(((b + fx.segments[1]![0]) / 2) * SR);
      expect(sumSquares(fx.samples.subarray(mid - 4800, mid + 4800), 9600)).toBeGreaterThan(1);
      expect(sumSquares(fx.samples.subarray(gap - 480, gap + 480), 960)).toBe(0);
    }
  });
});

describe('VoiceActivity', () => {
  const step = 128 / SR;
  const feed = (v: VoiceActivity, ms: number, quanta: number) => {
    let on = 0;
    const src = { meanSquare: ms };
    for (let i = 0; i < quanta; i++) if (v.update(src)) on++;
    return on;
  };

  it('stays off in silence and in steady noise of any level', () => {
    const v = new VoiceActivity({ stepSeconds: step });
    expect(feed(v, 0, 400)).toBe(0);
    const w = new VoiceActivity({ stepSeconds: step });
    const n = noise(SR * 3, 0.05, 2);
    let on = 0;
    for (let i = 0; i + 128 <= n.length; i += 128)
      if (w.update({ meanSquare: sumSquares(n.subarray(i), 128) / 128 })) on++;
    expect(on).toBe(0);
  });

  it('follows a rising noise floor within ~2 s instead of latching on', () => {
    const v = new VoiceActivity({ stepSeconds: step });
    feed(v, 1e-6, 400); // −60 dB floor
    const rose = feed(v, 1e-3, 1200); // +30 dB: looks like voice at first…
    expect(rose).toBeGreaterThan(0);
    expect(feed(v, 1e-3, 200)).toBe(0); // …but the floor catches up within the 1.6 s memory
    expect(v.floorDb).toBeCloseTo(-30, 0);
  });

  it('has hysteresis and a hang-over, and needs the attack count to turn on', () => {
    const v = new VoiceActivity({ stepSeconds: step, hangSeconds: 0.08 });
    feed(v, 1e-6, 400);
    expect(feed(v, 1e-4, 1)).toBe(0); // one loud quantum is not enough (attack ≈ 3 quanta)
    feed(v, 1e-6, 5);
    expect(feed(v, 1e-4, 10)).toBeGreaterThan(0);
    expect(v.voice).toBe(true);
    // 7 dB above the floor: between off (floor + 4) and on (floor + 9): stays on indefinitely
    expect(feed(v, 5e-6, 200)).toBe(200);
    // drops to the floor: stays on for the hang-over (80 ms = 30 quanta), then off
    const held = feed(v, 1e-6, 100);
    expect(held).toBeGreaterThanOrEqual(29);
    expect(held).toBeLessThanOrEqual(32);
    expect(v.voice).toBe(false);
  });

  it('never calls sub-threshold input voice (absolute minimum level)', () => {
    const v = new VoiceActivity({ stepSeconds: step, minDb: -60 });
    feed(v, 0, 100);
    expect(feed(v, 1e-8, 100)).toBe(0); // −80 dBFS over digital silence
  });
});
