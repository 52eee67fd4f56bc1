import type { Camera, PictureElements } from '@roundtable/shared';

/** A picture of a board's scene as this device drew it, and what it shows. */
export interface PictureInfo {
  /** Board id and canvas size in pixels: one picture per board and screen. */
  key: string;
  camera: Camera;
  width: number;
  height: number;
  /** The Yjs state vector of the board the picture shows. */
  stateVector: Uint8Array;
  elements: PictureElements;
  /** Script time of the full vector draw it came from (ms). */
  fullMs: number;
}

/** Main thread to raster worker. */
export type RasterRequest =
  | { type: 'load'; id: number; key: string }
  | { type: 'save'; id: number; info: PictureInfo; image: ImageBitmap };

/** Raster worker to main thread. */
export type RasterReply =
  | { type: 'loaded'; id: number; info: PictureInfo | null; image: ImageBitmap | null }
  | { type: 'saved'; id: number; ok: boolean };

/** The key of a board's picture on a canvas of this many pixels. */
export const pictureKey = (boardId: string, width: number, height: number) =>
  `${boardId}|${width}x${height}`;
