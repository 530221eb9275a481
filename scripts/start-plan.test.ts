import { describe, expect, it } from 'vitest';
import {
  EARLY_EXIT_MS,
  chromiumArgs,
  chromiumExitReport,
  handLoadingSteps,
  isLoopbackUrl,
  lastLines,
  needsStandIn,
  parseStartOptions,
  portInUseMessage,
  realtimeTarget,
  type ChromiumPlan,
} from './start-plan';

const plan: ChromiumPlan = {
  extensionDir: '/repo/.output/chrome-mv3',
  profileDir: '/repo/.wxt/practice-profile',
  hostResolverRules: 'MAP *.exacttarget.com 127.0.0.1:8443, MAP *.marketingcloudapps.com 127.0.0.1:8443',
  startUrl: 'https://mc.s10.exacttarget.com/cloud/#app/Journey%20Builder/x',
  root: false,
};

describe('options', () => {
  it('--fake-mic or FAKE_MIC=1 turns the fake microphone on; nothing else does', () => {
    expect(parseStartOptions([], {})).toEqual({ fakeMic: false });
    expect(parseStartOptions(['--fake-mic'], {})).toEqual({ fakeMic: true });
    expect(parseStartOptions([], { FAKE_MIC: '1' })).toEqual({ fakeMic: true });
    expect(parseStartOptions([], { FAKE_MIC: '0' })).toEqual({ fakeMic: false });
  });
  it('refuses an unknown option instead of ignoring it', () => {
    expect(() => parseStartOptions(['--fake-mike'], {})).toThrow(/unknown option --fake-mike/);
  });
});

describe('what the token service talks to', () => {
  it('names the stand-in npm start launched (practice mode)', () => {
    expect(realtimeTarget({}, 'http://127.0.0.1:8788')).toEqual({
      baseUrl: 'http://127.0.0.1:8788/v1',
      practice: true,
      where: 'the local Realtime stand-in at http://127.0.0.1:8788',
      headline: 'Practice mode: answers come from the local Realtime stand-in at http://127.0.0.1:8788',
    });
  });
  it('a loopback OPENAI_BASE_URL is a stand-in, whatever the key (the old message said "the real OpenAI Realtime API")', () => {
    const t = realtimeTarget({ OPENAI_API_KEY: 'sk-real-looking-key', OPENAI_BASE_URL: 'http://localhost:9999/v1' });
    expect(t.practice).toBe(true);
    expect(t.headline).toBe('Practice mode: answers come from the local Realtime stand-in at http://localhost:9999');
  });
  it('names the real API and its base URL otherwise', () => {
    expect(realtimeTarget({ OPENAI_API_KEY: 'sk-x' })).toMatchObject({
      practice: false,
      headline: 'Answers come from the OpenAI Realtime API at https://api.openai.com/v1',
    });
    expect(realtimeTarget({ OPENAI_API_KEY: 'sk-x', OPENAI_BASE_URL: 'https://proxy.example.com/v1' }).where).toBe(
      'the OpenAI Realtime API at https://proxy.example.com/v1',
    );
  });
  it('starts the stand-in only without an API key', () => {
    expect(needsStandIn({})).toBe(true);
    expect(needsStandIn({ OPENAI_API_KEY: '  ' })).toBe(true);
    expect(needsStandIn({ OPENAI_API_KEY: 'sk-x' })).toBe(false);
  });
  it('recognises loopback addresses and nothing else', () => {
    for (const u of ['http://127.0.0.1:8788/v1', 'http://127.1.2.3/', 'http://localhost:1/', 'http://[::1]:8788/v1'])
      expect(isLoopbackUrl(u), u).toBe(true);
    for (const u of ['https://api.openai.com/v1', 'http://10.0.0.1/', 'http://127.0.0.1.example.com/', 'not a url'])
      expect(isLoopbackUrl(u), u).toBe(false);
  });
});

describe('Chromium arguments', () => {
  it('load the extension, map the SFMC hosts and allow loopback WebRTC', () => {
    const args = chromiumArgs(plan);
    expect(args).toContain('--load-extension=/repo/.output/chrome-mv3');
    expect(args).toContain('--disable-extensions-except=/repo/.output/chrome-mv3');
    expect(args).toContain(`--host-resolver-rules=${plan.hostResolverRules}`);
    expect(args).toContain('--allow-loopback-in-peer-connection');
    expect(args.at(-1)).toBe(plan.startUrl);
    expect(args).not.toContain('--no-sandbox');
    expect(args.some((a) => a.includes('fake'))).toBe(false);
  });
  it('add --no-sandbox as root', () => {
    expect(chromiumArgs({ ...plan, root: true })).toContain('--no-sandbox');
  });
  it('play a WAV as the microphone with the fake-mic option', () => {
    const args = chromiumArgs({ ...plan, fakeMicWav: '/repo/tests/fixtures/audio/question.wav' });
    expect(args).toEqual(
      expect.arrayContaining([
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--use-file-for-fake-audio-capture=/repo/tests/fixtures/audio/question.wav',
      ]),
    );
  });
});

describe('hand-loading steps', () => {
  it('include every flag practice mode needs, quoted for a shell, and the folder to load', () => {
    const text = handLoadingSteps({ ...plan, root: true, fakeMicWav: '/w.wav' }, 'No display (DISPLAY is not set)');
    expect(text).toMatch(/^No display \(DISPLAY is not set\): load the extension by hand\./);
    expect(text).toContain('--allow-loopback-in-peer-connection');
    expect(text).toContain(`'--host-resolver-rules=${plan.hostResolverRules}'`);
    expect(text).toContain('--ignore-certificate-errors');
    expect(text).toContain('--no-sandbox');
    expect(text).toContain('--use-file-for-fake-audio-capture=/w.wav');
    expect(text).toContain('"Load unpacked" → /repo/.output/chrome-mv3');
    expect(text).toContain(plan.startUrl);
  });
});

describe('port in use', () => {
  it('names the port, the service and the fix', () => {
    expect(portInUseMessage({ name: 'token service', port: 8787, envVar: 'PORT' })).toBe(
      'port 8787 (token service) is in use — stop the other process (`lsof -i :8787`) or set PORT=<another port>.',
    );
  });
});

describe('when Chromium exits', () => {
  const stderr = [
    '[1:1:ERROR:zygote_host_impl_linux.cc] Running as root without --no-sandbox is not supported.',
    '',
  ].join('\n');
  it('a normal close after the early window stops the services with a message and exit code 0', () => {
    expect(chromiumExitReport({ code: 0, signal: null, ranMs: 60_000, stderr: 'noise' }, { root: false })).toEqual({
      message: 'Chromium closed — stopping the services.',
      exitCode: 0,
    });
  });
  it('an early exit shows its last stderr lines and exits non-zero, even with code 0 (the old npm start exited 0, silently)', () => {
    const r = chromiumExitReport(
      { code: 0, signal: null, ranMs: 3_000, stderr: 'Opening in existing browser session.\n' },
      { root: false },
    );
    expect(r.exitCode).toBe(1);
    expect(r.message).toContain('Chromium exited with code 0 after 3.0 s — stopping the services.');
    expect(r.message).toContain('  Opening in existing browser session.');
    expect(r.message).toContain('Another Chromium already uses the practice profile');
  });
  it('a crash shows the tail of stderr and the sandbox hint when not root', () => {
    const r = chromiumExitReport({ code: 1, signal: null, ranMs: 400, stderr }, { root: false });
    expect(r.exitCode).toBe(1);
    expect(r.message).toContain('Running as root without --no-sandbox is not supported.');
    expect(r.message).toContain('npm start adds it only when it runs as root');
  });
  it('a late failure or a signal is still reported with exit code 1', () => {
    expect(
      chromiumExitReport({ code: 139, signal: null, ranMs: EARLY_EXIT_MS + 1, stderr: '' }, { root: true }),
    ).toEqual({
      message: 'Chromium exited with code 139 — stopping the services.\nIt printed nothing.',
      exitCode: 1,
    });
    expect(
      chromiumExitReport({ code: null, signal: 'SIGKILL', ranMs: 99_000, stderr: 'x' }, { root: true }).message,
    ).toMatch(/^Chromium was stopped by SIGKILL/);
  });
  it('keeps only the last lines', () => {
    expect(lastLines('a\n\nb\r\nc\nd\n', 2)).toEqual(['c', 'd']);
    const many = Array.from({ length: 40 }, (_, i) => `line ${i}`).join('\n');
    const r = chromiumExitReport({ code: 1, signal: null, ranMs: 10, stderr: many }, { root: false });
    expect(r.message).toContain('line 39');
    expect(r.message).toContain('line 25');
    expect(r.message).not.toContain('line 24');
  });
});
