// Draws boards to pixels (BOARD_PICTURE_TYPE) on a thread of its own: drawing a big board
// takes hundreds of milliseconds, which the relay's event loop must never wait for.
import { parentPort } from 'node:worker_threads';
import { createCanvas } from '@napi-rs/canvas';
import { drawBoardView, openBoard, type Pictures, type PictureView } from '@roundtable/shared';
import * as Y from 'yjs';

export interface RenderJob {
  id: number;
  state: Uint8Array;
  view: PictureView;
}

/**
 * Pictures uploaded to the board are not drawn here: they show as the frame a device draws
 * while one loads, and the device's own vector draw takes over with them.
 */
const noPictures: Pictures = { loaded: () => null, failed: () => false };

parentPort!.on('message', ({ id, state, view }: RenderJob) => {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    // The board's own drawing code on Skia (the browser's rasteriser too), so the picture
    // is the device's vector draw pixel for pixel, but for glyph edges of text.
    const canvas = createCanvas(view.width, view.height);
    const ctx = canvas.getContext('2d');
    drawBoardView(ctx, openBoard(doc).elements.values(), view, noPictures);
    doc.destroy();
    // ImageData's rows: RGBA, not premultiplied, as BOARD_PICTURE_TYPE is.
    const { data } = ctx.getImageData(0, 0, view.width, view.height);
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    parentPort!.postMessage({ id, pixels }, [pixels.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
