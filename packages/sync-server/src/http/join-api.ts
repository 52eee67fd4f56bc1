import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBoardId, joinCodeFor, normaliseJoinCode } from '@roundtable/shared';
import type { BoardStore } from '../storage/board-store';
import { decodeURIComponentSafe, sendError, sendJson, sendWrongMethod } from './respond';

const BOARD_JOIN = /^\/api\/boards\/([^/]+)\/join$/;
const CODE_LOOKUP = /^\/(?:api\/join|j)\/([^/]+)$/;

/**
 * Tablets joining a board: `GET /api/boards/<id>/join` gives the table its short code and
 * the addresses to put in its QR code (LAN first: a tablet cannot reach "localhost"), and
 * says whether the board exists;
 * `GET /api/join/<code>` answers `{ boardId }`, and `/j/<code>` redirects a browser there.
 */
export function createJoinApi(store: BoardStore, lanOrigins: () => string[]) {
  function boardFor(code: string): string | null {
    return store.listBoards().find((id) => joinCodeFor(id) === code) ?? null;
  }

  return function handleJoin(req: IncomingMessage, res: ServerResponse, pathname: string): boolean {
    const board = BOARD_JOIN.exec(pathname);
    const lookup = board ? null : CODE_LOOKUP.exec(pathname);
    if (!board && !lookup) return false;
    if (req.method !== 'GET') {
      sendWrongMethod(res, req, 'GET');
      return true;
    }
    if (board) {
      const boardId = decodeURIComponentSafe(board[1]!);
      if (boardId === null || !isBoardId(boardId)) {
        sendError(res, 400, { code: 'badBoardId' });
        return true;
      }
      const path = `/b/${boardId}?layout=tablet`;
      const here = req.headers.host ? [`http://${req.headers.host}`] : [];
      const origins = [...new Set([...lanOrigins(), ...here])];
      sendJson(res, 200, {
        code: joinCodeFor(boardId),
        urls: origins.map((origin) => `${origin}${path}`),
        // Whether the board is there yet (once a PIN is set, only the librarian starts one).
        exists: store.hasBoard(boardId),
      });
      return true;
    }
    const typed = decodeURIComponentSafe(lookup![1]!);
    const code = typed === null ? null : normaliseJoinCode(typed);
    const boardId = code ? boardFor(code) : null;
    if (!boardId) {
      sendError(res, 404, { code: 'noJoinCode' });
      return true;
    }
    if (pathname.startsWith('/j/')) {
      res.writeHead(302, { location: `/b/${boardId}?layout=tablet`, 'cache-control': 'no-store' });
      res.end();
    } else {
      sendJson(res, 200, { boardId });
    }
    return true;
  };
}
