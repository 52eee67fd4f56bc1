import type { IncomingMessage, ServerResponse } from 'node:http';
import { boardTitleSchema } from '@roundtable/shared';
import type { BoardPictures } from '../assets/board-pictures';
import type { Librarian } from '../auth/librarian';
import type { BoardAdmin } from '../boards/board-admin';
import { log } from '../log';
import { readJsonBody } from './read-json';
import { sendError, sendJson, sendWrongMethod } from './respond';

const ONE =
  /^\/api\/boards\/([A-Za-z0-9_-]{1,64})(\/duplicate|\/clear|\/undo-clear|\/image\.svg)?$/;

/**
 * The librarian's boards: `GET /api/boards`, `POST /api/boards` `{ title }`,
 * `PATCH /api/boards/<id>` `{ title?, archived?, locked?, pencil? }`, `POST …/duplicate`, `POST …/clear`,
 * `POST …/undo-clear`, `DELETE /api/boards/<id>` (to the trash; 409 while devices are on it
 * unless `?close=1` closes it on them), `GET /api/boards/<id>/image.svg`.
 * All for the signed-in librarian only.
 */
export function createBoardsApi(admin: BoardAdmin, librarian: Librarian, pictures: BoardPictures) {
  const title = (value: unknown): string | null => {
    const parsed = boardTitleSchema.safeParse(value ?? '');
    return parsed.success ? parsed.data : null;
  };

  return async function handleBoards(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    const collection = pathname === '/api/boards';
    const match = collection ? null : ONE.exec(pathname);
    if (!collection && !match) return false;
    if (!librarian.isSignedIn(req.headers.cookie)) {
      sendError(res, 403, { code: 'librarianManagesBoards' });
      return true;
    }
    if (collection) {
      if (req.method === 'GET') sendJson(res, 200, await admin.list());
      else if (req.method === 'POST') {
        const body = await readJsonBody(req, 4096);
        const name = title(body?.title);
        if (!body || name === null)
          sendError(res, 400, { code: 'badRequest', send: '{"title":"…"} (up to 120 characters)' });
        else {
          const boardId = await admin.create(name);
          log('board_created', { board: boardId });
          sendJson(res, 201, { boardId });
        }
      } else sendWrongMethod(res, req, 'GET', 'POST');
      return true;
    }
    const [, boardId, part] = match!;
    if (!admin.exists(boardId!)) {
      sendError(res, 404, { code: 'noBoard' });
      return true;
    }
    if (part === '/image.svg') {
      if (req.method !== 'GET') sendWrongMethod(res, req, 'GET');
      else {
        const svg = await admin.svg(boardId!, pictures);
        res.writeHead(200, {
          'content-type': 'image/svg+xml; charset=utf-8',
          'cache-control': 'no-store',
          'content-security-policy':
            "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
          'x-content-type-options': 'nosniff',
        });
        res.end(svg);
      }
      return true;
    }
    if (part === '/clear') {
      if (req.method !== 'POST') sendWrongMethod(res, req, 'POST');
      else {
        await admin.clear(boardId!);
        log('board_cleared', { board: boardId });
        sendJson(res, 200, await admin.summary(boardId!));
      }
      return true;
    }
    if (part === '/undo-clear') {
      if (req.method !== 'POST') sendWrongMethod(res, req, 'POST');
      else if (!(await admin.undoClear(boardId!))) sendError(res, 404, { code: 'noClearToUndo' });
      else {
        log('board_clear_undone', { board: boardId });
        sendJson(res, 200, await admin.summary(boardId!));
      }
      return true;
    }
    if (part === '/duplicate') {
      if (req.method !== 'POST') sendWrongMethod(res, req, 'POST');
      else sendJson(res, 201, { boardId: await admin.duplicate(boardId!) });
      return true;
    }
    if (req.method === 'PATCH') {
      const body = await readJsonBody(req, 4096);
      const name = body?.title === undefined ? undefined : title(body.title);
      const { archived, locked, pencil } = body ?? {};
      const flag = (v: unknown) => v === undefined || typeof v === 'boolean';
      if (
        !body ||
        name === null ||
        !flag(archived) ||
        !flag(locked) ||
        (pencil !== undefined && pencil !== 'open' && pencil !== 'pencil')
      ) {
        sendError(res, 400, {
          code: 'badRequest',
          send: 'any of {"title":"…","archived":true|false,"locked":true|false,"pencil":"open"|"pencil"}',
        });
        return true;
      }
      if (name !== undefined) await admin.rename(boardId!, name);
      if (archived !== undefined) await admin.setArchived(boardId!, archived as boolean);
      if (locked !== undefined) await admin.setLocked(boardId!, locked as boolean);
      if (pencil !== undefined) await admin.setPencilMode(boardId!, pencil as 'open' | 'pencil');
      sendJson(res, 200, await admin.summary(boardId!));
    } else if (req.method === 'DELETE') {
      // `?close=1`: close the board on the devices still on it (they are told why).
      const close = new URL(req.url ?? '', 'http://x').searchParams.get('close') === '1';
      const outcome = await admin.delete(boardId!, { closeOnDevices: close });
      if (outcome !== 'deleted') {
        sendError(res, 409, { code: 'boardInUse', devices: outcome.inUse });
      } else {
        log('board_deleted', { board: boardId, closedOnDevices: close });
        res.writeHead(204).end();
      }
    } else sendWrongMethod(res, req, 'PATCH', 'DELETE');
    return true;
  };
}
