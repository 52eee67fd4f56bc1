// Inlined into the head of index.html and bench.html (vite-head-start.ts bundles it): runs
// before the app's script has loaded, so a board page's two slowest starts begin at once.
// 1. The board's whole state starts downloading (sync/prefetch.ts hands it to the app).
// 2. On the table, the start worker (start-worker.ts, off the main thread) puts the picture
//    of the board as it is now on a canvas over the page: this device's own, else the
//    server's, when the state download says the server holds the very state it shows. The
//    scene takes the picture over when it starts, and checks it against the board.
import { chooseLayout } from '../layout';
import { canvasPixels, PIXEL_RATIO } from '../render/pixel-ratio';
import type { RasterPicture } from '../render/raster/picture';
import type { StartReply, StartRequest } from './start-protocol';

/** The start worker's bundled source (vite-head-start.ts puts it here). */
declare const START_WORKER_SOURCE: string;
/** The app's script and the modules it imports at once; null where Vite starts it (dev). */
declare const APP_SCRIPTS: { entry: string; imports: string[] } | null;

/** The app waits no longer than this for the board's picture before it starts anyway. */
const START_PICTURE_WAIT_MS = 600;

/**
 * Starts the app's script once `ready` (its files download at once): on the table, compiling
 * and starting the app would take the cores the picture's last steps need.
 */
function startApp(ready: Promise<unknown>): void {
  if (!APP_SCRIPTS) return;
  const { entry, imports } = APP_SCRIPTS;
  for (const href of [entry, ...imports]) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.crossOrigin = '';
    document.head.append(link);
  }
  const waited = new Promise((resolve) => setTimeout(resolve, START_PICTURE_WAIT_MS));
  void Promise.race([ready, waited]).then(() => {
    const script = document.createElement('script');
    script.type = 'module';
    script.crossOrigin = '';
    script.src = entry;
    document.head.append(script);
  });
}

/** A board page is /b/<id>; the benchmark's page names it in ?board=. */
function pageBoard(): string | null {
  const id = '([A-Za-z0-9_-]{1,64})';
  const match =
    new RegExp(`^/b/${id}$`).exec(location.pathname) ??
    new RegExp(`[?&]board=${id}(&|$)`).exec(location.search);
  return match?.[1] ?? null;
}

/** The state download, on the main thread (a tablet: no picture to look for). */
const downloadState = (boardId: string) =>
  fetch(`/api/boards/${boardId}/state`)
    .then((r) => (r.ok && r.status === 200 ? r.arrayBuffer() : null))
    .catch(() => null);

/** The state download and the picture, by the start worker, shown on a canvas over the page. */
function startWithPicture(boardId: string) {
  const canvas = document.createElement('canvas');
  const size = canvasPixels(innerWidth, innerHeight);
  canvas.width = size.width;
  canvas.height = size.height;
  // Over the page until the scene takes it over (`.board` gives it the board's paper once
  // the app's stylesheet is in).
  canvas.className = 'board';
  canvas.style.cssText =
    'position:fixed;inset:0;width:100%;height:100%;pointer-events:none;z-index:20';
  document.documentElement.append(canvas);
  const offscreen = canvas.transferControlToOffscreen();
  const url = URL.createObjectURL(new Blob([START_WORKER_SOURCE], { type: 'text/javascript' }));
  const worker = new Worker(url);
  let stateCame: (state: ArrayBuffer | null) => void = () => {};
  let pictureCame: (picture: RasterPicture | null) => void = () => {};
  const state = new Promise<ArrayBuffer | null>((resolve) => (stateCame = resolve));
  const picture = new Promise<RasterPicture | null>((resolve) => (pictureCame = resolve));
  let replies = 0;
  worker.onmessage = ({ data }: MessageEvent<StartReply>) => {
    // Two replies, in either order; then the worker's work is done.
    if (++replies === 2) {
      worker.terminate();
      URL.revokeObjectURL(url);
    }
    if (data.type === 'state') return stateCame(data.state);
    if (!data.picture?.shownAt) canvas.remove();
    if (!data.picture) return pictureCame(null);
    const { shownAt, ...found } = data.picture;
    pictureCame({ ...found, shown: shownAt ? { at: shownAt, on: canvas } : null });
  };
  worker.onerror = () => {
    canvas.remove();
    stateCame(null);
    pictureCame(null);
  };
  const request: StartRequest = {
    boardId,
    size,
    pixelRatio: PIXEL_RATIO,
    origin: location.origin,
    timeOrigin: performance.timeOrigin,
    canvas: offscreen,
  };
  worker.postMessage(request, [offscreen]);
  return { state, picture };
}

(() => {
  const boardId = pageBoard();
  if (!boardId) return startApp(Promise.resolve());
  const layout = chooseLayout(location.search, screen, matchMedia('(pointer: coarse)').matches);
  // A tablet fits its view to the content once it has arrived: no picture is known to fit
  // before that (the app looks for one itself). `?raster=off` (the benchmark's vector-only
  // path) draws from vectors alone.
  const picture =
    layout === 'table' &&
    new URLSearchParams(location.search).get('raster') !== 'off' &&
    typeof OffscreenCanvas === 'function';
  const prefetch = picture
    ? { boardId, ...startWithPicture(boardId) }
    : { boardId, state: downloadState(boardId), picture: null };
  window.__roundtablePrefetch = prefetch;
  startApp(prefetch.picture ?? Promise.resolve());
})();
