import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningServer, startServer } from '../src/server';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  readonly appDir: string;
  /** Closes the server and removes its temp folders. */
  dispose(): Promise<void>;
}

/** The real server on port 0 with a temp DATA_DIR and a tiny stand-in build of the app. */
export async function startTestServer(): Promise<TestServer> {
  const root = mkdtempSync(join(tmpdir(), 'roundtable-server-'));
  const dataDir = join(root, 'data');
  const appDir = join(root, 'app');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>Roundtable</title>');
  writeFileSync(join(appDir, 'assets', 'index-abc123.js'), 'console.log("board")');
  writeFileSync(join(root, 'secret.txt'), 'outside the app');
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, appDir });
  return {
    ...server,
    dataDir,
    appDir,
    async dispose() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
