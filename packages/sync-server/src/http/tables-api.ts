import type { IncomingMessage, ServerResponse } from 'node:http';
import { participantNameSchema } from '@roundtable/shared';
import { strictCookie } from '../auth/cookies';
import type { Librarian } from '../auth/librarian';
import { TABLE_COOKIE, TABLE_COOKIE_SECONDS, type Tables } from '../auth/tables';
import { log } from '../log';
import { readJsonBody } from './read-json';
import { sendError, sendJson, sendWrongMethod } from './respond';

const ONE = /^\/api\/tables\/([A-Za-z0-9_-]{1,64})$/;

/**
 * Enrolled tables, for the signed-in librarian only: `POST /api/tables` `{ name }` makes the
 * calling screen a table (its `rt_table` cookie), `GET /api/tables` lists them and
 * `DELETE /api/tables/<id>` revokes one. `GET /api/tables/me` tells any screen whether it is one.
 */
export function createTablesApi(
  tables: Tables,
  librarian: Librarian,
  onRevoked: (tableId: string) => void,
) {
  return async function handleTables(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (pathname !== '/api/tables' && !pathname.startsWith('/api/tables/')) return false;
    if (pathname === '/api/tables/me') {
      if (req.method !== 'GET') sendWrongMethod(res, req, 'GET');
      else
        sendJson(res, 200, {
          table: tables.tableOf(req.headers.cookie),
          protected: librarian.pinSet(),
        });
      return true;
    }
    const session = librarian.sessionOf(req.headers.cookie);
    if (session === null) {
      sendError(res, 403, { code: 'librarianEnrollsTables' });
      return true;
    }
    librarian.used(session);
    if (pathname === '/api/tables') {
      if (req.method === 'GET') {
        sendJson(res, 200, tables.list());
      } else if (req.method === 'POST') {
        const body = await readJsonBody(req, 1024);
        const name = participantNameSchema.safeParse(body?.name ?? 'Table');
        if (!body || !name.success) {
          sendError(res, 400, { code: 'badRequest', send: '{"name":"…"} (1 to 40 characters)' });
          return true;
        }
        const { table, secret } = await tables.enroll(name.data);
        // The librarian's own session now lives on a shared screen: it locks when left alone.
        await librarian.moveToSharedScreen(session);
        log('table_enrolled', { table: table.id });
        res.setHeader('set-cookie', strictCookie(TABLE_COOKIE, secret, TABLE_COOKIE_SECONDS));
        sendJson(res, 201, { id: table.id, name: table.name });
      } else sendWrongMethod(res, req, 'GET', 'POST');
      return true;
    }
    const id = ONE.exec(pathname)?.[1];
    if (!id) sendError(res, 404, { code: 'noTable' });
    else if (req.method !== 'DELETE') sendWrongMethod(res, req, 'DELETE');
    else if (!(await tables.revoke(id))) sendError(res, 404, { code: 'noTable' });
    else {
      log('table_revoked', { table: id });
      onRevoked(id);
      sendJson(res, 200, { revoked: id });
    }
    return true;
  };
}
