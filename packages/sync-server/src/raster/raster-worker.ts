// Renders boards to pixels on a thread of its own: building a big board's SVG, rasterising
// and compressing it take hundreds of milliseconds, which the relay's event loop must never
// wait for. The pictures go out as BOARD_PICTURE_TYPE, gzip-encoded.

import { parentPort } from 'node:worker_threads';
import { constants, gzipSync } from 'node:zlib';
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
    unpremultiply(pixels);
    // The fastest level: the picture is rendered again whenever the board rests.
    const gzipped = gzipSync(pixels, { level: constants.Z_BEST_SPEED });
    parentPort!.postMessage({ id, gzipped });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
