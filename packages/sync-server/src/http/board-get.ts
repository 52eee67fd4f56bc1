import type { IncomingMessage, ServerResponse } from 'node:http';
import { isBoardId } from '@roundtable/shared';
import { decodeURIComponentSafe, sendError, sendWrongMethod } from './respond';

/**
 * A `GET /api/boards/<id>/…` route's board id: undefined if `pathname` is not this route,
 * null if the request was answered already (not a GET: 405; not a board id: 400).
 */
export function boardGet(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  route: RegExp,
): string | null | undefined {
  const match = route.exec(pathname);
  if (!match) return undefined;
  if (req.method !== 'GET') {
    sendWrongMethod(res, req, 'GET');
    return null;
  }
  const boardId = decodeURIComponentSafe(match[1]!);
  if (boardId === null || !isBoardId(boardId)) {
    sendError(res, 400, { code: 'badBoardId' });
    return null;
  }
  return boardId;
}
