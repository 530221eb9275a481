/** SFMC page-context and pointing types shared by the content script, the service worker and the engine. */

/** The SFMC app a frame belongs to. */
export type SfmcApp =
  | 'Email Studio'
  | 'Content Builder'
  | 'Journey Builder'
  | 'Automation Studio'
  | 'Contact Builder'
  | 'Setup'
  | 'CloudPages'
  | 'Reports'
  | 'Mobile Studio'
  | 'Marketing Cloud'
  | 'Unknown';

/** Structure extracted from one frame, already redacted in that frame before it leaves the page. */
export interface FrameContext {
  /** Frame URL with query/hash values redacted (path and route names kept). */
  url: string;
  isTop: boolean;
  app: SfmcApp;
  /** Screen within the app, e.g. "SQL Query activity", "Journey canvas", "Data extension records". */
  screen: string;
  title: string;
  headings: string[];
  labels: string[];
  buttons: string[];
  errors: string[];
  /** Regions dropped because they show personal data or secrets (e.g. "records table", "client secret"). */
  dropped: string[];
  /** Set by the content script on `pagehide`: the router forgets this frame. */
  unloaded?: boolean;
}

/** All frames of one tab merged into what the model sees. */
export interface PageContext {
  app: SfmcApp;
  screen: string;
  frames: FrameContext[];
  /** The exact text sent to the model. */
  text: string;
}

export interface HighlightRequest {
  label: string;
  role?: string;
  note?: string;
  /** Resolve and score only, draw nothing (the router probes every frame, then draws in the best one). */
  probe?: boolean;
}

export type HighlightResult =
  | { found: true; label: string; role: string; frame: string; /** Match score 0–100 (resolve.ts). */ score?: number }
  | { found: false; reason: string; candidates: string[] };
