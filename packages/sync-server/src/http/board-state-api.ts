import type { IncomingMessage, ServerResponse } from 'node:http';
import { BOARD_STATE_HEADER, stateVectorHeader } from '@roundtable/shared';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import type { OpenedState } from '../rooms/room';
import { boardGet } from './board-get';
import { sendError } from './respond';

const BOARD_STATE = /^\/api\/boards\/([^/]+)\/state$/;

/**
 * `GET /api/boards/<id>/state`: the whole board as one Yjs update, for anyone who could open
 * its socket. A board page starts this download while its script is still loading and
 * applies it before the socket opens, so a big board arrives in parallel with the app and is
 * never encoded again for the socket's listeners. Its state vector rides in a header, so the
 * page knows at the first byte whether a picture it keeps shows this state. It never creates
 * a board.
 */
export function createBoardStateApi(admin: BoardAdmin) {
  return async function handleBoardState(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    const boardId = boardGet(req, res, pathname, BOARD_STATE);
    if (boardId === undefined) return false;
    if (boardId === null) return true;
    if (!admin.exists(boardId)) {
      // Nothing stored yet: nothing to download (204, not 404: a page opening a new board
      // asks for it as a matter of course, and an error would be logged in its console).
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    let opened: OpenedState;
    try {
      // Opened like a device would (it lingers for the socket that follows), read once on disk.
      opened = await admin.openedState(boardId);
    } catch (error) {
      log('board_load_failed', { board: boardId, message: (error as Error).message });
      sendError(res, 503, { code: 'boardUnavailable' });
      return true;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': opened.state.byteLength,
      'cache-control': 'no-store',
      [BOARD_STATE_HEADER]: stateVectorHeader(opened.stateVector),
    });
    res.end(opened.state);
    return true;
  };
}
