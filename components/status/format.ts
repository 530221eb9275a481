/** Pure formatters of the panel's status words and the status bar (compact: the side panel is ~360 px wide). */
import { i18n } from '#i18n';
import type { EngineSnapshot, EngineStatus } from '@/lib/voice/types';

/** The one map of status words the panel shows, in the browser's language (keys stay literal for the locale check). */
const STATUS_LABELS: Record<EngineStatus, () => string> = {
  idle: () => i18n.t('status.idle'),
  preparing: () => i18n.t('status.preparing'),
  connecting: () => i18n.t('status.connecting'),
  ready: () => i18n.t('status.ready'),
  listening: () => i18n.t('status.listening'),
  thinking: () => i18n.t('status.thinking'),
  speaking: () => i18n.t('status.speaking'),
  reconnecting: () => i18n.t('status.reconnecting'),
  error: () => i18n.t('status.error'),
};

export function statusLabel(status: EngineStatus): string {
  return STATUS_LABELS[status]();
}

export type StatusTone = 'ok' | 'busy' | 'off' | 'bad';

/**
 * Words and colour for the current state. Waiting for the user to allow the microphone is a first-run step, not an
 * error: it reads "Needs microphone" in amber, never a red "Stopped".
 */
export function statusView(s: Pick<EngineSnapshot, 'status' | 'error' | 'reconnectAttempt'>): {
  label: string;
  tone: StatusTone;
} {
  if (s.status === 'error' && s.error?.code === 'mic_permission')
    return { label: i18n.t('status.needsMic'), tone: 'busy' };
  const label =
    s.status === 'reconnecting' && s.reconnectAttempt
      ? i18n.t('status.reconnectingAttempt', [s.reconnectAttempt])
      : statusLabel(s.status);
  return { label, tone: statusTone(s.status) };
}

export function statusTone(status: EngineStatus): StatusTone {
  switch (status) {
    case 'ready':
    case 'listening':
    case 'thinking':
    case 'speaking':
      return 'ok';
    case 'preparing':
    case 'connecting':
    case 'reconnecting':
      return 'busy';
    case 'error':
      return 'bad';
    default:
      return 'off';
  }
}

/** 950 → "950", 12_345 → "12.3k", 100_000 → "100k", 2_500_000 → "2.5M". */
export function compactNumber(n: number): string {
  if (!Number.isFinite(n)) return '–';
  const a = Math.abs(n);
  if (a < 1000) return String(Math.round(n));
  if (a < 1e6) return `${trim(n / 1000)}k`;
  return `${trim(n / 1e6)}M`;
}

function trim(x: number): string {
  return Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1).replace(/\.0$/, '');
}

/** Milliseconds: "85 ms" below a second, "1.24 s" above; "–" when unknown. */
export function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** USD: "$0.004" under a cent, "$0.42", "$12.30". */
export function usd(x: number): string {
  if (!Number.isFinite(x) || x <= 0) return '$0';
  return x < 0.01 ? `$${x.toFixed(3)}` : `$${x.toFixed(2)}`;
}

/** "mic 50 ms · token 12 ms · SDP 14 ms · ICE 54 ms · ready 1 ms": the connect phases, for the connect-time tooltip. */
export function connectPhases(t: {
  micMs?: number;
  tokenMs?: number;
  sdpMs?: number;
  iceMs?: number;
  readyMs?: number;
}): string {
  const parts: [string, number | undefined][] = [
    ['mic', t.micMs],
    ['token', t.tokenMs],
    ['SDP', t.sdpMs],
    ['ICE', t.iceMs],
    ['ready', t.readyMs],
  ];
  return parts
    .filter(([, ms]) => ms !== undefined)
    .map(([name, ms]) => `${name} ${duration(ms)}`)
    .join(' · ');
}
