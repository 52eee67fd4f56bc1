import { panBy } from '@roundtable/shared';
import Konva from 'konva/lib/Core';
import { lazy, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BoardController } from '../controller/controller';
import type { PointerSample } from '../controller/input';
import { rasterCachedNow } from '../render/raster/raster-keeper';
import type { SceneStats } from '../render/scene-renderer';
import { connectBoard } from '../sync/board-connection';
import { BoardCanvas } from '../ui/BoardCanvas';
import type { BaselineHandle } from './BaselineCanvas';

// The baseline brings all of Konva and react-konva: loaded only in its mode, so the board's
// mode loads what the app loads.
const BaselineCanvas = lazy(() =>
  import('./BaselineCanvas').then((module) => ({ default: module.BaselineCanvas })),
);

/**
 * The rendering benchmark's page: one board from the server, drawn by the real canvas
 * (`?mode=roundtable`) or by the naive react-konva baseline (`?mode=baseline`), with hooks
 * on `window.bench` that e2e/perf/board-render.bench.ts drives and reads.
 */
const scriptStartMs = performance.now();
const params = new URLSearchParams(window.location.search);
const mode = params.get('mode') === 'baseline' ? 'baseline' : 'roundtable';
const expected = Number(params.get('expect') ?? 0);
const boardId = params.get('board') ?? 'bench';
const connection = connectBoard(boardId);
const width = window.innerWidth;
const height = window.innerHeight;

const controller = new BoardController(connection.board, {
  actorId: 'bench',
  layout: 'table',
  viewport: { width, height },
});
let baseline: BaselineHandle | null = null;
/** Per pointer event: event timestamp to paint, and first listener to paint (the app's share). */
const latencies: number[] = [];
const appLatencies: number[] = [];
let pendingInput: { timeStamp: number; received: number }[] = [];

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * The main thread's frame intervals (ms, one animation frame to the next) while `step(f)`
 * runs once a frame, f = 1…frames: a frame spent redrawing the whole scene shows as a long one.
 */
async function frameIntervals(frames: number, step: (frame: number) => void): Promise<number[]> {
  const intervals: number[] = [];
  let last = await nextFrame();
  for (let f = 1; f <= frames; f++) {
    step(f);
    const now = await nextFrame();
    intervals.push(now - last);
    last = now;
  }
  return intervals;
}

/**
 * Chromium records 2D canvas calls and rasterises them only when the frame is painted, so
 * the end of a draw script is not yet a paint. Reading one pixel back makes the canvas
 * rasterise everything recorded, now: timings taken after it include the pixels.
 */
function rasterise(layer: Konva.Layer | undefined): void {
  layer?.getCanvas().getContext()._context.getImageData(0, 0, 1, 1);
}
const sceneLayer = () => Konva.stages[0]?.getLayers()[0];
/** The layer live strokes are drawn on: their own in the board, the only one in the baseline. */
const liveLayerOf = () => Konva.stages[0]?.getLayers().at(mode === 'roundtable' ? 1 : 0);

const bench = {
  /** ms from navigation start to the first full paint holding every expected element. */
  firstPaintMs: null as number | null,
  /** Where the first paint came from: a raster picture ('cache', 'server') or vectors. */
  firstPaintSource: null as string | null,
  /** Whether this device keeps a picture of the board as it is now (for a repeat visit). */
  rasterCached: () => rasterCachedNow(),
  /** Whether the scene's pixels are its own vector draw (a server picture was replaced). */
  vectorsOnScreen: () =>
    sceneStats?.rasterSource === 'server' ? sceneStats.rasterTakeovers > 0 : true,
  stats: () => sceneStats,
  /** Whether the live layer is there (BoardCanvas makes it once the page is idle). */
  liveLayerReady(): boolean {
    return mode !== 'roundtable' || liveLayerOf() !== undefined;
  },
  /** Where the cold load's time goes: ms from navigation start to each step. */
  steps: { scriptStart: scriptStartMs, boardInDoc: 0, drawn: 0, painted: 0, fullDraw: 0 },
  /** Per frame with `fingers` strokes in progress: the live layer's redraw, pixels included. */
  frameCost(fingers: number, frames: number): number[] {
    const times: number[] = [];
    const live: number[][] = Array.from({ length: fingers }, () => []);
    const at = (i: number, f: number) => ({
      x: 300 + i * 600 + f * 3,
      y: 400 + Math.sin(f / 9 + i) * 250 + i * 200,
    });
    const sample = (i: number, f: number): PointerSample => ({
      id: 100 + i,
      kind: 'touch',
      width: 12,
      height: 12,
      ...at(i, f),
    });
    if (mode === 'roundtable')
      for (let i = 0; i < fingers; i++) controller.pointerDown(sample(i, 0));
    const liveLayer = liveLayerOf();
    for (let f = 1; f <= frames; f++) {
      const started = performance.now();
      if (mode === 'roundtable') {
        for (let i = 0; i < fingers; i++) controller.pointerMove(sample(i, f));
        liveLayer?.draw();
      } else {
        for (let i = 0; i < fingers; i++) live[i]!.push(at(i, f).x, at(i, f).y);
        baseline?.drawLive(live.map((points) => [...points]));
      }
      rasterise(liveLayer);
      times.push(performance.now() - started);
    }
    if (mode === 'roundtable') for (let i = 0; i < fingers; i++) controller.pointerCancel(100 + i);
    else baseline?.drawLive([]);
    return times;
  },
  /**
   * The main thread's frame intervals while the view pans 4 px a frame for `frames` frames.
   * Then, for the roundtable, the script time of its redraw once the camera rests.
   */
  async panFrames(frames: number): Promise<{ intervals: number[]; settledDrawMs: number }> {
    const from = controller.camera;
    const fullDraws = sceneStats?.full ?? 0;
    const intervals = await frameIntervals(frames, (f) => {
      if (mode === 'roundtable') controller.setCamera(panBy(from, -4 * f, -2 * f));
      else baseline?.panTo(-4 * f, -2 * f);
    });
    if (mode === 'baseline') return { intervals, settledDrawMs: 0 };
    while ((sceneStats?.full ?? 0) === fullDraws) await nextFrame();
    return { intervals, settledDrawMs: sceneStats?.lastFullMs ?? 0 };
  },
  /** Frame intervals while one stroke is erased a frame, `frames` of them (then put back). */
  async eraseFrames(frames: number): Promise<number[]> {
    const { elements, doc } = connection.board;
    const erased = [...elements.values()].filter((e) => e.type === 'stroke').slice(0, frames);
    const intervals = await frameIntervals(frames, (f) => elements.delete(erased[f - 1]!.id));
    doc.transact(() => {
      for (const element of erased) elements.set(element.id, element);
    });
    return intervals;
  },
  /** Pointer event timestamp to the pixels of the canvas draw that shows it, per event. */
  takeInputLatencies(): { paint: number[]; appPaint: number[]; delivery: number[] } {
    return {
      paint: latencies.splice(0),
      appPaint: appLatencies.splice(0),
      delivery: deliveries.splice(0),
    };
  },
};
(window as unknown as { bench: typeof bench }).bench = bench;

/** When the whole board is in the document (downloaded over HTTP or the socket, and applied). */
const boardArrived = () => {
  if (connection.board.elements.size < expected) return;
  bench.steps.boardInDoc = performance.now();
  connection.board.elements.unobserve(boardArrived);
};
connection.board.elements.observe(boardArrived);

/** Event timestamp to the first listener: the browser's own share, which no app can beat. */
const deliveries: number[] = [];
window.addEventListener(
  'pointermove',
  (event) => {
    const received = performance.now();
    deliveries.push(received - event.timeStamp);
    pendingInput.push({ timeStamp: event.timeStamp, received });
  },
  { capture: true },
);
function watchLiveDraws() {
  const layer = liveLayerOf();
  if (!layer) return requestAnimationFrame(watchLiveDraws);
  layer.on('draw', () => {
    if (pendingInput.length === 0) return;
    rasterise(layer);
    const now = performance.now();
    for (const { timeStamp, received } of pendingInput) {
      latencies.push(now - timeStamp);
      appLatencies.push(now - received);
    }
    pendingInput = [];
  });
}
requestAnimationFrame(watchLiveDraws);

/** The scene's draw counts (the same object after every draw; the board's mode only). */
let sceneStats: SceneStats | null = null;

/**
 * After a full draw: the first paint is done once the board holds every expected element
 * (some may be off screen) and the scene's pixels are rasterised.
 */
function painted(stats?: SceneStats) {
  sceneStats = stats ?? sceneStats;
  if (bench.firstPaintMs === null && connection.board.elements.size >= expected) {
    bench.steps.drawn = performance.now();
    bench.steps.fullDraw = stats?.lastFullMs ?? 0;
    rasterise(sceneLayer());
    // A picture the head script showed counts from when it went on screen, once the scene
    // has found it to be the board as it is now (same state, view and size).
    bench.firstPaintMs = stats?.pictureShownAt ?? performance.now();
    bench.firstPaintSource = stats?.rasterPaints ? stats.rasterSource : 'vectors';
    bench.steps.painted = bench.firstPaintMs;
  }
}

createRoot(document.getElementById('root')!).render(
  mode === 'roundtable' ? (
    <div style={{ position: 'fixed', inset: 0, touchAction: 'none' }}>
      <BoardCanvas
        controller={controller}
        awareness={null}
        width={width}
        height={height}
        onScenePainted={painted}
        raster={params.get('raster') === 'off' ? undefined : { boardId, loaded: connection.loaded }}
      />
    </div>
  ) : (
    <BaselineInput>
      <Suspense fallback={null}>
        <BaselineCanvas
          ref={(handle) => {
            baseline = handle;
          }}
          board={connection.board}
          width={width}
          height={height}
          onPaint={painted}
        />
      </Suspense>
    </BaselineInput>
  ),
);

/** The baseline draws live strokes from pointer events through React state, as a naive app would. */
function BaselineInput({ children }: { children: React.ReactNode }) {
  const strokes = new Map<number, number[]>();
  const redraw = () => baseline?.drawLive([...strokes.values()].map((p) => [...p]));
  return (
    <div
      style={{ position: 'fixed', inset: 0, touchAction: 'none' }}
      onPointerDown={(e) => {
        strokes.set(e.pointerId, [e.clientX, e.clientY]);
        redraw();
      }}
      onPointerMove={(e) => {
        strokes.get(e.pointerId)?.push(e.clientX, e.clientY);
        if (strokes.has(e.pointerId)) redraw();
      }}
      onPointerUp={(e) => {
        strokes.delete(e.pointerId);
        redraw();
      }}
    >
      {children}
    </div>
  );
}
