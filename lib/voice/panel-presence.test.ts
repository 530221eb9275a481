import { describe, expect, it } from 'vitest';
import { createPanelPresence, STALE_MS } from './panel-presence';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('panel presence', () => {
  it('counts closed time from a bye, and stops counting when a panel beats again', () => {
    const c = clock();
    const p = createPanelPresence(c.now);
    const since = c.now();
    p.onMessage({ type: 'panel-alive', id: 'a' });
    c.advance(60_000);
    p.onMessage({ type: 'panel-alive', id: 'a' });
    expect(p.open).toBe(true);
    expect(p.closedForMs(since)).toBe(0);
    p.onMessage({ type: 'panel-bye', id: 'a' });
    c.advance(30_000);
    expect(p.open).toBe(false);
    expect(p.closedForMs(since)).toBe(30_000);
    p.onMessage({ type: 'panel-alive', id: 'b' });
    expect(p.closedForMs(since)).toBe(0);
  });

  it('treats a panel whose beats stopped (crashed, killed) as gone since its last beat plus the grace', () => {
    const c = clock();
    const p = createPanelPresence(c.now);
    p.onMessage({ type: 'panel-alive', id: 'a' });
    c.advance(STALE_MS + 10_000);
    expect(p.closedForMs(0)).toBe(10_000);
  });

  it('one of two panels closing keeps the other counted', () => {
    const c = clock();
    const p = createPanelPresence(c.now);
    p.onMessage({ type: 'panel-alive', id: 'a' });
    p.onMessage({ type: 'panel-alive', id: 'b' });
    p.onMessage({ type: 'panel-bye', id: 'a' });
    c.advance(1_000);
    expect(p.open).toBe(true);
  });

  it('with no panel ever seen, counts from the session start given', () => {
    const c = clock();
    const p = createPanelPresence(c.now);
    c.advance(50_000);
    const connectedAt = c.now();
    c.advance(20_000);
    expect(p.closedForMs(connectedAt)).toBe(20_000);
  });
});
