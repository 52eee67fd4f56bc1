import type { IncomingMessage } from 'node:http';

/**
 * Whether a request comes from this server's own pages (or from no browser page at all: a
 * request without `Origin`, such as a script's). Browsers send `Origin` with every
 * WebSocket upgrade and every state-changing fetch, and another site cannot forge it; so a
 * page elsewhere cannot use the librarian's or the table's cookies here. `SameSite=Strict`
 * alone does not stop another service on the same host, which counts as the same site.
 */
export function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const host = req.headers.host;
  if (!host || origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Methods that change something: from another origin they are refused. */
export const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
