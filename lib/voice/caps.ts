/**
 * Session caps: a cost cap (USD, from the usage estimate) and a minutes cap. Warn once at 80 %, stop at 100 %.
 * Pure: the engine feeds it the totals and acts on the verdict.
 */

export const CAP_WARN_SHARE = 0.8;

export interface CapLimits {
  /** USD; 0 = no cap. */
  costCapUsd: number;
  /** Minutes; 0 = no cap. */
  minutesCap: number;
}

export interface CapVerdict {
  level: 'ok' | 'warn' | 'stop';
  /** Which cap is nearest its limit (the one that decided `level`). */
  which?: 'cost' | 'minutes';
  /** Share of that cap used, 0…1+. */
  share: number;
}

export function evaluateCaps(used: { costUsd: number; minutes: number }, limits: CapLimits): CapVerdict {
  const shares: { which: 'cost' | 'minutes'; share: number }[] = [];
  if (limits.costCapUsd > 0) shares.push({ which: 'cost', share: used.costUsd / limits.costCapUsd });
  if (limits.minutesCap > 0) shares.push({ which: 'minutes', share: used.minutes / limits.minutesCap });
  const top = shares.sort((a, b) => b.share - a.share)[0];
  if (!top) return { level: 'ok', share: 0 };
  const level = top.share >= 1 ? 'stop' : top.share >= CAP_WARN_SHARE ? 'warn' : 'ok';
  return { level, which: top.which, share: top.share };
}

const usd = (x: number) => `$${x.toFixed(2)}`;

export function capWarningText(
  verdict: CapVerdict,
  used: { costUsd: number; minutes: number },
  limits: CapLimits,
): string {
  return verdict.which === 'cost'
    ? `This session has cost about ${usd(used.costUsd)} of its ${usd(limits.costCapUsd)} cap. It disconnects at the cap; raise it in settings if you need more.`
    : `This session has run ${Math.floor(used.minutes)} of its ${limits.minutesCap} minutes. It disconnects at the cap; raise it in settings if you need more.`;
}

export function capStopText(verdict: CapVerdict, limits: CapLimits): string {
  return verdict.which === 'cost'
    ? `Disconnected: this session reached its cost cap of ${usd(limits.costCapUsd)} (estimate). Press Connect to start a new session, or raise the cap in settings.`
    : `Disconnected: this session reached its ${limits.minutesCap}-minute cap. Press Connect to start a new session, or raise the cap in settings.`;
}
