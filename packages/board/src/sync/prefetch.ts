import type { RasterPicture } from '../render/raster/picture';

/**
 * What the page's head script (start/head-start.ts) started for its board while the app's
 * script was still loading: the board's whole state downloading, and the picture of it it
 * put on screen (or will, or found none for).
 */
export interface Prefetch {
  boardId: string;
  state: Promise<ArrayBuffer | null> | null;
  picture: Promise<RasterPicture | null> | null;
}

declare global {
  interface Window {
    __roundtablePrefetch?: Prefetch;
  }
}

/**
 * Takes what the page started downloading for `boardId` (once: a board reopened later syncs
 * over its socket). Resolves to null when there is nothing to use: no such board yet,
 * offline, or an answer that is not a board.
 */
export function takePrefetchedState(boardId: string): Promise<Uint8Array | null> | null {
  const prefetch = window.__roundtablePrefetch;
  if (!prefetch?.state || prefetch.boardId !== boardId) return null;
  const { state } = prefetch;
  prefetch.state = null;
  return state.then(
    (buffer) => (buffer && buffer.byteLength > 0 ? new Uint8Array(buffer) : null),
    () => null,
  );
}

/** Takes the start picture the head script found for `boardId` (once), if it looked for one. */
export function takeStartPicture(boardId: string): Promise<RasterPicture | null> | null {
  const prefetch = window.__roundtablePrefetch;
  if (!prefetch?.picture || prefetch.boardId !== boardId) return null;
  const { picture } = prefetch;
  prefetch.picture = null;
  return picture.catch(() => null);
}
