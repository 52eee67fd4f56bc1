import type { ElementRecord } from '../schema/elements';

/** The scene's draw counts, as its last draw left them. */
export interface SceneDrawStats {
  full: number;
  repaints: number;
  incremental: number;
  lastFullMs: number;
  /** Paints that began from a raster picture (this device's cache or the server's). */
  rasterPaints?: number;
  /** Where the last raster picture came from, if one was shown. */
  rasterSource?: 'cache' | 'server' | null;
  /** Vector draws that replaced a server picture on screen. */
  rasterTakeovers?: number;
  /** When a picture the page showed before the app started proved to be the board (ms). */
  pictureShownAt?: number | null;
}

/**
 * `window.roundtable`: what end-to-end tests read of a page, in a test build only (the
 * shipped app has none; `VITE_TEST_HOOK`). The board page sets all of it; an exhibit's page
 * `elements` only. `Controller` is the board's controller (kept generic: e2e does not
 * compile the board's sources).
 */
export interface RoundtableTestHook<Controller = unknown> {
  elements(): ElementRecord[];
  controller?: Controller;
  sceneStats?(): SceneDrawStats | null;
  remoteLiveInk?(): number;
  remoteInkAuthors?(): (string | undefined)[];
  /** Resolves once this device's raster cache holds a picture of the board as shown now. */
  rasterCached?(): Promise<boolean>;
}
