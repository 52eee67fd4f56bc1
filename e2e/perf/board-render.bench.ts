import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@roundtable/sync-server/testing';
import type { Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { line, multiTouch } from '../harness/touch';
import { seedBoard } from './seed';

/**
 * Rendering benchmark at 3840x2160, pixel ratio 1, software rendering (what a CPU-only 4K
 * kiosk does): the real board canvas against a straightforward react-konva baseline (one
 * <Line> per stroke in React state), in the same run. Prints a table, writes JSON.
 */
const VIEWPORT = { width: 3840, height: 2160 };
const FRAME_STROKES = 4_000;
const LOAD_STROKES = 10_000;
const LIVE_FINGERS = 5;
const FRAMES = Number(process.env.BENCH_FRAMES ?? 150);
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const RESULTS = fileURLToPath(new URL('../../bench-results/', import.meta.url));
const MODES = ['roundtable', 'baseline'] as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};
const median = (values: number[]) => percentile(values, 50);

const server = await startServerProcess();
const browser = await launchChromium();
process.stderr.write(`seeding ${FRAME_STROKES} and ${LOAD_STROKES} strokes…\n`);
await seedBoard(server.url, 'bench-frames', FRAME_STROKES);
await seedBoard(server.url, 'bench-load', LOAD_STROKES);

async function openBench(
  mode: string,
  board: string,
  expect: number,
): Promise<{ page: Page; firstPaintMs: number; syncedMs: number; close(): Promise<void> }> {
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    hasTouch: true,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  await page.goto(`${server.url}/bench.html?mode=${mode}&board=${board}&expect=${expect}`);
  const firstPaintMs = (await (
    await page.waitForFunction(
      () => (window as unknown as { bench: { firstPaintMs: number | null } }).bench.firstPaintMs,
      undefined,
      {
        timeout: 120_000,
        polling: 20,
      },
    )
  ).jsonValue()) as number;
  const syncedMs = await page.evaluate(
    () => (window as unknown as { bench: { syncedMs: number } }).bench.syncedMs,
  );
  return { page, firstPaintMs, syncedMs, close: () => context.close() };
}

const results: Record<string, Record<string, number>> = {};
for (const mode of MODES) {
  process.stderr.write(`${mode}: cold load…\n`);
  const loads: number[] = [];
  const syncs: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    const { firstPaintMs, syncedMs, close } = await openBench(mode, 'bench-load', LOAD_STROKES);
    loads.push(firstPaintMs);
    syncs.push(syncedMs);
    await close();
  }

  process.stderr.write(`${mode}: frame cost and input-to-paint over ${FRAME_STROKES} strokes…\n`);
  const { page, close } = await openBench(mode, 'bench-frames', FRAME_STROKES);
  const frames = await page.evaluate(
    ([fingers, count]) =>
      (
        window as unknown as { bench: { frameCost(f: number, n: number): number[] } }
      ).bench.frameCost(fingers, count),
    [LIVE_FINGERS, FRAMES] as const,
  );
  await page.evaluate(() =>
    (window as unknown as { bench: { takeInputLatencies(): number[] } }).bench.takeInputLatencies(),
  );
  await multiTouch(
    page,
    Array.from({ length: LIVE_FINGERS }, (_, i) =>
      line(300 + i * 700, 300 + i * 250, 700 + i * 700, 1500 - i * 150, 120),
    ),
  );
  await page.waitForTimeout(200);
  const input = await page.evaluate(() =>
    (window as unknown as { bench: { takeInputLatencies(): number[] } }).bench.takeInputLatencies(),
  );
  await close();

  results[mode] = {
    frameP50: percentile(frames, 50),
    frameP95: percentile(frames, 95),
    inputToPaintP50: percentile(input, 50),
    inputToPaintP95: percentile(input, 95),
    inputSamples: input.length,
    coldLoadMs: median(loads),
    syncedMs: median(syncs),
  };
}
await browser.close();
await server.stop();

const ours = results.roundtable!;
const base = results.baseline!;
const rows: [string, string, number, number, string][] = [
  [
    `frame cost, ${LIVE_FINGERS} live strokes over ${FRAME_STROKES} (p95)`,
    '≤ 4 ms',
    ours.frameP95!,
    base.frameP95!,
    'ms',
  ],
  [`frame cost (p50)`, '', ours.frameP50!, base.frameP50!, 'ms'],
  [
    `input to paint (p95, ${ours.inputSamples} / ${base.inputSamples} events)`,
    '≤ 16.7 ms',
    ours.inputToPaintP95!,
    base.inputToPaintP95!,
    'ms',
  ],
  [`input to paint (p50)`, '', ours.inputToPaintP50!, base.inputToPaintP50!, 'ms'],
  [
    `cold load of ${LOAD_STROKES} strokes to first full paint (median of ${LOADS})`,
    '≤ 500 ms',
    ours.coldLoadMs!,
    base.coldLoadMs!,
    'ms',
  ],
  [`…of which until synced with the server`, '', ours.syncedMs!, base.syncedMs!, 'ms'],
];
const table = [
  '| measure | target | roundtable | react-konva baseline | baseline / roundtable |',
  '|---|---|---|---|---|',
  ...rows.map(
    ([name, target, a, b, unit]) =>
      `| ${name} | ${target} | ${a.toFixed(2)} ${unit} | ${b.toFixed(2)} ${unit} | ${(b / a).toFixed(1)}x |`,
  ),
].join('\n');
console.log(
  `\nBoard rendering at ${VIEWPORT.width}x${VIEWPORT.height}, pixel ratio 1, headless Chromium (software)\n\n${table}\n`,
);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  `${RESULTS}/board-render.json`,
  `${JSON.stringify({ date: new Date().toISOString(), viewport: VIEWPORT, results }, null, 2)}\n`,
);
console.log(`Wrote ${RESULTS}board-render.json`);
