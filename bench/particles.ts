/**
 * `npm run bench:particles`: the particle field's per-frame cost in headless Chromium (SwiftShader).
 *
 * 1. Builds bench/particles/ (the real lib/particles state + view) with Vite into a temp dir and serves it with
 *    COOP/COEP, so the page is cross-origin isolated and performance.now() has 5 µs resolution (not 100 µs).
 * 2. For 32k, 64k, 100k particles (one view, buffers for 100k allocated once, count via setDrawRange):
 *    - unsynced run: JS ms of the frame callback (state.update + view.render) and the rAF interval;
 *      bytes allocated per frame = V8 sampling heap profiler (CDP HeapProfiler.startSampling, 32-byte interval,
 *      objects collected by minor/major GC included) summed over the `benchFrame` subtree / frames;
 *    - synced run: the same + a 1-px readPixels after render, timing draw completion ("raster" — SwiftShader is CPU
 *      rasterisation: only comparable with itself).
 * 3. Prints a table and, last, one JSON line:
 *    {"js_ms_32k", "js_ms_64k", "js_ms_100k", "ratio_100k_32k", "bytes_per_frame", …}. js_ms_* are means (p50/p95
 *    are in the JSON too: on a shared VM means swing with preemption); bytes_per_frame is the largest
 *    of the three counts, split into bytes_per_frame_three (inside three's WebGLRenderer.render) and
 *    bytes_per_frame_lib_particles (our state + view code); the rest is the harness's own timing numbers.
 * Before measuring, the frame path runs BENCH_WARM_FRAMES (30 000) times synchronously at 1k particles so V8 has
 * optimised it: unoptimised code boxes doubles (HeapNumbers), which would count as per-frame allocation.
 * Env: BENCH_FRAMES (default 90), BENCH_SYNC_FRAMES (default 20), BENCH_WARM_FRAMES, BENCH_DEBUG=1 (allocation
 * stacks), CHROMIUM (default /usr/bin/chromium).
 */
import { rmSync } from 'node:fs';
import type { CDPSession } from 'playwright-core';
import type { RunResult } from './particles/main';
import { buildPages, launch, serve } from './particles/harness';

const FRAMES = Number(process.env.BENCH_FRAMES ?? 90);
const SYNC_FRAMES = Number(process.env.BENCH_SYNC_FRAMES ?? 20);
const WARM_FRAMES = Number(process.env.BENCH_WARM_FRAMES ?? 30_000);
const COUNTS = [32_000, 64_000, 100_000];

interface ProfileNode {
  callFrame: { functionName: string; url: string };
  selfSize: number;
  children: ProfileNode[];
}

function subtreeSize(node: ProfileNode): number {
  let s = node.selfSize;
  for (const c of node.children) s += subtreeSize(c);
  return s;
}

/**
 * Allocations under every `fn` node (outermost only): total, and the parts allocated by functions in the three chunk
 * and in the lib/particles chunk (the rest is the bench harness itself, e.g. its timing numbers).
 */
function allocationsIn(node: ProfileNode, fn: string): Bytes {
  if (node.callFrame.functionName === fn) {
    return {
      total: subtreeSize(node),
      three: chunkSize(node, /\/three-[\w-]+\.js$/),
      lib: chunkSize(node, /\/particles-[\w-]+\.js$/),
    };
  }
  const sum = { total: 0, three: 0, lib: 0 };
  for (const c of node.children) {
    const r = allocationsIn(c, fn);
    sum.total += r.total;
    sum.three += r.three;
    sum.lib += r.lib;
  }
  return sum;
}

function chunkSize(node: ProfileNode, url: RegExp): number {
  let s = url.test(node.callFrame.url) ? node.selfSize : 0;
  for (const c of node.children) s += chunkSize(c, url);
  return s;
}

/** BENCH_DEBUG=1: print the allocation stacks under benchFrame (to find what allocates). */
function dumpTop(head: ProfileNode, frames: number): void {
  const lines: [number, string][] = [];
  const walk = (n: ProfileNode, stack: string[], inside: boolean): void => {
    const name = `${n.callFrame.functionName || '(anon)'}@${n.callFrame.url.split('/').pop() ?? ''}`;
    const now = inside || n.callFrame.functionName === 'benchFrame';
    if (now && n.selfSize > 0) lines.push([n.selfSize / frames, [...stack, name].slice(-6).join(' > ')]);
    for (const c of n.children) walk(c, [...stack, name], now);
  };
  walk(head, [], false);
  lines.sort((a, b) => b[0] - a[0]);
  for (const [b, s] of lines.slice(0, 15)) console.log(`${b.toFixed(0).padStart(8)} B/frame  ${s}`);
}

interface Bytes {
  total: number;
  three: number;
  lib: number;
}

async function sampledBytesPerFrame(cdp: CDPSession, fn: () => Promise<RunResult>): Promise<[RunResult, Bytes]> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.startSampling', {
    samplingInterval: 32,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const result = await fn();
  const { profile } = (await cdp.send('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };
  if (process.env.BENCH_DEBUG) dumpTop(profile.head, result.frames);
  const a = allocationsIn(profile.head, 'benchFrame');
  return [result, { total: a.total / result.frames, three: a.three / result.frames, lib: a.lib / result.frames }];
}

const f2 = (x: number): string => x.toFixed(3);

async function main(): Promise<void> {
  const dir = await buildPages();
  const { server, url } = await serve(dir);
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 480 }, deviceScaleFactor: 1 });
    page.on('pageerror', (e) => console.error('[page]', e.message));
    await page.goto(url);
    await page.waitForFunction(() => !!window.__bench);
    const info = await page.evaluate(() => ({ renderer: window.__bench.renderer, isolated: crossOriginIsolated }));
    console.log(
      `renderer: ${info.renderer}; crossOriginIsolated: ${info.isolated}; frames ${FRAMES} (+${SYNC_FRAMES} synced)`,
    );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');

    // Warm-up: shader compile and the first upload of the 100k buffers, then JIT tier-up of the frame path.
    await page.evaluate(() => window.__bench.run(100_000, 5, true));
    const warmMs = await page.evaluate((n) => window.__bench.warm(n), WARM_FRAMES);
    console.log(`JIT warm-up: ${WARM_FRAMES} frames at 1k particles in ${warmMs.toFixed(0)} ms`);
    // Drain whatever the warm-up queued in the GPU process before timing frames.
    await page.evaluate(() => window.__bench.run(32_000, 5, true));

    const rows: { count: number; free: RunResult; bytes: Bytes; synced: RunResult }[] = [];
    for (const count of COUNTS) {
      const [free, bytes] = await sampledBytesPerFrame(cdp, () =>
        page.evaluate(([c, n]) => window.__bench.run(c!, n!, false), [count, FRAMES]),
      );
      const synced = await page.evaluate(([c, n]) => window.__bench.run(c!, n!, true), [count, SYNC_FRAMES]);
      rows.push({ count, free, bytes, synced });
    }

    console.log(
      '\n count  | JS ms mean  p50    p95   | rAF ms | B/frame all (three, lib) | synced: JS ms  raster ms  rAF ms',
    );
    for (const r of rows) {
      console.log(
        ` ${String(r.count).padStart(6)} | ${f2(r.free.jsMean).padStart(7)} ${f2(r.free.jsP50)} ${f2(r.free.jsP95)} | ${r.free.rafMean.toFixed(1).padStart(6)} | ${`${r.bytes.total.toFixed(0)} (${r.bytes.three.toFixed(0)}, ${r.bytes.lib.toFixed(0)})`.padStart(24)} | ${f2(r.synced.jsMean).padStart(13)} ${r.synced.rasterMean.toFixed(1).padStart(10)} ${r.synced.rafMean.toFixed(1).padStart(7)}`,
      );
    }
    const by = (c: number): { count: number; free: RunResult; bytes: Bytes; synced: RunResult } =>
      rows.find((r) => r.count === c)!;
    // Headline = mean JS ms per frame; medians and p95 alongside (on a shared VM a few preempted frames move the mean,
    // and at ~0.1 ms the 5 µs timer quantises the median).
    const js32 = by(32_000).free.jsMean;
    const js100 = by(100_000).free.jsMean;
    const json = {
      js_ms_32k: +js32.toFixed(3),
      js_ms_64k: +by(64_000).free.jsMean.toFixed(3),
      js_ms_100k: +js100.toFixed(3),
      ratio_100k_32k: +(js100 / js32).toFixed(2),
      js_p50_ms_32k: +by(32_000).free.jsP50.toFixed(3),
      js_p50_ms_100k: +by(100_000).free.jsP50.toFixed(3),
      js_p95_ms_100k: +by(100_000).free.jsP95.toFixed(3),
      bytes_per_frame: +Math.max(...rows.map((r) => r.bytes.total)).toFixed(1),
      bytes_per_frame_three: +Math.max(...rows.map((r) => r.bytes.three)).toFixed(1),
      bytes_per_frame_lib_particles: +Math.max(...rows.map((r) => r.bytes.lib)).toFixed(1),
      raster_ms_32k: +by(32_000).synced.rasterMean.toFixed(1),
      raster_ms_100k: +by(100_000).synced.rasterMean.toFixed(1),
      raf_ms_32k: +by(32_000).free.rafMean.toFixed(1),
      raf_ms_100k: +by(100_000).free.rafMean.toFixed(1),
      frames: FRAMES,
      renderer: info.renderer,
    };
    console.log(JSON.stringify(json));
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
