// Inlined into the head of index.html and bench.html (vite-head-start.ts bundles it): runs
// before the app's script, so a board page's two slowest starts begin at once.
// 1. The board's whole state starts downloading (sync/prefetch.ts hands it to the app).
// 2. On the table, the picture of the board as it opens goes on a canvas over the page:
//    this device's own, else the server's, when the state download's header says the
//    server holds the very state it shows. The app's script starts after that (its compile
//    would take the cores); the scene takes the picture over and checks it against the board.
import {
  BOARD_STATE_HEADER,
  IDENTITY_CAMERA,
  isBoardId,
  sameCamera,
  sameState,
  stateVectorOfHeader,
} from '@roundtable/shared';
import { chooseLayout } from '../layout';
import { canvasPixels, PIXEL_RATIO } from '../render/pixel-ratio';
import { type PicturePixels, pictureOf, type RasterPicture } from '../render/raster/picture';
import { picturePixels, readPicture } from '../render/raster/picture-store';
import { pictureKey } from '../render/raster/raster-protocol';
import { serverPicture } from '../render/raster/server-picture';
import { parseRoute } from '../routes';

/** The app's script and the modules it imports at once; null where Vite starts it (dev). */
declare const APP_SCRIPTS: { entry: string; imports: string[] } | null;

/** The app waits no longer than this for the board's picture before it starts anyway. */
const START_PICTURE_WAIT_MS = 600;

/**
 * Starts the app's script once `ready` (its files download at once): on the table, compiling
 * and starting the app would take the cores the picture needs.
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

/** The board of a board page (its route); the benchmark's page names it in ?board=. */
function pageBoard(): string | null {
  const route = parseRoute(location.pathname);
  if (route.page === 'board') return route.boardId;
  const named = new URLSearchParams(location.search).get('board');
  return named !== null && isBoardId(named) ? named : null;
}

/** This device's picture of the board as the table opens it, else the server's. */
async function findPicture(
  boardId: string,
  size: { width: number; height: number },
): Promise<PicturePixels | null> {
  const own = await readPicture(pictureKey(boardId, size.width, size.height)).catch(() => null);
  if (own && sameCamera(own.camera, IDENTITY_CAMERA)) {
    const { pixels: _, savedAt: __, ...info } = own;
    return { ...info, pixels: await picturePixels(own), source: 'cache' };
  }
  return serverPicture(boardId, IDENTITY_CAMERA, size, PIXEL_RATIO);
}

/** Puts the picture on a canvas over the page (until the scene takes it over). */
function show(found: PicturePixels): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = found.width;
  canvas.height = found.height;
  // `.board` gives it the board's paper once the app's stylesheet is in.
  canvas.className = 'board';
  canvas.style.cssText =
    'position:fixed;inset:0;width:100%;height:100%;pointer-events:none;z-index:20';
  const context = canvas.getContext('2d')!;
  context.putImageData(found.pixels, 0, 0);
  document.documentElement.append(canvas);
  // Rasterised now, as the scene's own paints are timed (see the benchmark).
  context.getImageData(0, 0, 1, 1);
  return canvas;
}

/** The picture, on screen if it shows the state the server holds (`current`). */
async function startPicture(
  boardId: string,
  current: Promise<Uint8Array | null>,
): Promise<RasterPicture | null> {
  const found = await findPicture(boardId, canvasPixels(innerWidth, innerHeight));
  const state = await current;
  if (!found || !state) return null;
  const on = sameState(state, found.stateVector) ? show(found) : null;
  const shown = on && { at: performance.now(), on };
  return { ...(await pictureOf(found)), shown };
}

(() => {
  const boardId = pageBoard();
  if (!boardId) return startApp(Promise.resolve());
  const response = fetch(`/api/boards/${boardId}/state`)
    .then((r) => (r.ok && r.status === 200 ? r : null))
    .catch(() => null);
  const layout = chooseLayout(location.search, screen, matchMedia('(pointer: coarse)').matches);
  // A tablet fits its view to the content once it has arrived: no picture is known to fit
  // before that (the app looks for one itself). `?raster=off` (the benchmark's vector-only
  // path) draws from vectors alone.
  const withPicture =
    layout === 'table' && new URLSearchParams(location.search).get('raster') !== 'off';
  const picture = withPicture
    ? startPicture(
        boardId,
        response.then((r) => stateVectorOfHeader(r?.headers.get(BOARD_STATE_HEADER) ?? null)),
      ).catch(() => null)
    : null;
  window.__roundtablePrefetch = {
    boardId,
    state: response.then((r) => r?.arrayBuffer() ?? null).catch(() => null),
    picture,
  };
  startApp(picture ?? Promise.resolve());
})();
