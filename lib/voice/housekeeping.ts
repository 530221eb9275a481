/**
 * The engine's periodic checks while a transport is live (every 2 s): auto-disconnect after the idle minutes or after
 * the side panel has been closed for a while (so a forgotten session does not bill), the cost and minutes caps, and
 * the incoming-audio drop counts for the status bar. `touch()` marks user or model activity.
 */
import type { AudioStats } from '@/lib/realtime/transport';
import type { Settings } from '@/lib/settings';
import type { EngineStatus } from './types';

export const HOUSEKEEPING_MS = 2_000;

export interface HousekeepingDeps {
  now(): number;
  live(): boolean;
  status(): EngineStatus;
  settings(): Settings;
  /** Wall clock of the session's first ready, while there is a session. */
  sessionStartedAt(): number | undefined;
  /** How long every side panel has been closed, counted from `since` at the earliest. */
  panelClosedForMs(since: number): number;
  disconnect(why: string): void;
  checkCaps(): void;
  audioStats(): Promise<AudioStats | undefined>;
  onAudioStats(stats: AudioStats): void;
}

/** Why the session should end now, if it should (pure). */
export function autoDisconnectReason(v: {
  status: EngineStatus;
  idleMs: number;
  idleMinutes: number;
  panelClosedMs: number | undefined;
  closedMinutes: number;
}): string | undefined {
  if (v.idleMinutes > 0 && v.status === 'ready' && v.idleMs > v.idleMinutes * 60_000) {
    return `Disconnected after ${v.idleMinutes} idle minutes so a forgotten panel does not bill you. Press Connect or hold the talk key to continue.`;
  }
  if (v.closedMinutes > 0 && v.panelClosedMs !== undefined && v.panelClosedMs > v.closedMinutes * 60_000) {
    return `Disconnected ${v.closedMinutes} minutes after the side panel closed (settings: "When the panel closes"). Press Connect to continue.`;
  }
  return undefined;
}

export function createHousekeeping(deps: HousekeepingDeps, everyMs = HOUSEKEEPING_MS) {
  let lastActivity = deps.now();

  async function tick(): Promise<void> {
    if (!deps.live()) return;
    const settings = deps.settings();
    const startedAt = deps.sessionStartedAt();
    const why = autoDisconnectReason({
      status: deps.status(),
      idleMs: deps.now() - lastActivity,
      idleMinutes: settings.idleDisconnectMinutes,
      panelClosedMs: startedAt === undefined ? undefined : deps.panelClosedForMs(startedAt),
      closedMinutes: settings.panelClosedDisconnectMinutes ?? 0,
    });
    if (why) return deps.disconnect(why);
    deps.checkCaps();
    const stats = await deps.audioStats();
    if (stats) deps.onAudioStats(stats);
  }

  const timer = setInterval(() => void tick(), everyMs);
  return {
    touch(): void {
      lastActivity = deps.now();
    },
    stop(): void {
      clearInterval(timer);
    },
  };
}
