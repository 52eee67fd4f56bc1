import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  BOARD_PICTURE_TYPE,
  BOARD_STATE_HEADER,
  parsePictureView,
  stateVectorHeader,
} from '@roundtable/shared';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import type { BoardRasters } from '../raster/board-rasters';

import { boardGet } from './board-get';
import { sendError } from './respond';

const BOARD_RASTER = /^\/api\/boards\/([^/]+)\/raster$/;

/**
 * `GET /api/boards/<id>/raster?x=&y=&zoom=&w=&h=&pr=`: the board's pixels
 * (BOARD_PICTURE_TYPE) as a device's scene canvas of w × h pixels shows it with that
 * camera, and the state they show (BOARD_STATE_HEADER): a table opening the board for the
 * first time paints them at once when that is the state the server holds. ETag and 304;
 * 204 when there is no such board.
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
    const view = parsePictureView(new URL(req.url ?? '/', 'http://x').searchParams);
    if (!view) {
      sendError(res, 400, {
        code: 'badRequest',
        send: '?x=…&y=…&zoom=…&w=…&h=…&pr=… (w and h whole pixels up to 8192)',
      });
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
      sendError(res, 503, { code: 'noPicture' });
      return true;
    }
    const headers = {
      etag: picture.etag,
      'cache-control': 'no-cache',
      [BOARD_STATE_HEADER]: stateVectorHeader(picture.stateVector),
    };
    if (req.headers['if-none-match'] === picture.etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    res.writeHead(200, {
      ...headers,
      'content-type': BOARD_PICTURE_TYPE,
      'content-length': picture.pixels.byteLength,
    });
    res.end(picture.pixels);
    return true;
  };
}
