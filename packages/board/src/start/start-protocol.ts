import type { RasterPicture } from '../render/raster/picture';

/** The page's head script to its start worker: the board, the screen, and a canvas to show it on. */
export interface StartRequest {
  boardId: string;
  /** The scene canvas's size in pixels (what the table's picture must be). */
  size: { width: number; height: number };
  pixelRatio: number;
  /** The page's origin (the worker is made from a blob: its own URLs do not lead to the server). */
  origin: string;
  /** The page's time origin, so the worker can say when, in the page's time, it showed a picture. */
  timeOrigin: number;
  canvas: OffscreenCanvas;
}

/** A picture the worker found, without its place on the page (the head script knows that). */
export type FoundPicture = Omit<RasterPicture, 'shown'> & { shownAt: number | null };

/** The start worker to the page: the board's whole state, then the picture it found. */
export type StartReply =
  | { type: 'state'; state: ArrayBuffer | null }
  | { type: 'picture'; picture: FoundPicture | null };
