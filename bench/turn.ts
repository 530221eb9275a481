/**
 * `npm run bench:turn`: where the time of a push-to-talk turn goes, against the stand-in, over N turns.
 *   release → commit sent      key up in the panel → `input_audio_buffer.commit` leaving the offscreen data channel
 *                              (the end-of-turn tail: send-path delay + margin, lib/talk/push-to-talk.ts)
 *   commit → audio             that commit → the first reply frame with a level in the offscreen document's remote
 *                              audio (the analyser beside the <audio> element that plays it)
 *   stand-in floor             the same commit → first audible reply frame for a bare WebRTC client in Node (the
 *                              stand-in's own reply delay plus loopback RTP, no browser, no extension)
 *   client overhead            release → audio minus the floor: everything the extension adds to the wait
 * Clocks: the panel and the offscreen document share performance.timeOrigin-based wall time; Node uses Date.now().
 * Env: BENCH_TURNS (default 8), BENCH_HOLD_MS (default 1200). Final JSON line:
 * {"release_to_commit_ms","commit_to_audio_ms","standin_floor_ms","client_overhead_ms"} (medians), plus "turns".
 */
import { launch, waitForEngine, type Browser } from '../tests/support/browser';
import { startStack, type Stack } from '../tests/support/stack';
import { TestClient, mintKey } from '../emulator/test-client';
import { synthesize } from '../emulator/speech';
import { FEATURE_CHANNEL } from '../worklets/protocol';

const TURNS = Number(process.env.BENCH_TURNS || 8);
const HOLD_MS = Number(process.env.BENCH_HOLD_MS || 1200);
/** A reply frame counts as audible from this RMS on (about −40 dBFS). */
const AUDIBLE_RMS = 0.01;
const REPLY = 'Re-entry lets a contact enter the journey again.';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round = (x: number) => Math.round(x * 10) / 10;

interface TurnTimes {
  release: number;
  commit: number;
  audio: number;
}

/** Instrument the offscreen document (commit send times) and the panel (first audible assistant frame after t). */
async function instrument(b: Browser): Promise<void> {
  await b.panel.evaluate(
    ([channelName, audibleRms]) => {
      const view = chrome.extension.getViews().find((w) => w.location.pathname === '/offscreen.html') as
        (Window & typeof globalThis) | undefined;
      if (!view) throw new Error('no offscreen document');
      const w = window as unknown as { __commits: number[]; __audible: number[] };
      w.__commits = [];
      w.__audible = [];
      const proto = view.RTCDataChannel.prototype;
      const send = proto.send as (this: RTCDataChannel, data: string) => void;
      proto.send = function (this: RTCDataChannel, data: string) {
        if (typeof data === 'string' && data.includes('"input_audio_buffer.commit"'))
          w.__commits.push(view.performance.timeOrigin + view.performance.now());
        return send.call(this, data);
      } as typeof proto.send;
      const channel = new BroadcastChannel(channelName);
      channel.onmessage = (e: MessageEvent<{ source: string; rms: number; wallTime: number }>) => {
        if (e.data.source === 'assistant' && e.data.rms >= audibleRms) w.__audible.push(e.data.wallTime);
      };
    },
    [FEATURE_CHANNEL, AUDIBLE_RMS] as const,
  );
}

async function extensionTurn(b: Browser, stack: Stack): Promise<TurnTimes> {
  await stack.control('script', { replies: [{ text: REPLY }] });
  await b.panel.evaluate(() => window.dispatchEvent(new KeyboardEvent('keydown', { code: 'Space' })));
  await waitForEngine(b, (s) => s.status === 'listening' && s.micLive, 'listening');
  await b.panel.waitForTimeout(HOLD_MS);
  const release = await b.panel.evaluate(() => {
    const at = performance.timeOrigin + performance.now();
    window.dispatchEvent(new KeyboardEvent('keyup', { code: 'Space' }));
    return at;
  });
  let commit = 0;
  let audio = 0;
  for (let i = 0; i < 300 && !(commit && audio); i++) {
    const w = await b.panel.evaluate(() => {
      const x = window as unknown as { __commits: number[]; __audible: number[] };
      return { commits: x.__commits, audible: x.__audible };
    });
    commit = w.commits.find((t) => t > release) ?? 0;
    audio = commit ? (w.audible.find((t) => t > commit) ?? 0) : 0;
    if (!(commit && audio)) await b.panel.waitForTimeout(20);
  }
  if (!commit || !audio) throw new Error(`turn not measured (commit ${commit}, audio ${audio})`);
  await waitForEngine(b, (s) => s.status === 'ready', 'the reply to finish', 30_000);
  return { release, commit, audio };
}

/** The stand-in alone: commit + response.create from a Node WebRTC client, to its first audible reply frame. */
async function floorTurns(stack: Stack, n: number): Promise<number[]> {
  const key = await mintKey(stack.emulator.url, { type: 'realtime', audio: { input: { turn_detection: null } } });
  const { client } = await TestClient.connect(stack.emulator.url, key);
  if (!client) throw new Error('the floor client could not connect');
  const speech = await synthesize('How do I set up re-entry?', 'ash', 1);
  const out: number[] = [];
  try {
    await client.waitFor('session.created');
    for (let i = 0; i < n; i++) {
      await stack.control('script', { replies: [{ text: REPLY }] });
      const from = client.events.length;
      client.send({ type: 'input_audio_buffer.clear' });
      await client.speak(speech);
      const t0 = Date.now();
      client.send({ type: 'input_audio_buffer.commit' });
      client.send({ type: 'response.create' });
      await client.waitFor('output_audio_buffer.stopped', { from, timeout: 30_000 });
      const first = client.levels.find(([t, rms]) => t > t0 && rms >= AUDIBLE_RMS);
      if (!first) throw new Error('the floor client heard no reply');
      out.push(first[0] - t0);
    }
  } finally {
    client.close();
  }
  return out;
}

async function main(): Promise<void> {
  const stack = await startStack();
  const b = await launch(stack, { panelQuery: 'particles=2000' });
  const turns: TurnTimes[] = [];
  let floor: number[] = [];
  try {
    await b.panel.click('[data-testid="connect"]');
    await waitForEngine(b, (s) => s.status === 'ready', 'ready', 30_000);
    await instrument(b);
    for (let i = 0; i < TURNS; i++) turns.push(await extensionTurn(b, stack));
    await b.panel.click('[data-testid="disconnect"]');
    floor = await floorTurns(stack, TURNS);
  } finally {
    await b.close();
    await stack.stop();
  }
  const releaseToCommit = median(turns.map((t) => t.commit - t.release));
  const commitToAudio = median(turns.map((t) => t.audio - t.commit));
  const standinFloor = median(floor);
  const overhead = median(turns.map((t) => t.audio - t.release)) - standinFloor;
  console.log(`push-to-talk turns against the stand-in, median of ${TURNS} (ms)`);
  console.log(
    `release → commit sent ${round(releaseToCommit)} · commit → reply audible ${round(commitToAudio)} · stand-in floor ${round(standinFloor)} · client overhead ${round(overhead)}`,
  );
  console.log(
    `per turn (release→commit / commit→audio): ${turns.map((t) => `${round(t.commit - t.release)}/${round(t.audio - t.commit)}`).join(' ')}; floor: ${floor.map(round).join(' ')}`,
  );
  console.log(
    JSON.stringify({
      release_to_commit_ms: round(releaseToCommit),
      commit_to_audio_ms: round(commitToAudio),
      standin_floor_ms: round(standinFloor),
      client_overhead_ms: round(overhead),
      turns: TURNS,
    }),
  );
}

// node-datachannel keeps native handles alive after the floor client closed: end the process explicitly.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
