import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBoardId } from '@roundtable/shared';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import { decodeURIComponentSafe, sendError } from './respond';

const BOARD_STATE = /^\/api\/boards\/([^/]+)\/state$/;

/**
 * `GET /api/boards/<id>/state`: the whole board as one Yjs update, for anyone who could open
 * its socket. A board page starts this download while its script is still loading and
 * applies it before the socket opens, so a big board arrives in parallel with the app and is
 * never encoded again for the socket's listeners. It never creates a board.
 */
export function createBoardStateApi(admin: BoardAdmin) {
  return async function handleBoardState(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    const match = BOARD_STATE.exec(pathname);
    if (!match) return false;
    if (req.method !== 'GET') {
      sendError(res, 405, 'use GET');
      return true;
    }
    const boardId = decodeURIComponentSafe(match[1]!);
    if (boardId === null || !isBoardId(boardId)) {
      sendError(res, 400, 'a board id is 1–64 of A–Z a–z 0–9 _ -');
      return true;
    }
    if (!admin.exists(boardId)) {
      // Nothing stored yet: nothing to download (204, not 404: a page opening a new board
      // asks for it as a matter of course, and an error would be logged in its console).
      res.writeHead(204, { 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    let state: Uint8Array;
    try {
      // Opened like a device would (it lingers for the socket that follows), read once on disk.
      state = await admin.openedState(boardId);
    } catch (error) {
      log('board_load_failed', { board: boardId, message: (error as Error).message });
      sendError(res, 503, 'this board cannot be opened right now');
      return true;
    }
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': state.byteLength,
      'cache-control': 'no-store',
    });
    res.end(state);
    return true;
  };
}
