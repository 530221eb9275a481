/**
 * The pure decisions of `npm start` (scripts/start.ts), kept apart so they are unit-tested: options, what the token
 * service really talks to, Chromium's arguments, the hand-loading steps, the port-in-use message and what to say
 * when Chromium exits.
 */

/** Chromium refuses to start as root without it; a crash within this window is "exited early". */
export const EARLY_EXIT_MS = 10_000;
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface StartOptions {
  /** Launch Chromium with a fake microphone playing a WAV (a machine with no microphone). */
  fakeMic: boolean;
}

export function parseStartOptions(argv: readonly string[], env: Record<string, string | undefined>): StartOptions {
  const unknown = argv.filter((a) => a !== '--fake-mic');
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(' ')} (known: --fake-mic)`);
  return { fakeMic: argv.includes('--fake-mic') || env.FAKE_MIC === '1' };
}

/** True for http(s) URLs on 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export interface RealtimeTarget {
  /** Base URL the token service is given as OPENAI_BASE_URL. */
  baseUrl: string;
  /** A stand-in on this machine (ours or one the user runs): practice mode, whatever the key. */
  practice: boolean;
  /** What answers, e.g. "the local Realtime stand-in at http://127.0.0.1:8788" or "the OpenAI Realtime API at …". */
  where: string;
  /** The console line, e.g. "Practice mode: answers come from the local Realtime stand-in at http://127.0.0.1:8788". */
  headline: string;
}

/**
 * What the token service will talk to. `standInUrl` is the stand-in npm start launched (only without an API key);
 * otherwise OPENAI_BASE_URL or the OpenAI default decides, and a loopback base URL is a stand-in too.
 */
export function realtimeTarget(env: Record<string, string | undefined>, standInUrl?: string): RealtimeTarget {
  const baseUrl = standInUrl
    ? `${standInUrl.replace(/\/+$/, '')}/v1`
    : env.OPENAI_BASE_URL?.trim() || OPENAI_DEFAULT_BASE_URL;
  if (isLoopbackUrl(baseUrl)) {
    const where = `the local Realtime stand-in at ${new URL(baseUrl).origin}`;
    return { baseUrl, practice: true, where, headline: `Practice mode: answers come from ${where}` };
  }
  const where = `the OpenAI Realtime API at ${baseUrl}`;
  return { baseUrl, practice: false, where, headline: `Answers come from ${where}` };
}

/** Start a stand-in only when there is no API key: with a key, OPENAI_BASE_URL (or OpenAI) is used as given. */
export function needsStandIn(env: Record<string, string | undefined>): boolean {
  return !env.OPENAI_API_KEY?.trim();
}

export interface ChromiumPlan {
  extensionDir: string;
  profileDir: string;
  hostResolverRules: string;
  startUrl: string;
  /** Running as root: Chromium needs --no-sandbox. */
  root: boolean;
  /** WAV played as the microphone (FAKE_MIC=1 / --fake-mic), or undefined for the real one. */
  fakeMicWav?: string;
}

/** The flags any Chromium needs for practice mode (also printed in the hand-loading steps). */
export function practiceFlags(plan: Pick<ChromiumPlan, 'hostResolverRules' | 'root' | 'fakeMicWav'>): string[] {
  return [
    `--host-resolver-rules=${plan.hostResolverRules}`,
    '--ignore-certificate-errors',
    // the stand-in's WebRTC peer is on 127.0.0.1: Chromium drops loopback ICE candidates without this flag
    '--allow-loopback-in-peer-connection',
    ...(plan.fakeMicWav
      ? [
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-audio-capture=${plan.fakeMicWav}`,
        ]
      : []),
    ...(plan.root ? ['--no-sandbox'] : []),
  ];
}

export function chromiumArgs(plan: ChromiumPlan): string[] {
  return [
    `--user-data-dir=${plan.profileDir}`,
    `--disable-extensions-except=${plan.extensionDir}`,
    `--load-extension=${plan.extensionDir}`,
    ...practiceFlags(plan),
    '--no-first-run',
    plan.startUrl,
  ];
}

const quote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** Steps for loading the extension by hand (no display, or no Chromium at CHROME_PATH). */
export function handLoadingSteps(plan: Omit<ChromiumPlan, 'profileDir'>, reason: string): string {
  return [
    `${reason}: load the extension by hand.`,
    `  1. Start Chromium (or Chrome for Testing) with these flags:`,
    `       ${practiceFlags(plan).map(quote).join(' ')}`,
    `  2. Open chrome://extensions, turn on Developer mode, "Load unpacked" → ${plan.extensionDir}`,
    `  3. Open the practice page ${plan.startUrl}`,
    `  4. Click the toolbar icon (or Alt+Shift+Y) to open the side panel; hold F9 on the page to talk.`,
    `Services keep running until Ctrl+C.`,
  ].join('\n');
}

export interface PortUse {
  /** What listens there, e.g. "token service". */
  name: string;
  port: number;
  /** The variable that moves it, e.g. PORT. */
  envVar: string;
}

export function portInUseMessage({ name, port, envVar }: PortUse): string {
  return `port ${port} (${name}) is in use — stop the other process (\`lsof -i :${port}\`) or set ${envVar}=<another port>.`;
}

/** The last `n` non-empty lines of `text`. */
export function lastLines(text: string, n: number): string[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(-n);
}

export interface ChromiumExit {
  code: number | null;
  signal: string | null;
  /** Milliseconds since launch. */
  ranMs: number;
  stderr: string;
}

/**
 * What to print and with which code to exit once Chromium is gone. A normal close (code 0 after the early window)
 * stops the services and exits 0; an early exit or a failure shows Chromium's last stderr lines and exits 1.
 */
export function chromiumExitReport(
  exit: ChromiumExit,
  { root, earlyExitMs = EARLY_EXIT_MS }: { root: boolean; earlyExitMs?: number },
): { message: string; exitCode: number } {
  const early = exit.ranMs < earlyExitMs;
  if (exit.code === 0 && !early) return { message: 'Chromium closed — stopping the services.', exitCode: 0 };
  const how = exit.signal ? `was stopped by ${exit.signal}` : `exited with code ${exit.code}`;
  const lines = lastLines(exit.stderr, 15);
  const hints: string[] = [];
  if (/Opening in existing browser session/i.test(exit.stderr)) {
    hints.push(
      'Another Chromium already uses the practice profile (.wxt/practice-profile): close it and run npm start again.',
    );
  }
  if (/Missing X server|cannot open display/i.test(exit.stderr))
    hints.push('No usable display: unset DISPLAY to get the hand-loading steps instead.');
  if (/without --no-sandbox/i.test(exit.stderr) && !root)
    hints.push('Chromium asks for --no-sandbox: npm start adds it only when it runs as root.');
  const after = early ? ` after ${(exit.ranMs / 1000).toFixed(1)} s` : '';
  return {
    message: [
      `Chromium ${how}${after} — stopping the services.`,
      ...(lines.length ? ['Its last output:', ...lines.map((l) => `  ${l}`)] : ['It printed nothing.']),
      ...hints,
    ].join('\n'),
    exitCode: 1,
  };
}
