import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Librarian } from '../auth/librarian';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import { sendError, sendJson, sendWrongMethod } from './respond';

const RESTORE = /^\/api\/trash\/([A-Za-z0-9_-]{1,64})\/restore$/;

/**
 * The librarian's trash: `GET /api/trash` lists deleted boards that can still come back (30
 * days), `POST /api/trash/<id>/restore` brings one back under its own id.
 */
export function createTrashApi(admin: BoardAdmin, librarian: Librarian) {
  return async function handleTrash(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    const restore = RESTORE.exec(pathname);
    if (pathname !== '/api/trash' && !restore) {
      if (!pathname.startsWith('/api/trash/')) return false;
      sendError(res, 404, { code: 'notInTrash' });
      return true;
    }
    if (!librarian.isSignedIn(req.headers.cookie)) {
      sendError(res, 403, { code: 'librarianSeesTrash' });
      return true;
    }
    if (!restore) {
      if (req.method === 'GET') sendJson(res, 200, await admin.trashed());
      else sendWrongMethod(res, req, 'GET');
      return true;
    }
    if (req.method !== 'POST') {
      sendWrongMethod(res, req, 'POST');
      return true;
    }
    const boardId = restore[1]!;
    const outcome = await admin.restore(boardId);
    if (outcome === 'not in trash') sendError(res, 404, { code: 'notInTrash' });
    else if (outcome === 'exists') sendError(res, 409, { code: 'boardIdTaken' });
    else {
      log('board_restored', { board: boardId });
      sendJson(res, 200, await admin.summary(boardId));
    }
    return true;
  };
}
