import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import type { BoardRasters } from '../raster/board-rasters';
import { parseRasterView } from '../raster/raster-svg';
import { boardGet } from './board-get';
import { sendError } from './respond';

const BOARD_RASTER = /^\/api\/boards\/([^/]+)\/raster$/;

/**
 * `GET /api/boards/<id>/raster?x=&y=&zoom=&w=&h=&pr=`: a PNG of the board as a device's
 * scene canvas of w × h pixels shows it with that camera, with the Yjs state vector it shows
 * (base64, `x-board-state`): a device opening the board for the first time paints it at once
 * when its own state is the same. ETag and 304; 204 when there is no such board.
 */
export function createRasterApi(admin: BoardAdmin, rasters: BoardRasters) {
  return async function handleRaster(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    const boardId = boardGet(req, res, pathname, BOARD_RASTER);
    if (boardId === undefined) return false;
    if (boardId === null) return true;
    const view = parseRasterView(new URL(req.url ?? '/', 'http://x').searchParams);
    if (!view) {
      sendError(res, 400, 'give the view: x, y, zoom, w and h (whole pixels up to 8192), pr');
      return true;
    }
    if (!admin.exists(boardId)) {
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    let picture: Awaited<ReturnType<BoardRasters['get']>>;
    try {
      picture = await rasters.get(boardId, view);
    } catch (error) {
      log('raster_failed', { board: boardId, message: (error as Error).message });
      sendError(res, 503, 'no picture of this board right now');
      return true;
    }
    const headers = {
      etag: picture.etag,
      'cache-control': 'no-cache',
      'x-board-state': Buffer.from(picture.stateVector).toString('base64'),
    };
    if (req.headers['if-none-match'] === picture.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': 'image/png',
      'content-length': picture.png.byteLength,
    });
    res.end(picture.png);
    return true;
  };
}
