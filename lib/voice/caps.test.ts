import { describe, expect, it } from 'vitest';
import { capStopText, capWarningText, evaluateCaps } from './caps';

describe('session caps', () => {
  it('are off at 0', () => {
    expect(evaluateCaps({ costUsd: 100, minutes: 1000 }, { costCapUsd: 0, minutesCap: 0 })).toEqual({
      level: 'ok',
      share: 0,
    });
  });

  it('warn at 80 % and stop at 100 % of the cost cap', () => {
    const limits = { costCapUsd: 2, minutesCap: 0 };
    expect(evaluateCaps({ costUsd: 1.59, minutes: 5 }, limits).level).toBe('ok');
    expect(evaluateCaps({ costUsd: 1.6, minutes: 5 }, limits)).toMatchObject({ level: 'warn', which: 'cost' });
    expect(evaluateCaps({ costUsd: 2, minutes: 5 }, limits)).toMatchObject({ level: 'stop', which: 'cost' });
  });

  it('the cap nearest its limit decides', () => {
    const limits = { costCapUsd: 10, minutesCap: 30 };
    expect(evaluateCaps({ costUsd: 1, minutes: 25 }, limits)).toMatchObject({ level: 'warn', which: 'minutes' });
    expect(evaluateCaps({ costUsd: 10.5, minutes: 25 }, limits)).toMatchObject({ level: 'stop', which: 'cost' });
  });

  it('says which cap and how to go on', () => {
    const limits = { costCapUsd: 2, minutesCap: 30 };
    const cost = evaluateCaps({ costUsd: 2.1, minutes: 1 }, limits);
    expect(capStopText(cost, limits)).toContain('cost cap of $2.00');
    const minutes = evaluateCaps({ costUsd: 0, minutes: 25 }, limits);
    expect(capWarningText(minutes, { costUsd: 0, minutes: 25 }, limits)).toContain('25 of its 30 minutes');
  });
});
