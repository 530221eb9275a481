import { beforeEach, describe, expect, it } from 'vitest';
import { createTalkController, type TalkDeps } from './push-to-talk';

function harness(state: { responseActive?: boolean; audioPlaying?: boolean } = {}) {
  const log: string[] = [];
  let t = 0;
  const timers: { at: number; fn: () => void; id: number }[] = [];
  let nextId = 1;
  const deps: TalkDeps = {
    send: (e) => log.push(e.type),
    gate: { open: () => log.push('gate:open'), close: () => log.push('gate:close') },
    responses: {
      responseActive: state.responseActive ?? false,
      audioPlaying: state.audioPlaying ?? false,
      requestResponse: () => log.push('response.create'),
    },
    stopPlayback: () => log.push('playback:stop'),
    now: () => t,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ at: t + ms, fn, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((x) => x.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    gateDelayMs: 120,
  };
  const advance = (ms: number) => {
    t += ms;
    for (const timer of timers.filter((x) => x.at <= t)) {
      timers.splice(timers.indexOf(timer), 1);
      timer.fn();
    }
  };
  return { log, advance, talk: createTalkController(deps) };
}

describe('push-to-talk controller', () => {
  let h: ReturnType<typeof harness>;
  beforeEach(() => (h = harness()));

  it('clears before opening the mic, commits after the delayed tail, then asks for a response', () => {
    expect(h.talk.press()).toBe(true);
    expect(h.log).toEqual(['input_audio_buffer.clear', 'gate:open']);
    h.advance(1000);
    expect(h.talk.release()).toBe('committed');
    expect(h.log).not.toContain('input_audio_buffer.commit'); // tail still in the delay line
    h.advance(199);
    expect(h.log).not.toContain('input_audio_buffer.commit');
    h.advance(1);
    expect(h.log.slice(2)).toEqual(['gate:close', 'input_audio_buffer.commit', 'response.create']);
  });

  it('drops taps shorter than 150 ms without a commit', () => {
    h.talk.press();
    h.advance(149);
    expect(h.talk.release()).toBe('dropped');
    h.advance(1000);
    expect(h.log).toEqual(['input_audio_buffer.clear', 'gate:open', 'gate:close']);
  });

  it('ignores key auto-repeat and a release without a press', () => {
    expect(h.talk.release()).toBe('ignored');
    h.talk.press();
    expect(h.talk.press()).toBe(false);
    expect(h.log.filter((x) => x === 'input_audio_buffer.clear')).toHaveLength(1);
  });

  it('barges in: cancels the active response and clears playing audio before listening', () => {
    const b = harness({ responseActive: true, audioPlaying: true });
    b.talk.press();
    expect(b.log).toEqual([
      'response.cancel',
      'output_audio_buffer.clear',
      'playback:stop',
      'input_audio_buffer.clear',
      'gate:open',
    ]);
  });

  it('only clears audio when the response already finished generating', () => {
    const b = harness({ responseActive: false, audioPlaying: true });
    b.talk.press();
    expect(b.log).toEqual(['output_audio_buffer.clear', 'playback:stop', 'input_audio_buffer.clear', 'gate:open']);
  });

  it('a press during the previous tail sends the previous turn first', () => {
    h.talk.press();
    h.advance(500);
    h.talk.release();
    h.advance(50);
    h.talk.press();
    expect(h.log).toEqual([
      'input_audio_buffer.clear',
      'gate:open',
      'gate:close',
      'input_audio_buffer.commit',
      'response.create',
      'input_audio_buffer.clear',
      'gate:open',
    ]);
  });

  it('reset forgets a pending commit', () => {
    h.talk.press();
    h.advance(500);
    h.talk.release();
    h.talk.reset();
    h.advance(1000);
    expect(h.log).not.toContain('input_audio_buffer.commit');
  });
});
