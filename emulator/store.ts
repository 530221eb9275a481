/**
 * Per-emulator state shared by the HTTP routes, the calls and the control API: minted keys, the scripted reply queue,
 * fault switches, and what each call received (for tests).
 */
import type { ReferenceSearch } from './practice.ts';
import type { EffectiveSession } from './session-config.ts';

export interface ScriptedToolCall {
  name: string;
  arguments: Record<string, unknown>;
}
export interface ScriptedReply {
  text: string;
  toolCalls?: ScriptedToolCall[];
  userTranscript?: string;
  /** Reasoning models only: the commentary item before the answer (undefined = a default line, null = none). */
  preamble?: string | null;
}

export interface MintedKey {
  value: string;
  session: EffectiveSession;
  expiresAt: number; // unix ms
  used: boolean;
}

export interface Faults {
  sdpStatus?: number;
  sdpDelayMs?: number;
  sessionUpdatedDelayMs?: number;
  sessionMaxMs?: number;
  transcriptionFailed?: boolean;
  lateTranscription?: boolean;
  /** The next ephemeral key presented to /calls counts as already used (once): 401 `ephemeral_token_already_used`. */
  useNextKey?: boolean;
}

export interface MicRecord {
  receivedMs: number;
  rmsWhileLive: number;
  peak: number;
  commits: { durationMs: number; rms: number }[];
}

export interface CallRecord {
  id: string;
  createdAt: string;
  clientEvents: unknown[];
  mic: MicRecord;
  closed: boolean;
}

/** What a live call exposes to the control API. */
export interface LiveCall {
  id: string;
  record: CallRecord;
  dropDataChannel(): void;
  closePeer(): void;
  sendError(error: { code: string; message: string; type?: string }): void;
  hangup(): void;
  applySessionCap(ms: number): void;
  resetRecord(): void;
}

export class EmulatorStore {
  keys = new Map<string, MintedKey>();
  replies: ScriptedReply[] = [];
  faults: Faults = {};
  calls: CallRecord[] = [];
  live = new Map<string, LiveCall>();
  keysMinted = 0;
  keysUsed = 0;
  /** The reference pack's search for practice answers (startEmulator loads it; undefined = answers "not in my reference"). */
  reference: ReferenceSearch | undefined;

  constructor(
    readonly options: { singleUseKeys: boolean; acceptModelQuery: boolean; apiKeys: string[] | null; log: boolean },
  ) {}

  isServerKey(key: string): boolean {
    return this.options.apiKeys ? this.options.apiKeys.includes(key) : key.startsWith('sk-');
  }

  nextReply(): ScriptedReply | undefined {
    return this.replies.shift();
  }

  peekReply(): ScriptedReply | undefined {
    return this.replies[0];
  }

  reset(): void {
    this.replies = [];
    this.faults = {};
    this.calls = this.calls.filter((c) => !c.closed);
    for (const call of this.live.values()) call.resetRecord();
    this.keysMinted = 0;
    this.keysUsed = 0;
  }

  log(line: string): void {
    if (this.options.log) process.stderr.write(`[emulator] ${line}\n`);
  }
}
