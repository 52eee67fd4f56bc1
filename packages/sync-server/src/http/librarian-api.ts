import type { IncomingMessage, ServerResponse } from 'node:http';
import { strictCookie } from '../auth/cookies';
import {
  type Librarian,
  SESSION_COOKIE,
  SESSION_SECONDS,
  type SignInResult,
} from '../auth/librarian';
import type { Tables } from '../auth/tables';
import { log } from '../log';
import { readJsonBody } from './read-json';
import { sendError, sendJson, sendWrongMethod } from './respond';

const MAX_BODY_BYTES = 1024;

const cookie = (token: string, maxAge: number) => strictCookie(SESSION_COOKIE, token, maxAge);

/**
 * The librarian's sign-in: `GET /api/librarian` (is a PIN set, am I signed in, is this screen
 * a table, when does a shared screen's session lock), `POST /api/librarian/setup` with
 * `{ pin, setupCode }`, `/sign-in` with `{ pin, sharedScreen? }`, `POST /api/librarian/sign-out`.
 */
export function createLibrarianApi(librarian: Librarian, tables: Tables) {
  function answer(res: ServerResponse, result: SignInResult): void {
    if (!result.ok) {
      if (result.retryAfterSeconds) res.setHeader('retry-after', String(result.retryAfterSeconds));
      sendError(res, result.status, result.refusal);
      return;
    }
    res.setHeader('set-cookie', cookie(result.token, SESSION_SECONDS));
    sendJson(res, 200, { signedIn: true });
  }

  return async function handleLibrarian(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
  ): Promise<boolean> {
    if (!pathname.startsWith('/api/librarian')) return false;
    const ip = req.socket.remoteAddress ?? 'unknown';
    if (pathname === '/api/librarian' && req.method === 'GET') {
      // Asking does not count as using the session: a table left alone still locks.
      const session = librarian.sessionOf(req.headers.cookie);
      sendJson(res, 200, {
        pinSet: librarian.pinSet(),
        signedIn: session !== null,
        locksAt: session ? librarian.locksAt(session) : null,
        table: tables.tableOf(req.headers.cookie),
      });
      return true;
    }
    const action = pathname.slice('/api/librarian/'.length);
    if (!['setup', 'sign-in', 'sign-out'].includes(action)) {
      sendError(res, 404, { code: 'notFound' });
      return true;
    }
    if (req.method !== 'POST') {
      sendWrongMethod(res, req, 'POST');
      return true;
    }
    if (action === 'sign-out') {
      await librarian.signOut(req.headers.cookie);
      res.setHeader('set-cookie', cookie('', 0));
      sendJson(res, 200, { signedIn: false });
      return true;
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    if (!body) {
      sendError(res, 400, { code: 'badRequest', send: '{"pin":"1234"}' });
      return true;
    }
    // A sign-in on the table (or asked for as one) locks again when left alone.
    const sharedScreen = body.sharedScreen === true || tables.tableOf(req.headers.cookie) !== null;
    const result =
      action === 'setup'
        ? await librarian.setUp(body.pin, body.setupCode, ip, sharedScreen)
        : await librarian.signIn(body.pin, ip, sharedScreen);
    log(result.ok ? 'librarian_signed_in' : 'librarian_refused', {
      action,
      ip,
      ...(result.ok ? {} : { reason: result.refusal.code }),
    });
    answer(res, result);
    return true;
  };
}
