import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';
import { decodeURIComponentSafe, sendError, sendWrongMethod } from './respond';

/** Client-side routes that all load the app's index.html. */
const APP_ROUTES = /^\/(?:$|b\/|join\/?$|exhibits(?:\/|$)|routines\/)/;

/**
 * Serves the built board app with `sirv`: the build's pre-compressed `.br` / `.gz` copies
 * to browsers that take them, ETags and 304s, and Vite's hashed files under /assets kept
 * for a year (they never change); index.html is revalidated every time so a new build shows
 * up. The file list is read once, at start: `pnpm start` builds before it starts.
 */
export function createStaticApp(appDir: string) {
  // Without a build the API still serves; every page then says how to build the app.
  if (!existsSync(appDir)) return serveNoApp;
  const files = sirv(appDir, {
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders(res, pathname) {
      res.setHeader(
        'cache-control',
        pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });

  /** Serves `req` from the build; resolves false when the build has no such file. */
  const serve = (req: IncomingMessage, res: ServerResponse) =>
    new Promise<boolean>((resolve) => {
      res.once('finish', () => resolve(true));
      files(req, res, () => resolve(false));
    });

  return async function serveApp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendWrongMethod(res, req, 'GET', 'HEAD');
      return;
    }
    const pathname = decodeURIComponentSafe(new URL(req.url ?? '/', 'http://x').pathname);
    if (pathname === null) {
      sendError(res, 400, { code: 'malformedUrl' });
      return;
    }
    if (pathname !== '/' && (await serve(req, res))) return;
    if (APP_ROUTES.test(pathname)) {
      req.url = '/index.html';
      if (await serve(req, res)) return;
      sendError(res, 503, { code: 'appNotBuilt' });
      return;
    }
    sendError(res, 404, { code: 'nothingAt', path: pathname });
  };
}

async function serveNoApp(_req: IncomingMessage, res: ServerResponse): Promise<void> {
  sendError(res, 503, { code: 'appNotBuilt' });
}
