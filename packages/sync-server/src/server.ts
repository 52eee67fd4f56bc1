import { mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerConfig } from './config';
import { sendError, sendJson } from './http/respond';
import { createStaticApp } from './http/static-app';
import { log } from './log';

export interface RunningServer {
  readonly port: number;
  /** http://host:port with a host a browser on this machine can use. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  mkdirSync(config.dataDir, { recursive: true });
  const startedAt = Date.now();
  const serveApp = createStaticApp(config.appDir);

  async function route(req: IncomingMessage, res: ServerResponse) {
    const { pathname } = new URL(req.url ?? '/', 'http://x');
    if (pathname === '/healthz') {
      sendJson(res, 200, { status: 'ok', uptimeSeconds: (Date.now() - startedAt) / 1000 });
      return;
    }
    await serveApp(req, res);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: Error) => {
      log('http_error', { url: req.url, message: error.message });
      if (!res.headersSent) sendError(res, 500, 'internal error');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log('listening', { port, host: config.host, dataDir: config.dataDir });

  return {
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
