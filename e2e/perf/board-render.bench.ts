import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '@roundtable/sync-server/testing';
import type { BrowserContext, Page } from 'playwright-core';
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
/**
 * The baseline rasterises all 4,000 strokes on every frame (about half a second here): it
 * gets fewer frames and a shorter gesture, or it alone would take minutes. Its figures are
 * steady from frame to frame.
 */
const BASELINE_FRAMES = Math.min(FRAMES, 30);
const GESTURE_STEPS = { roundtable: 120, baseline: 24 } as const;
/** Frames of panning over the same strokes (the baseline redraws them all on each). */
const PAN_FRAMES = { roundtable: 90, baseline: 12 } as const;
/** Frames that each erase one of those strokes. */
const ERASE_FRAMES = { roundtable: 60, baseline: 12 } as const;
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
/** `BENCH_ONLY=load`: only the cold loads (their table), for working on first paint. */
const LOAD_ONLY = process.env.BENCH_ONLY === 'load';
const RESULTS = fileURLToPath(new URL('../../bench-results/', import.meta.url));
const MODES = ['roundtable', 'baseline'] as const;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};
const median = (values: number[]) => percentile(values, 50);

/** The benchmark's own build of the app (vite.bench.config.ts; `pnpm bench` makes it). */
const BENCH_APP = fileURLToPath(new URL('../../packages/board/dist-bench', import.meta.url));
if (!existsSync(`${BENCH_APP}/bench.html`)) {
  throw new Error('The bench page is not built: `pnpm bench` builds it (vite.bench.config.ts).');
}
const server = await startServerProcess({ APP_DIR: BENCH_APP }, undefined, { requireApp: false });
const browser = await launchChromium();
process.stderr.write(`seeding ${FRAME_STROKES} and ${LOAD_STROKES} strokes…\n`);
await seedBoard(server.url, 'bench-frames', FRAME_STROKES);
await seedBoard(server.url, 'bench-load', LOAD_STROKES);

/** A fresh browser context (nothing cached) the size of the 4K table, with touch. */
const newTableContext = () =>
  browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, hasTouch: true });

/** ms from navigation start to each step of a cold load (see packages/board/src/bench). */
interface InputLatencies {
  paint: number[];
  appPaint: number[];
  delivery: number[];
}

/** The same five-finger gesture, drawn by five fingers at once over the page. */
const fingerPaths = (steps: number = GESTURE_STEPS.roundtable) =>
  Array.from({ length: LIVE_FINGERS }, (_, i) =>
    line(300 + i * 700, 300 + i * 250, 700 + i * 700, 1500 - i * 150, steps),
  );

/**
 * The floor: how late the same touch events reach a listener on a blank page, measured
 * from their timestamps. Injected input in headless Chromium arrives this late whatever
 * the page does, so it is reported beside the board's figures.
 */
async function blankPageDelivery(): Promise<number[]> {
  const context = await newTableContext();
  const page = await context.newPage();
  await page.setContent(`<body style="margin:0;touch-action:none"><script>
    window.delivery = [];
    addEventListener('pointermove', (e) => delivery.push(performance.now() - e.timeStamp));
  </script></body>`);
  await multiTouch(page, fingerPaths());
  const delivery = await page.evaluate(
    () => (window as unknown as { delivery: number[] }).delivery,
  );
  await context.close();
  return delivery;
}

/**
 * The cold-load floors: a page that only sizes one canvas to the viewport, fills a rectangle
 * and rasterises it, timed to the same point as the board's first paint. With `?strokes=N`
 * it also fills N stroke-shaped polygons (120 straight-edged points each, where the seeded
 * board has its strokes), with no app, no data and no outlines to compute: no page that
 * shows such a board with 2D canvas loads faster on this machine.
 */
const FLOOR_PAGE = `<!doctype html><body style="margin:0"><canvas></canvas><script>
  const strokes = Number(new URLSearchParams(location.search).get('strokes') ?? 0);
  const canvas = document.querySelector('canvas');
  canvas.width = innerWidth;
  canvas.height = innerHeight;
  const context = canvas.getContext('2d');
  context.fillRect(0, 0, 100, 100);
  const colors = ['#1f2a44', '#e03131', '#1971c2', '#2f9e44', '#f08c00'];
  for (let i = 0; i < strokes; i++) {
    // The centre line of seed.ts's scribble, then its two sides and a round cap at each end.
    let x = 100 + ((i * 397) % 3600), y = 100 + ((i * 211) % 1900), heading = i;
    const line = [];
    for (let k = 0; k < 40; k++) {
      heading += Math.sin(i * 7 + k / 3) * 0.4;
      x += Math.cos(heading) * 7;
      y += Math.sin(heading) * 7;
      line.push([x, y, heading]);
    }
    const r = (4 + (i % 3) * 3) / 2;
    context.beginPath();
    const side = (points, s) => {
      for (const [px, py, h] of points) context.lineTo(px - s * Math.sin(h) * r, py + s * Math.cos(h) * r);
    };
    const cap = ([px, py, h], from) => {
      for (let a = 1; a < 20; a++) {
        const t = from - (a / 20) * Math.PI;
        context.lineTo(px + Math.sin(h + t) * r, py - Math.cos(h + t) * r);
      }
    };
    side(line, 1);
    cap(line.at(-1), Math.PI);
    side(line.reverse(), -1);
    cap(line.at(-1), 0);
    context.closePath();
    context.fillStyle = colors[i % colors.length];
    context.fill();
  }
  context.getImageData(0, 0, 1, 1);
  window.firstPaintMs = performance.now();
</script></body>`;
const floorServer = createServer((_, response) => {
  response.setHeader('content-type', 'text/html');
  response.end(FLOOR_PAGE);
}).listen(0, '127.0.0.1');
await new Promise((resolve) => floorServer.once('listening', resolve));

async function floorPageColdLoad(strokes = 0): Promise<number> {
  const context = await newTableContext();
  const page = await context.newPage();
  const port = (floorServer.address() as AddressInfo).port;
  await page.goto(`http://127.0.0.1:${port}/?strokes=${strokes}`);
  const ms = (await (
    await page.waitForFunction(() => (window as unknown as { firstPaintMs?: number }).firstPaintMs)
  ).jsonValue()) as number;
  await context.close();
  return ms;
}

interface LoadSteps {
  scriptStart: number;
  boardInDoc: number;
  drawn: number;
  painted: number;
  fullDraw: number;
}

async function openBench(
  mode: string,
  board: string,
  expect: number,
  {
    raster = true,
    context: given,
  }: {
    /** Whether the scene may start from a raster picture (false: today's vector-only path). */
    raster?: boolean;
    /** A context that has been here before (a repeat visit); else a fresh one. */
    context?: BrowserContext;
  } = {},
): Promise<{
  page: Page;
  firstPaintMs: number;
  source: string;
  steps: LoadSteps;
  close(): Promise<void>;
}> {
  const context = given ?? (await newTableContext());
  const page = await context.newPage();
  page.on('pageerror', (error) => process.stderr.write(`page error: ${error.message}\n`));
  const rasterQuery = raster ? '' : '&raster=off';
  await page.goto(
    `${server.url}/bench.html?mode=${mode}&layout=table&board=${board}&expect=${expect}${rasterQuery}`,
  );
  const firstPaintMs = (await (
    await page.waitForFunction(
      () => (window as unknown as { bench?: { firstPaintMs: number | null } }).bench?.firstPaintMs,
      undefined,
      {
        timeout: 120_000,
        polling: 20,
      },
    )
  ).jsonValue()) as number;
  const { steps, source } = await page.evaluate(() => {
    const { bench } = window as unknown as {
      bench: { steps: LoadSteps; firstPaintSource: string };
    };
    return { steps: bench.steps, source: bench.firstPaintSource };
  });
  return {
    page,
    firstPaintMs,
    source,
    steps,
    close: () => (given ? page.close() : context.close()),
  };
}

/**
 * A device that showed the board before: it opens it once (first visit) and keeps it on
 * screen until its picture of the board is in its cache; then the page closes.
 */
async function deviceThatVisited(board: string, expect: number): Promise<BrowserContext> {
  const context = await newTableContext();
  const first = await openBench('roundtable', board, expect, { context });
  await first.page.waitForFunction(
    () => {
      const { bench } = window as unknown as {
        bench: { rasterCached(): boolean; vectorsOnScreen(): boolean };
      };
      return bench.vectorsOnScreen() && bench.rasterCached();
    },
    undefined,
    { timeout: 120_000, polling: 100 },
  );
  await first.close();
  return context;
}

// Cold loads alternate between the modes, so a busy spell of the machine (or of the server
// compacting what was just seeded) does not fall on one of them only.
const coldLoads = new Map(
  MODES.map((mode) => [mode, { loads: [] as number[], steps: [] as LoadSteps[] }]),
);
const floorLoads: number[] = [];
const strokesFloorLoads: number[] = [];
/** The raster paths: a first visit (the server's picture) and a repeat visit (the device's). */
const PATHS = ['vectors', 'firstVisit', 'repeatVisit'] as const;
const pathLoads = new Map(
  PATHS.map((path) => [path, { loads: [] as number[], sources: [] as string[] }]),
);
// The server renders a view's picture when a device first asks for it, and again whenever
// the board rests: the first device ever to open this board at 4K would wait for it (it
// draws vectors meanwhile); every first visit after finds it ready.
const rasterView = `x=0&y=0&zoom=1&w=${VIEWPORT.width}&h=${VIEWPORT.height}&pr=1`;
const renderStarted = performance.now();
const serverPicture = await fetch(`${server.url}/api/boards/bench-load/raster?${rasterView}`);
const serverPictureBytes = Number(serverPicture.headers.get('content-length'));
await serverPicture.arrayBuffer();
/** The server drawing that picture (on its raster thread) and sending it here. */
const serverPictureMs = performance.now() - renderStarted;
process.stderr.write('cold loads…\n');
for (let i = 0; i < LOADS; i++) {
  floorLoads.push(await floorPageColdLoad());
  if (!LOAD_ONLY) strokesFloorLoads.push(await floorPageColdLoad(LOAD_STROKES));
  for (const mode of LOAD_ONLY ? (['roundtable'] as const) : MODES) {
    // Today's path, as before: every stroke drawn from vectors.
    const opened = await openBench(mode, 'bench-load', LOAD_STROKES, { raster: false });
    coldLoads.get(mode)!.loads.push(opened.firstPaintMs);
    coldLoads.get(mode)!.steps.push(opened.steps);
    if (mode === 'roundtable') {
      pathLoads.get('vectors')!.loads.push(opened.firstPaintMs);
      pathLoads.get('vectors')!.sources.push(opened.source);
    }
    await opened.close();
  }
  const first = await openBench('roundtable', 'bench-load', LOAD_STROKES);
  pathLoads.get('firstVisit')!.loads.push(first.firstPaintMs);
  pathLoads.get('firstVisit')!.sources.push(first.source);
  await first.close();
  const visited = await deviceThatVisited('bench-load', LOAD_STROKES);
  const repeat = await openBench('roundtable', 'bench-load', LOAD_STROKES, { context: visited });
  pathLoads.get('repeatVisit')!.loads.push(repeat.firstPaintMs);
  pathLoads.get('repeatVisit')!.sources.push(repeat.source);
  await visited.close();
}

if (LOAD_ONLY) {
  const floor = median(floorLoads);
  for (const [path, { loads, sources }] of pathLoads)
    console.log(
      `${path}: median ${median(loads).toFixed(0)} ms (${loads.map((l) => l.toFixed(0)).join(', ')}), ${(median(loads) / floor).toFixed(2)}x the blank-canvas floor of ${floor.toFixed(0)} ms, from ${[...new Set(sources)].join(', ')}`,
    );
  console.log(JSON.stringify(coldLoads.get('roundtable')!.steps));
  process.exit(0);
}
const results: Record<string, Record<string, number>> = {};
for (const mode of MODES) {
  const { loads, steps } = coldLoads.get(mode)!;

  process.stderr.write(`${mode}: frame cost and input-to-paint over ${FRAME_STROKES} strokes…\n`);
  // The live layer's cost, on the scene as drawn from vectors (no picture handed over meanwhile).
  const { page, close } = await openBench(mode, 'bench-frames', FRAME_STROKES, { raster: false });
  await page.waitForFunction(
    () => (window as unknown as { bench: { liveLayerReady(): boolean } }).bench.liveLayerReady(),
    undefined,
    { timeout: 30_000 },
  );
  const frames = await page.evaluate(
    ([fingers, count]) =>
      (
        window as unknown as { bench: { frameCost(f: number, n: number): number[] } }
      ).bench.frameCost(fingers, count),
    [LIVE_FINGERS, mode === 'baseline' ? BASELINE_FRAMES : FRAMES] as const,
  );
  await page.evaluate(() =>
    (
      window as unknown as { bench: { takeInputLatencies(): InputLatencies } }
    ).bench.takeInputLatencies(),
  );
  await multiTouch(page, fingerPaths(GESTURE_STEPS[mode]));
  await page.waitForTimeout(200);
  const input = await page.evaluate(() =>
    (
      window as unknown as { bench: { takeInputLatencies(): InputLatencies } }
    ).bench.takeInputLatencies(),
  );
  const pan = await page.evaluate(
    (frames) =>
      (
        window as unknown as {
          bench: { panFrames(n: number): Promise<{ intervals: number[]; settledDrawMs: number }> };
        }
      ).bench.panFrames(frames),
    PAN_FRAMES[mode],
  );
  const erase = await page.evaluate(
    (frames) =>
      (
        window as unknown as { bench: { eraseFrames(n: number): Promise<number[]> } }
      ).bench.eraseFrames(frames),
    ERASE_FRAMES[mode],
  );
  await close();

  results[mode] = {
    frameP50: percentile(frames, 50),
    frameP95: percentile(frames, 95),
    inputToPaintP50: percentile(input.paint, 50),
    inputToPaintP95: percentile(input.paint, 95),
    inputSamples: input.paint.length,
    frameSamples: frames.length,
    appPaintP50: percentile(input.appPaint, 50),
    appPaintP95: percentile(input.appPaint, 95),
    deliveryP50: percentile(input.delivery, 50),
    deliveryP95: percentile(input.delivery, 95),
    panIntervalP50: percentile(pan.intervals, 50),
    panIntervalP95: percentile(pan.intervals, 95),
    panSamples: pan.intervals.length,
    panSettledDrawMs: pan.settledDrawMs,
    eraseIntervalP50: percentile(erase, 50),
    eraseIntervalP95: percentile(erase, 95),
    eraseSamples: erase.length,
    coldLoadMs: median(loads),
    scriptStartMs: median(steps.map((s) => s.scriptStart)),
    boardInDocMs: median(steps.map((s) => s.boardInDoc)),
    fullDrawMs: median(steps.map((s) => s.fullDraw)),
    rasterMs: median(steps.map((s) => s.painted - s.drawn)),
  };
}
/**
 * Bytes over the wire for a tablet opening a board page of the shipped app (its own server,
 * serving packages/board/dist as `pnpm start` does), then for the same tablet coming back
 * (HTTP cache and service worker). Counted per response (encoded, headers included) as
 * Chromium saw them: the app's files, the board's data (state download and socket), and
 * what the service worker answered from its cache (no network). A board of 300 strokes.
 */
const SHIPPED_APP = fileURLToPath(new URL('../../packages/board/dist', import.meta.url));
const shipped = await startServerProcess({ APP_DIR: SHIPPED_APP });
await seedBoard(shipped.url, 'bench-tablet', 300);
interface WireBytes {
  app: number;
  board: number;
  fromWorker: number;
  requests: number;
}
async function tabletVisitBytes(context: BrowserContext): Promise<WireBytes> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytes: WireBytes = { app: 0, board: 0, fromWorker: 0, requests: 0 };
  const responses = new Map<string, { url: string; fromWorker: boolean }>();
  cdp.on('Network.responseReceived', (event) =>
    responses.set(event.requestId, {
      url: event.response.url,
      fromWorker: event.response.fromServiceWorker === true,
    }),
  );
  cdp.on('Network.loadingFinished', (event) => {
    const response = responses.get(event.requestId);
    if (!response) return;
    bytes.requests++;
    if (response.fromWorker) bytes.fromWorker += event.encodedDataLength;
    else if (new URL(response.url).pathname.startsWith('/api/'))
      bytes.board += event.encodedDataLength;
    else bytes.app += event.encodedDataLength;
  });
  // Binary frames come base64-encoded.
  cdp.on('Network.webSocketFrameReceived', (event) => {
    bytes.board += Math.ceil((event.response.payloadData.length * 3) / 4);
  });
  await page.goto(`${shipped.url}/b/bench-tablet`);
  await page.locator('.status[data-status="connected"]').waitFor();
  await page.waitForLoadState('networkidle');
  // The service worker is in charge for the next visit.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.close();
  return bytes;
}
const tablet = await browser.newContext({
  viewport: { width: 1024, height: 768 },
  deviceScaleFactor: 1,
  isMobile: true,
  hasTouch: true,
});
const tabletFirst = await tabletVisitBytes(tablet);
const tabletRepeat = await tabletVisitBytes(tablet);
await tablet.close();
await shipped.stop();

const floor = await blankPageDelivery();
results.blankPage = {
  deliveryP50: percentile(floor, 50),
  deliveryP95: percentile(floor, 95),
  samples: floor.length,
  coldLoadMs: median(floorLoads),
  strokesColdLoadMs: median(strokesFloorLoads),
};
floorServer.close();
await browser.close();
await server.stop();

const ours = results.roundtable!;
const base = results.baseline!;
const rows: [string, string, number, number, string][] = [
  [
    `frame cost, ${LIVE_FINGERS} live strokes over ${FRAME_STROKES}, script and rasterising (p95, ${ours.frameSamples} / ${base.frameSamples} frames)`,
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
    `…of which the browser's delivery, event timestamp to first listener (p95)`,
    '',
    ours.deliveryP95!,
    base.deliveryP95!,
    'ms',
  ],
  [`…browser's delivery (p50)`, '', ours.deliveryP50!, base.deliveryP50!, 'ms'],
  [
    `…the app's share, first listener to paint (p95)`,
    '',
    ours.appPaintP95!,
    base.appPaintP95!,
    'ms',
  ],
  [`…the app's share (p50)`, '', ours.appPaintP50!, base.appPaintP50!, 'ms'],
  [
    `panning over ${FRAME_STROKES} strokes: frame interval on the main thread (p95, ${ours.panSamples} / ${base.panSamples} frames)`,
    '',
    ours.panIntervalP95!,
    base.panIntervalP95!,
    'ms',
  ],
  [`…frame interval (p50)`, '', ours.panIntervalP50!, base.panIntervalP50!, 'ms'],
  [
    `…drawing the scene afresh once the view rests (script)`,
    '',
    ours.panSettledDrawMs!,
    base.panSettledDrawMs!,
    'ms',
  ],
  [
    `erasing a stroke a frame among ${FRAME_STROKES}: frame interval on the main thread (p95, ${ours.eraseSamples} / ${base.eraseSamples} frames)`,
    '',
    ours.eraseIntervalP95!,
    base.eraseIntervalP95!,
    'ms',
  ],
  [`…frame interval (p50)`, '', ours.eraseIntervalP50!, base.eraseIntervalP50!, 'ms'],
  [
    `cold load of ${LOAD_STROKES} strokes from vectors only (median of ${LOADS}; the picture paths are below)`,
    '',
    ours.coldLoadMs!,
    base.coldLoadMs!,
    'ms',
  ],
  [`…app script running`, '', ours.scriptStartMs!, base.scriptStartMs!, 'ms'],
  [
    `…whole board in the document (downloaded, applied)`,
    '',
    ours.boardInDocMs!,
    base.boardInDocMs!,
    'ms',
  ],
  [`…drawing the scene (script time of that paint)`, '', ours.fullDrawMs!, base.fullDrawMs!, 'ms'],
  [`…rasterising what was drawn`, '', ours.rasterMs!, base.rasterMs!, 'ms'],
];
const table = [
  '| measure | target | roundtable | react-konva baseline | baseline / roundtable |',
  '|---|---|---|---|---|',
  ...rows.map(([name, target, a, b, unit]) => {
    // A step one side does not have (the baseline times no scene draw) shows as a dash.
    const cell = (v: number) => (v > 0 ? `${v.toFixed(2)} ${unit}` : '–');
    const ratio = a > 0 && b > 0 ? `${(b / a).toFixed(1)}x` : '–';
    return `| ${name} | ${target} | ${cell(a)} | ${cell(b)} | ${ratio} |`;
  }),
].join('\n');
console.log(
  `\nBoard rendering at ${VIEWPORT.width}x${VIEWPORT.height}, pixel ratio 1, headless Chromium (software)\n\n${table}\n`,
);
const blank = results.blankPage;
console.log(
  `Floor: on a blank page the same injected touch events reach a listener ${blank.deliveryP50!.toFixed(1)} ms (p50) / ${blank.deliveryP95!.toFixed(1)} ms (p95) after their timestamps; a page with nothing but one ${VIEWPORT.width}x${VIEWPORT.height} canvas is first painted ${blank.coldLoadMs!.toFixed(0)} ms after navigation, and ${blank.strokesColdLoadMs!.toFixed(0)} ms when it also fills ${LOAD_STROKES} stroke-shaped 120-point polygons (no app, no data, no outlines to compute; medians of ${LOADS}).\n`,
);
const blankFloor = blank.coldLoadMs!;
const loadRows = [
  ['blank-canvas floor (one 4K canvas, nothing drawn)', floorLoads, ['–']],
  [
    "today's path: vectors only",
    pathLoads.get('vectors')!.loads,
    pathLoads.get('vectors')!.sources,
  ],
  [
    "first visit: the server's picture",
    pathLoads.get('firstVisit')!.loads,
    pathLoads.get('firstVisit')!.sources,
  ],
  [
    "repeat visit: this device's picture",
    pathLoads.get('repeatVisit')!.loads,
    pathLoads.get('repeatVisit')!.sources,
  ],
] as const;
console.log(
  [
    `Cold load of ${LOAD_STROKES} strokes at ${VIEWPORT.width}x${VIEWPORT.height} to the first full, correct paint (navigation start to pixels; median of ${LOADS}; target ≤ 500 ms, or ≤ 1.5x the blank-canvas floor)`,
    '',
    '| path | median | each load | / blank-canvas floor | first paint from |',
    '|---|---|---|---|---|',
    ...loadRows.map(([name, loads, sources]) => {
      const m = median([...loads]);
      return `| ${name} | ${m.toFixed(0)} ms | ${loads.map((l) => l.toFixed(0)).join(', ')} | ${(m / blankFloor).toFixed(2)}x | ${[...new Set(sources)].join(', ')} |`;
    }),
    '',
    `The server's picture of that view: ${(serverPictureBytes / 1024).toFixed(0)} KiB on the wire (raw pixels), drawn and sent in ${serverPictureMs.toFixed(0)} ms when first asked for (off the relay's thread).`,
    '',
    `Bytes over the wire, a tablet (1024x768) opening a board page of the shipped app (300 strokes):`,
    '',
    '| visit | app files | board data | answered by the service worker | responses |',
    '|---|---|---|---|---|',
    ...(
      [
        ['first', tabletFirst],
        ['repeat', tabletRepeat],
      ] as const
    ).map(
      ([name, b]) =>
        `| ${name} | ${(b.app / 1024).toFixed(1)} KiB | ${(b.board / 1024).toFixed(1)} KiB | ${(b.fromWorker / 1024).toFixed(1)} KiB (not on the wire) | ${b.requests} |`,
    ),
    '',
  ].join('\n'),
);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(
  `${RESULTS}/board-render.json`,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      viewport: VIEWPORT,
      results,
      coldLoads: Object.fromEntries(pathLoads),
      floorLoads,
      serverPictureBytes,
      serverPictureMs,
      tabletBytes: { first: tabletFirst, repeat: tabletRepeat },
    },
    null,
    2,
  )}\n`,
);
console.log(`Wrote ${RESULTS}board-render.json`);
// y-websocket's awareness timers in this process would keep it alive.
process.exit(0);
