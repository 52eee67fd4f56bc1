// Renders boards to pixels (BOARD_PICTURE_TYPE) on a thread of its own: building a big
// board's SVG and rasterising it take hundreds of milliseconds, which the relay's event
// loop must never wait for.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { openBoard, unpremultiply } from '@roundtable/shared';
import * as Y from 'yjs';
import { boardSvgForView, type RasterView } from './raster-svg';

export interface RenderJob {
  id: number;
  state: Uint8Array;
  view: RasterView;
}

parentPort!.on('message', ({ id, state, view }: RenderJob) => {
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    const svg = boardSvgForView(openBoard(doc), view);
    const { pixels } = new Resvg(svg, {
      fitTo: { mode: 'original' },
      font: { loadSystemFonts: true, defaultFontFamily: 'sans-serif' },
    }).render();
    doc.destroy();
    // A copy of its own, to hand over without copying again.
    const plain = new Uint8Array(pixels);
    unpremultiply(plain);
    parentPort!.postMessage({ id, pixels: plain }, [plain.buffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
