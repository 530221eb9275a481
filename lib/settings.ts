/**
 * Every persisted value, declared once (wxt/storage). Settings are versioned: bump `SETTINGS_VERSION` and add a
 * migration to `settingsMigrations` whenever their shape changes. Offscreen documents cannot read chrome.storage, so
 * the engine asks the service worker (`settings/get`).
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_MODEL_PRICES, isPriceTable, type ModelPrices, type PriceTable } from '@/lib/conversation/prices';
import { DEFAULT_HOLD_KEY } from '@/lib/talk/hold-key';
import type { TalkMode } from '@/lib/voice/types';
import type { TranscriptEntry } from '@/lib/conversation/types';
import type { StoredWalkthrough } from '@/lib/walkthrough/controller';
import { answerLanguageFor, browserUiLanguage } from '@/lib/i18n/ui-language';
import type { PolicyView } from '@/lib/policy/policy';
import type { Voice } from '@/contract/session';

/** USD per 1M tokens, by kind; one table per model (lib/conversation/prices.ts). Edit in settings ("Prices"). */
export type { ModelPrices, PriceTable };

export { VOICES, type Voice } from '@/contract/session';

export interface Settings {
  /** Base URL of the token service, e.g. https://tokens.example.com (POST {url}/api/token). */
  tokenServiceUrl: string;
  /** Bearer access key for the token service. */
  accessKey: string;
  /** BCP-47 / ISO-639-1 language the instructor answers in. */
  language: string;
  voice: Voice;
  mode: TalkMode;
  /** `KeyboardEvent.code` of the hold-to-talk key in SFMC frames. */
  holdKey: string;
  /** `MediaDeviceInfo.deviceId`, or '' for the default microphone. */
  micDeviceId: string;
  /** Disconnect after this many minutes without talking (0 = never). */
  idleDisconnectMinutes: number;
  /** Send the redacted SFMC page structure to the instructor. */
  sharePageContext: boolean;
  /** List prices per model; the cost shown follows the session's model. */
  prices: ModelPrices;
  /** Disconnect when a session's estimated cost reaches this many USD; warn at 80 % (0 = no cap). */
  costCapUsd: number;
  /** Disconnect when a session has run this many minutes; warn at 80 % (0 = no cap). */
  minutesCap: number;
  /** Disconnect this many minutes after the side panel closed, whatever the talk mode (0 = keep running). */
  panelClosedDisconnectMinutes: number;
  /** Attached to the effective settings from the admin policy (lib/policy/managed.ts); never stored. */
  policy?: PolicyView;
  /** The signed-in user's ID token (lib/sso), sent to the token service instead of the access key; never stored here. */
  idToken?: string;
}

/** Practice-mode presets come from the build environment (WXT_TOKEN_SERVICE_URL / WXT_TOKEN_SERVICE_ACCESS_KEY). */
export const DEFAULT_SETTINGS: Settings = {
  tokenServiceUrl: import.meta.env.WXT_TOKEN_SERVICE_URL || 'http://127.0.0.1:8787',
  accessKey: import.meta.env.WXT_TOKEN_SERVICE_ACCESS_KEY || '',
  // The browser's UI language until the user picks one (lib/i18n/ui-language.ts; English if not offered).
  language: answerLanguageFor(browserUiLanguage()),
  voice: 'marin',
  mode: 'push-to-talk',
  holdKey: DEFAULT_HOLD_KEY,
  micDeviceId: '',
  idleDisconnectMinutes: 10,
  sharePageContext: true,
  prices: DEFAULT_MODEL_PRICES,
  costCapUsd: 5,
  minutesCap: 0,
  panelClosedDisconnectMinutes: 10,
};

export const SETTINGS_VERSION = 3;

/** v1 had `tokenUrl` and no price table; v2 renamed it and added `prices`. Pure, so it is unit-tested. */
export const settingsMigrations = {
  2: (old: Record<string, unknown>): Settings => {
    const { tokenUrl, ...rest } = old;
    return {
      ...DEFAULT_SETTINGS,
      ...(rest as Partial<Settings>),
      tokenServiceUrl: typeof tokenUrl === 'string' && tokenUrl ? tokenUrl : DEFAULT_SETTINGS.tokenServiceUrl,
      prices: DEFAULT_SETTINGS.prices,
    };
  },
  /** v3: one price table per model (v2's single table was gpt-realtime's: it stays that row), cost/minutes caps. */
  3: (old: Record<string, unknown>): Settings => {
    const prices = isPriceTable(old.prices)
      ? { ...DEFAULT_MODEL_PRICES, 'gpt-realtime': old.prices }
      : { ...DEFAULT_MODEL_PRICES, ...(old.prices as Partial<ModelPrices> | undefined) };
    return { ...DEFAULT_SETTINGS, ...(old as Partial<Settings>), prices };
  },
};

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: settingsMigrations,
});

/** Read settings with defaults filled in for fields added since they were saved. */
export async function loadSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export const transcriptItem = storage.defineItem<TranscriptEntry[]>('local:transcript', { fallback: [] });

/** The walkthrough in progress (lib/walkthrough/controller.ts): survives panel close and service-worker restarts. */
export const walkthroughItem = storage.defineItem<StoredWalkthrough | null>('local:walkthrough', { fallback: null });
