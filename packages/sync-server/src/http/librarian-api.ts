import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type Librarian,
  SESSION_COOKIE,
  SESSION_SECONDS,
  type SignInResult,
} from '../auth/librarian';
import { log } from '../log';
import { readJsonBody } from './read-json';
import { sendError, sendJson } from './respond';

const MAX_BODY_BYTES = 1024;

const cookie = (token: string, maxAge: number) =>
  `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}`;

/**
 * The librarian's sign-in: `GET /api/librarian` (is a PIN set, am I signed in),
 * `POST /api/librarian/setup` and `/sign-in` with `{ pin }`, `POST /api/librarian/sign-out`.
 */
export function createLibrarianApi(librarian: Librarian) {
  function answer(res: ServerResponse, result: SignInResult): void {
    if (!result.ok) {
      if (result.retryAfterSeconds) res.setHeader('retry-after', String(result.retryAfterSeconds));
      sendError(res, result.status, result.error);
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
      sendJson(res, 200, {
        pinSet: librarian.pinSet(),
        signedIn: librarian.isSignedIn(req.headers.cookie),
      });
      return true;
    }
    const action = pathname.slice('/api/librarian/'.length);
    if (!['setup', 'sign-in', 'sign-out'].includes(action)) {
      sendError(res, 404, 'no such librarian action');
      return true;
    }
    if (req.method !== 'POST') {
      sendError(res, 405, `use POST for ${action}`);
      return true;
    }
    if (action === 'sign-out') {
      librarian.signOut(req.headers.cookie);
      res.setHeader('set-cookie', cookie('', 0));
      sendJson(res, 200, { signedIn: false });
      return true;
    }
    const body = await readJsonBody(req, MAX_BODY_BYTES);
    if (!body) {
      sendError(res, 400, 'send JSON like {"pin":"1234"}');
      return true;
    }
    const result =
      action === 'setup' ? await librarian.setUp(body.pin) : await librarian.signIn(body.pin, ip);
    log(result.ok ? 'librarian_signed_in' : 'librarian_refused', {
      action,
      ip,
      ...(result.ok ? {} : { reason: result.error }),
    });
    answer(res, result);
    return true;
  };
}
