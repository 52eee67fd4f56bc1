import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterEach } from 'vitest';
import { Librarian } from '../src/auth/librarian';
import { openLibrarianStore } from '../src/auth/librarian-store';
import { openTableStore } from '../src/auth/table-store';
import { Tables } from '../src/auth/tables';
import { Trust } from '../src/auth/trust';
import { configFromEnv, type Limits, type ServerConfig } from '../src/config';
import { type RunningServer, startServer } from '../src/server';
import { openAppDb } from '../src/storage/app-db';
import { connectClient, connectDevice } from './clients';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly appDir: string;
  readonly config: ServerConfig;
  /** A fresh server on the same DATA_DIR, as after a restart. */
  restart(): Promise<TestServer>;
  /** Closes the server and removes its temp folders. */
  dispose(): Promise<void>;
}

export type TestServerOptions = Partial<Omit<ServerConfig, 'limits'>> & {
  limits?: Partial<Limits>;
};

/** The real server on port 0 with a temp DATA_DIR and a tiny stand-in build of the app. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), 'roundtable-server-'));
  const appDir = join(root, 'app');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Roundtable</title>');
  const script = `console.log("board");\n${'// the board app\n'.repeat(200)}`;
  writeFileSync(join(appDir, 'assets', 'index-abc123.js'), script);
  // As the build leaves it: a brotli copy beside the file.
  writeFileSync(join(appDir, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(root, 'secret.txt'), 'outside the app');
  const defaults = configFromEnv({});
  const config: ServerConfig = {
    ...defaults,
    port: 0,
    host: '127.0.0.1',
    dataDir: join(root, 'data'),
    appDir,
    ...options,
    limits: { ...defaults.limits, ...options.limits },
  };
  return launch(config, root);
}

async function launch(config: ServerConfig, root: string): Promise<TestServer> {
  const server = await startServer(config);
  return {
    ...server,
    get setupCode() {
      return server.setupCode;
    },
    dataDir: config.dataDir,
    appDir: config.appDir,
    config,
    async restart() {
      await server.close();
      return launch(config, root);
    },
    async dispose() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The server's trust rules over an in-memory app database with no PIN (a fresh install). */
export function trustInMemory(): Trust {
  const db = openAppDb(null);
  // An empty database: there is no enrolled table to load.
  return new Trust(new Librarian(openLibrarianStore(db)), new Tables(openTableStore(db)));
}

/** Signs in as the librarian and returns the session cookie (`name=value`). */
export async function signInAsLibrarian(server: { url: string }, pin: string): Promise<string> {
  const res = await fetch(`${server.url}/api/librarian/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin }),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * Makes a screen a table as the librarian does (`POST /api/tables`) and returns its
 * `rt_table` cookie (`name=value`), which the table's sockets then carry.
 */
export async function enrollTable(
  server: { url: string },
  librarianCookie: string,
  name = 'Library table',
): Promise<string> {
  const res = await call(server, 'POST', '/api/tables', { name }, librarianCookie);
  if (res.status !== 201) throw new Error(`enrolling a table failed: HTTP ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}

/** An HTTP call with an optional JSON body and Cookie header. */
export function call(
  server: { url: string },
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(cookie ? { cookie } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * The per-test lifecycle most server tests share: a test starts its own server
 * (`live.server = await startTestServer(…)`); after it, its clients are closed and the
 * server and its temp folders are gone.
 */
export function serverPerTest() {
  let current: TestServer | null = null;
  const clients: { destroy(): void }[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await current?.dispose();
    current = null;
  });
  return {
    get server(): TestServer {
      if (!current) throw new Error('this test has not started a server');
      return current;
    },
    set server(server: TestServer) {
      current = server;
    },
    /** Closed after the test. */
    clients,
    /** An HTTP call to this test's server. */
    request: (method: string, path: string, body?: unknown, cookie?: string) =>
      call(current!, method, path, body, cookie),
    /** A stock client on this test's server (closed after the test). */
    async client(boardId: string, options?: Parameters<typeof connectClient>[2]) {
      const c = await connectClient(current!.url, boardId, options);
      clients.push(c);
      return c;
    },
    /** A device that also asks the server about the class (closed after the test). */
    async device(boardId: string, options?: Parameters<typeof connectDevice>[2]) {
      const d = await connectDevice(current!.url, boardId, options);
      clients.push(d.client);
      return d;
    },
  };
}

/** A response's JSON, loosely typed: each test asserts the shape it relies on. */
// biome-ignore lint/suspicious/noExplicitAny: see above
export const json = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
