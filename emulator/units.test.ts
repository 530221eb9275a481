import { describe, expect, it } from 'vitest';
import { splitDeltas } from './model.ts';
import { applySessionPatch, defaultSession } from './session-config.ts';
import { resample, syntheticVoice, synthesize } from './speech.ts';
import { validateSession } from './validate.ts';
import { EnergyVad, InputBuffer } from './vad.ts';

describe('speech', () => {
  it('espeak-ng speech is 48 kHz, voiced, and its length follows the text', async () => {
    const short = await synthesize('Hello.', 'alloy');
    const long = await synthesize('Hello. This sentence is quite a lot longer than the first one was.', 'alloy');
    expect(short.length / 48_000).toBeGreaterThan(0.3);
    expect(long.length).toBeGreaterThan(short.length * 3);
    expect(Math.max(...long.subarray(0, 48_000).map(Math.abs))).toBeGreaterThan(3000);
    expect(await synthesize('Hello.', 'alloy')).toBe(short); // cached
  });

  it('resamples 22050 → 48000 and keeps a synthetic fallback voice', () => {
    expect(resample(new Int16Array(22050), 22050, 48000).length).toBe(48000);
    const v = syntheticVoice('Practice mode fallback voice.');
    expect(v.length / 48_000).toBeGreaterThan(1.5);
    let sq = 0;
    for (const x of v) sq += (x / 32768) ** 2;
    expect(Math.sqrt(sq / v.length)).toBeGreaterThan(0.05);
  });
});

describe('energy VAD and input buffer', () => {
  it('starts after 60 ms above the gate and stops after silence_duration_ms', () => {
    const vad = new EnergyVad({
      type: 'server_vad',
      threshold: 0.5,
      silence_duration_ms: 200,
      create_response: true,
      interrupt_response: true,
    });
    const events = [];
    let pos = 0;
    for (let i = 0; i < 50; i++) {
      pos += 20;
      const e = vad.feed(i >= 10 && i < 30 ? 0.2 : 0.001, 20, pos);
      if (e) events.push(e);
    }
    expect(events).toEqual([
      { kind: 'start', atMs: 200 },
      { kind: 'stop', atMs: 800 },
    ]);
  });

  it('buffer duration and RMS; keepLast trims to the prefix padding', () => {
    const b = new InputBuffer();
    for (let i = 0; i < 50; i++) b.push(960, 960 * 0.01);
    expect(b.durationMs).toBe(1000);
    expect(b.rms).toBeCloseTo(0.1, 5);
    b.keepLast(300);
    expect(b.durationMs).toBe(300);
  });
});

describe('scripted model and session merge', () => {
  it('transcript deltas concatenate back to the text', () => {
    expect(splitDeltas('  Two words.').join('')).toBe('  Two words.');
    expect(splitDeltas('One two  three.')).toEqual(['One ', 'two  ', 'three.']);
  });

  it('session.update merges nested fields and null clears', () => {
    const s = applySessionPatch(defaultSession(), {
      type: 'realtime',
      audio: { input: { turn_detection: { type: 'semantic_vad' } }, output: { speed: 1.2 } },
    });
    expect(s.audio.input.turn_detection).toEqual({
      type: 'semantic_vad',
      eagerness: 'auto',
      create_response: true,
      interrupt_response: true,
    });
    expect(s.audio.output).toMatchObject({ voice: 'alloy', speed: 1.2 });
    const t = applySessionPatch(s, { type: 'realtime', audio: { input: { turn_detection: null } }, instructions: '' });
    expect(t.audio.input.turn_detection).toBeNull();
    expect(validateSession({ type: 'realtime', audio: { output: { speed: 2 } } })).toMatchObject({
      code: 'integer_out_of_range',
      param: 'session.audio.output.speed',
    });
  });
});
