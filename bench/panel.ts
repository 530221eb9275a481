/**
 * `npm run bench:panel`: the side panel's main-thread cost while a session is connected and idle, with the panel
 * visible and hidden. Busy ms per second = growth of Chrome's `TaskDuration` metric (CDP Performance.getMetrics: time
 * the page's main thread spent running tasks) over a window, per second of wall time. Headless Chromium keeps every
 * page 'visible' (a background tab or a minimised window included), so "hidden" is emulated as the panel sees it:
 * document.visibilityState reads 'hidden' and a visibilitychange event fires; the particle field then stops.
 * (A really hidden page also gets no rAF from Chrome; the emulation measures what our own code still does.)
 * Env: BENCH_WINDOW_MS (default 5000), BENCH_PARTICLES (default: the panel's own count).
 * Final JSON line: {"visible_busy_ms_per_s","hidden_busy_ms_per_s","hidden_share","particles"}.
 */
import { launch, waitForEngine } from '../tests/support/browser';
import { startStack } from '../tests/support/stack';

const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS || 5000);
const PARTICLES = process.env.BENCH_PARTICLES;
const round = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const stack = await startStack();
  const b = await launch(stack, { panelQuery: PARTICLES ? `particles=${PARTICLES}` : '' });
  try {
    await b.panel.click('[data-testid="connect"]');
    await waitForEngine(b, (s) => s.status === 'ready', 'ready', 30_000);
    const cdp = await b.ctx.newCDPSession(b.panel);
    await cdp.send('Performance.enable');
    const taskSeconds = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
    };
    const busyPerSecond = async () => {
      const t0 = await taskSeconds();
      const w0 = Date.now();
      await new Promise((r) => setTimeout(r, WINDOW_MS));
      return (((await taskSeconds()) - t0) * 1000) / ((Date.now() - w0) / 1000);
    };
    const state = () => b.panel.evaluate(() => document.visibilityState);
    const particles = Number(await b.panel.getAttribute('canvas', 'data-particle-count').catch(() => null)) || 0;

    await b.panel.bringToFront();
    await b.panel.waitForTimeout(1000); // let the field settle after the connect
    if ((await state()) !== 'visible') throw new Error('the panel tab is not visible after bringToFront');
    const visible = await busyPerSecond();

    // A string, not a function: tsx would wrap the getters in a helper (__name) that the page does not have.
    await b.panel.evaluate(`
      Object.defineProperty(document, 'visibilityState', { configurable: true, get() { return 'hidden'; } });
      Object.defineProperty(document, 'hidden', { configurable: true, get() { return true; } });
      document.dispatchEvent(new Event('visibilitychange'));
    `);
    if ((await state()) !== 'hidden') throw new Error('the panel did not take the hidden state');
    await b.panel.waitForTimeout(500);
    const hidden = await busyPerSecond();
    const snapshot = await b.snapshot();
    if (snapshot?.status !== 'ready')
      throw new Error(`the session did not stay connected (status ${snapshot?.status})`);

    console.log(`panel main thread, connected and idle, ${particles} particles, ${WINDOW_MS} ms windows`);
    console.log(`visible: ${round(visible)} busy ms/s   hidden: ${round(hidden)} busy ms/s`);
    console.log(
      JSON.stringify({
        visible_busy_ms_per_s: round(visible),
        hidden_busy_ms_per_s: round(hidden),
        hidden_share: Math.round((hidden / visible) * 1000) / 1000,
        particles,
      }),
    );
  } finally {
    await b.close();
    await stack.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
