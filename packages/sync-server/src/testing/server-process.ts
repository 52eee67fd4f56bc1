import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../node-flags';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The test build of the app (with `window.roundtable`, which the e2e tests read). */
const APP_DIR = join(SERVER_DIR, '../board/dist-test');

export interface ServerFixture {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** The librarian setup code the server printed (a fresh install), if it did. */
  setupCode(): string | null;
  /** Sends `signal` and waits for the process to exit; resolves with its exit code. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
  /** Stops the process and removes its DATA_DIR. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts the real server as a child process on a free port with a temporary DATA_DIR, as
 * `pnpm start` would (with the same Node flags), and waits for its "listening" log line.
 * Benchmarks pass another `script` (relative to packages/sync-server) that prints the same
 * line.
 */
export async function startServerProcess(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'roundtable-process-')),
  {
    requireApp = true,
    script = 'src/main.ts',
    /** Node's own flags; benchmarks run other servers with Node's defaults (`[]`). */
    nodeFlags = SERVER_NODE_FLAGS,
  } = {},
): Promise<ServerFixture> {
  const appDir = env.APP_DIR ?? APP_DIR;
  if (requireApp && !existsSync(join(appDir, 'index.html'))) {
    throw new Error('The board app is not built: run `npx pnpm@10 build` (pnpm test does it).');
  }
  const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', script], {
    cwd: SERVER_DIR,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ROUNDTABLE_LOG: 'on',
      APP_DIR: appDir,
      // Warming up costs each start a second; only the start benchmark wants it.
      WARM_UP: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk;
      const match = /"event":"listening","port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk;
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });

  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    }
    return child.exitCode;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    process: child,
    output: () => output,
    setupCode: () => /Librarian setup code: ([A-Z0-9-]+)/.exec(output)?.[1] ?? null,
    kill,
    async stop(signal = 'SIGTERM') {
      await kill(signal);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
