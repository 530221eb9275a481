/**
 * Admin policy (chrome.storage.managed, schema in public/managed-schema.json) merged over the user's settings.
 * Pure: the service worker and the panel feed it what they read (lib/policy/managed.ts).
 *
 * Rules: a value with its `…Locked` flag wins and the user cannot change it; a value without the flag is the
 * organisation's default, used wherever the user still has the built-in default. The token service URL and access key
 * are locked whenever the policy sets them. `handsFreeAllowed: false` forces push-to-talk; `pointingAllowed: false`
 * makes the engine refuse highlight and walkthrough tools.
 */
import { LANGUAGES } from '@/lib/languages';
import { DEFAULT_SETTINGS, VOICES, type Settings } from '@/lib/settings';

/** What an admin may set; every field optional (values of the wrong type are dropped by parsePolicy). */
export interface Policy {
  tokenServiceUrl?: string;
  accessKey?: string;
  oidcIssuer?: string;
  oidcClientId?: string;
  language?: string;
  languageLocked?: boolean;
  voice?: Settings['voice'];
  voiceLocked?: boolean;
  mode?: Settings['mode'];
  modeLocked?: boolean;
  sharePageContext?: boolean;
  sharePageContextLocked?: boolean;
  handsFreeAllowed?: boolean;
  pointingAllowed?: boolean;
  idleDisconnectMinutes?: number;
  idleDisconnectMinutesLocked?: boolean;
  sessionCapMinutes?: number;
  sessionCapMinutesLocked?: boolean;
}

/** What the panel and the engine learn about the policy alongside the effective settings. */
export interface PolicyView {
  /** Settings the user cannot change ("Set by your organization"). */
  locked: (keyof Settings)[];
  handsFreeAllowed: boolean;
  pointingAllowed: boolean;
  /** The organisation's OpenID Connect provider, when both halves are set. */
  oidc?: { issuer: string; clientId: string };
}

export const NO_POLICY_VIEW: PolicyView = { locked: [], handsFreeAllowed: true, pointingAllowed: true };

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isMinutes = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1440;
const CHECKS: { [K in keyof Policy]-?: (v: unknown) => boolean } = {
  tokenServiceUrl: isString,
  accessKey: isString,
  oidcIssuer: isString,
  oidcClientId: isString,
  language: (v) => isString(v) && v in LANGUAGES,
  languageLocked: isBool,
  voice: (v) => (VOICES as readonly unknown[]).includes(v),
  voiceLocked: isBool,
  mode: (v) => v === 'push-to-talk' || v === 'hands-free',
  modeLocked: isBool,
  sharePageContext: isBool,
  sharePageContextLocked: isBool,
  handsFreeAllowed: isBool,
  pointingAllowed: isBool,
  idleDisconnectMinutes: isMinutes,
  idleDisconnectMinutesLocked: isBool,
  sessionCapMinutes: isMinutes,
  sessionCapMinutesLocked: isBool,
};

/** Keep only known keys with values of the right type (Chrome drops schema mismatches too; this is the second net). */
export function parsePolicy(raw: unknown): Policy {
  if (!raw || typeof raw !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, check] of Object.entries(CHECKS)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value !== undefined && check(value)) out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as Policy;
}

/** Policy value → settings key, with the name of its lock flag (undefined: locked whenever set). */
const MAPPED: { key: keyof Settings; from: keyof Policy; lock?: keyof Policy }[] = [
  { key: 'tokenServiceUrl', from: 'tokenServiceUrl' },
  { key: 'accessKey', from: 'accessKey' },
  { key: 'language', from: 'language', lock: 'languageLocked' },
  { key: 'voice', from: 'voice', lock: 'voiceLocked' },
  { key: 'mode', from: 'mode', lock: 'modeLocked' },
  { key: 'sharePageContext', from: 'sharePageContext', lock: 'sharePageContextLocked' },
  { key: 'idleDisconnectMinutes', from: 'idleDisconnectMinutes', lock: 'idleDisconnectMinutesLocked' },
  { key: 'minutesCap', from: 'sessionCapMinutes', lock: 'sessionCapMinutesLocked' },
];

/** The settings the engine uses and the panel shows, and what the policy locks. */
export function applyPolicy(
  user: Settings,
  policy: Policy,
  defaults: Settings = DEFAULT_SETTINGS,
): { settings: Settings; view: PolicyView } {
  const settings: Record<string, unknown> = { ...user };
  const locked = new Set<keyof Settings>();
  for (const { key, from, lock } of MAPPED) {
    const value = policy[from];
    if (value === undefined) continue;
    const isLocked = lock === undefined || policy[lock] === true;
    if (isLocked) locked.add(key);
    if (isLocked || user[key] === defaults[key]) settings[key] = value;
  }
  const handsFreeAllowed = policy.handsFreeAllowed !== false;
  if (!handsFreeAllowed) {
    settings.mode = 'push-to-talk';
    locked.add('mode');
  }
  const view: PolicyView = { locked: [...locked], handsFreeAllowed, pointingAllowed: policy.pointingAllowed !== false };
  if (policy.oidcIssuer && policy.oidcClientId)
    view.oidc = { issuer: policy.oidcIssuer, clientId: policy.oidcClientId };
  return { settings: settings as unknown as Settings, view };
}

/** The part of a user's edit the policy allows (locked keys dropped; hands-free refused when not allowed). */
export function allowedPatch(patch: Partial<Settings>, view: PolicyView): Partial<Settings> {
  const out: Partial<Settings> = {};
  for (const [key, value] of Object.entries(patch) as [keyof Settings, unknown][]) {
    if (view.locked.includes(key)) continue;
    if (key === 'mode' && value === 'hands-free' && !view.handsFreeAllowed) continue;
    (out as Record<string, unknown>)[key] = value;
  }
  return out;
}
