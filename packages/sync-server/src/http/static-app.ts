import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { decodeURIComponentSafe, sendError } from './respond';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Client-side routes that all load the app's index.html. */
const APP_ROUTES = /^\/(?:$|b\/|join\/?$|exhibits(?:\/|$)|routines\/)/;

/**
 * Serves the built board app. Vite's hashed files under /assets never change, so browsers
 * may keep them for a year; index.html is revalidated every time so a new build shows up.
 */
export function createStaticApp(appDir: string) {
  const root = normalize(appDir + sep);

  async function sendFile(res: ServerResponse, path: string, head: boolean): Promise<boolean> {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return false;
    const immutable = path.startsWith(join(root, 'assets') + sep);
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (head) res.end();
    else createReadStream(path).pipe(res);
    return true;
  }

  return async function serveApp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, 405, `${req.method} is not allowed here`);
      return;
    }
    const head = req.method === 'HEAD';
    const pathname = decodeURIComponentSafe(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === null) {
      sendError(res, 400, 'malformed URL');
      return;
    }
    const filePath = normalize(join(root, pathname));
    if (filePath.startsWith(root) && (await sendFile(res, filePath, head))) return;
    if (APP_ROUTES.test(pathname)) {
      if (await sendFile(res, join(root, 'index.html'), head)) return;
      sendError(res, 503, 'the board app is not built yet: run `npx pnpm@10 build`');
      return;
    }
    sendError(res, 404, `nothing at ${pathname}`);
  };
}
