import type { IncomingMessage, ServerResponse } from 'node:http';
import { createId, isBoardId, openBoard, seatsInTurnOrder } from '@roundtable/shared';
import * as Y from 'yjs';
import { type BoardPictures, EXHIBIT_PICTURE_PX } from '../assets/board-pictures';
import type { Librarian } from '../auth/librarian';
import type { BoardAdmin } from '../boards/board-admin';
import type { ExhibitStore } from '../exhibits/exhibit-store';
import { log } from '../log';
import { readJsonBody } from './read-json';
import { sendError, sendJson, sendWrongMethod } from './respond';

const ONE = /^\/api\/exhibits\/([A-Za-z0-9_-]{1,64})(\/snapshot|\/image\.svg|\/boards)?$/;

const text = (value: unknown, max: number) =>
  typeof value === 'string' ? value.trim().slice(0, max) : '';

/** Who was at the board: its seats in turn, then its tablets. */
function participantsOf(doc: Y.Doc): string[] {
  const board = openBoard(doc);
  return [
    ...seatsInTurnOrder(board.seats.values()).map((s) => s.name),
    ...[...board.participants.values()].map((p) => p.name),
  ];
}

/**
 * Exhibits: `GET /api/exhibits` (newest first), `GET /api/exhibits/<id>` (its facts),
 * `…/snapshot` (the saved document), `…/image.svg` (the saved rendering). The librarian
 * saves one with `POST /api/exhibits` and deletes one with `DELETE /api/exhibits/<id>`.
 * Nothing changes an exhibit once saved.
 */
export function createExhibitsApi(
  exhibits: ExhibitStore,
  admin: BoardAdmin,
  librarian: Librarian,
  pictures: BoardPictures,
) {
  async function save(
    req: IncomingMessage,
    res: ServerResponse,
    body: Record<string, unknown>,
  ): Promise<void> {
    const boardId = text(body.boardId, 64);
    const title = text(body.title, 120);
    if (!isBoardId(boardId)) {
      sendError(res, 400, { code: 'badBoardId' });
      return;
    }
    if (!title) {
      sendError(res, 400, { code: 'exhibitNeedsTitle' });
      return;
    }
    const snapshot = await admin.snapshot(boardId);
    if (!snapshot) {
      sendError(res, 404, { code: 'noBoard' });
      return;
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const board = openBoard(doc);
    // The routine's name as people know it ("Think – Pair – Share"), if one ran on the board.
    const running = board.control.get('routine') as
      | { title?: string; templateId?: string | null }
      | undefined;
    const routine = running?.title || running?.templateId || null;
    const participants = Array.isArray(body.participants)
      ? body.participants
          .map((p) => text(p, 40))
          .filter(Boolean)
          .slice(0, 64)
      : participantsOf(doc);
    const exhibit = {
      id: createId(12),
      boardId,
      title,
      group: text(body.group, 60),
      participants,
      description: text(body.description, 2000),
      routine,
      createdAt: Date.now(),
      snapshot,
      svg: await pictures.svg(board, EXHIBIT_PICTURE_PX),
    };
    doc.destroy();
    await exhibits.add(exhibit);
    log('exhibit_saved', {
      id: exhibit.id,
      board: boardId,
      bytes: snapshot.length,
      ip: req.socket.remoteAddress,
    });
    const { snapshot: _s, svg: _v, ...info } = exhibit;
    sendJson(res, 201, info);
  }

  /**
   * The saved rendering; one saved before pictures went inside the SVG (it links them, which
   * an <img> or a file on disk cannot load) is drawn again from its snapshot.
   */
  async function exhibitSvg(exhibit: { svg: string; snapshot: Uint8Array }): Promise<string> {
    if (!exhibit.svg.includes('href="/api/assets/')) return exhibit.svg;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, exhibit.snapshot);
    try {
      return await pictures.svg(openBoard(doc), EXHIBIT_PICTURE_PX);
    } finally {
      doc.destroy();
    }
  }

  return async function handleExhibits(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname === '/api/exhibits') {
      if (req.method === 'GET') {
        sendJson(res, 200, await exhibits.list());
      } else if (req.method === 'POST') {
        if (!librarian.isSignedIn(req.headers.cookie)) {
          sendError(res, 403, { code: 'librarianSavesExhibits' });
          return true;
        }
        const body = await readJsonBody(req, 8 * 1024);
        if (!body) sendError(res, 400, { code: 'badRequest', send: '{"boardId":"…","title":"…"}' });
        else await save(req, res, body);
      } else sendWrongMethod(res, req, 'GET', 'POST');
      return true;
    }
    const match = ONE.exec(pathname);
    if (!match) {
      if (pathname.startsWith('/api/exhibits/')) sendError(res, 404, { code: 'noExhibit' });
      return pathname.startsWith('/api/exhibits/');
    }
    const [, id, part] = match;
    if (part === '/boards') {
      if (req.method !== 'POST') sendWrongMethod(res, req, 'POST');
      else if (!librarian.isSignedIn(req.headers.cookie)) {
        sendError(res, 403, { code: 'librarianStartsBoards' });
      } else {
        const exhibit = await exhibits.get(id!);
        if (!exhibit) sendError(res, 404, { code: 'noExhibit' });
        else {
          const boardId = await admin.create(exhibit.title, exhibit.snapshot);
          log('board_from_exhibit', { exhibit: id, board: boardId });
          sendJson(res, 201, { boardId });
        }
      }
      return true;
    }
    if (req.method === 'DELETE' && !part) {
      if (!librarian.isSignedIn(req.headers.cookie)) {
        sendError(res, 403, { code: 'librarianDeletesExhibits' });
      } else if (await exhibits.delete(id!)) {
        log('exhibit_deleted', { id });
        res.writeHead(204).end();
      } else sendError(res, 404, { code: 'noExhibit' });
      return true;
    }
    if (req.method !== 'GET') {
      sendError(res, 405, { code: 'exhibitsFixed' });
      return true;
    }
    const exhibit = await exhibits.get(id!);
    if (!exhibit) {
      sendError(res, 404, { code: 'noExhibit' });
      return true;
    }
    if (part === '/snapshot') {
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': exhibit.snapshot.length,
        'cache-control': 'public, max-age=31536000, immutable',
      });
      res.end(Buffer.from(exhibit.snapshot));
    } else if (part === '/image.svg') {
      res.writeHead(200, {
        'content-type': 'image/svg+xml; charset=utf-8',
        'cache-control': 'public, max-age=31536000, immutable',
        // An SVG opened on its own may not run anything.
        'content-security-policy':
          "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
        'x-content-type-options': 'nosniff',
      });
      res.end(await exhibitSvg(exhibit));
    } else {
      const { snapshot: _s, svg: _v, ...info } = exhibit;
      sendJson(res, 200, info);
    }
    return true;
  };
}
