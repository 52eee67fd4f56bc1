import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  addStroke,
  type Board,
  initBoard,
  localOrigin,
  openBoard,
  runCommand,
} from '@roundtable/shared';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_NODE_FLAGS } from '../src/node-flags';
import { openSqliteStore } from '../src/storage/sqlite-store';
import { type ServerFixture, startServerProcess } from '../src/testing/server-process';
import { CLOSE } from '../src/ws/messages';
import { connectClient, connectRaw, drawStroke, eventually, type SyncClient } from './clients';

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const PAGE = 4096;

const dirs: string[] = [];
const mounts: string[] = [];
const servers: ServerFixture[] = [];
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.kill('SIGKILL');
  for (const dir of mounts.splice(0)) unmount(dir);
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `roundtable-${prefix}-`));
  dirs.push(dir);
  return dir;
}

/** Root may mount a tmpfs here (a real full disk, a real read-only file system); else null. */
function mountProblem(): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error).trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const cannotMount = mountProblem();
if (cannotMount) {
  console.warn(`storage-faults: skipping the full-disk and read-only tests: ${cannotMount}`);
}

/** A fresh tmpfs of `size` (e.g. "8m"), unmounted after the test. */
function mountTmpfs(size: string): string {
  const dir = tempDir('tmpfs');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  mounts.push(dir);
  return dir;
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir], { stdio: 'pipe' });
  } catch {
    execFileSync('umount', ['-l', dir], { stdio: 'pipe' }); // a straggler still holds a file
  }
}

/** Writes into `path` until the file system has no byte left; returns how much it took. */
function fillDisk(path: string): number {
  const fd = openSync(path, 'w');
  let written = 0;
  try {
    for (const size of [256 * 1024, PAGE, 64]) {
      const chunk = Buffer.alloc(size, 0x42);
      for (;;) {
        try {
          const n = writeSync(fd, chunk);
          written += n;
          if (n < size) break;
        } catch (error) {
          if ((error as { code?: string }).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

/** A library with a few boards in `dataDir`, written by the real store and closed. */
async function libraryWithBoards(dataDir: string): Promise<void> {
  const store = openSqliteStore(dataDir);
  for (const boardId of ['first', 'second', 'third']) {
    const doc = new Y.Doc();
    const board = openBoard(doc);
    for (let i = 0; i < 40; i++) {
      const before = Y.encodeStateVector(doc);
      hugeStrokes(doc, board, 1, 100);
      store.append([{ boardId, update: Y.encodeStateAsUpdate(doc, before) }]);
    }
  }
  await store.close();
}

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the server as `pnpm start` does and waits for it to exit (it must refuse to start). */
function runUntilExit(env: Record<string, string>): Promise<Exit> {
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ROUNDTABLE_LOG: 'on', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not refuse to start:\n${stdout}${stderr}`));
    }, 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exit 1, and stderr is one line: "Roundtable could not start: …" with no stack trace. */
function expectOneLineRefusal(exit: Exit): string {
  expect(exit.code).toBe(1);
  expect(exit.stdout).not.toContain('"event":"listening"');
  const lines = exit.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, exit.stderr).toHaveLength(1);
  const line = lines[0]!;
  expect(line).toMatch(/^Roundtable could not start: /);
  expect(line).not.toMatch(/\bat .*:\d+:\d+/);
  return line;
}

async function serverOn(dataDir: string, env: Record<string, string> = {}) {
  const server = await startServerProcess(env, dataDir, { requireApp: false });
  servers.push(server);
  return server;
}

async function client(server: ServerFixture, boardId: string) {
  const c = await connectClient(server.url, boardId);
  clients.push(c);
  return c;
}

/** The close codes a device's connections ended with (it reconnects by itself after each). */
function closeCodes(c: SyncClient): number[] {
  const codes: number[] = [];
  c.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code);
  });
  return codes;
}

interface Health {
  status: string;
  storage: {
    errors: number;
    lastFailure: { operation: string; code: string | null; boards: string[] } | null;
  };
}

async function health(server: ServerFixture): Promise<Health> {
  const res = await fetch(`${server.url}/healthz`);
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
}

async function storageErrors(server: ServerFixture, operation: string): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const match = new RegExp(
    `roundtable_storage_errors_total\\{operation="${operation}"\\} (\\d+)`,
  ).exec(text);
  return match ? Number(match[1]) : 0;
}

/**
 * `count` strokes of `points` far-apart points each (20,000 is the most a stroke may have:
 * about 120 kB), in one change of `doc`; returns their ids.
 */
function hugeStrokes(doc: Y.Doc, board: Board, count: number, points = 20_000): string[] {
  const ids: string[] = [];
  let seed = 7;
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const stroke = Array.from({ length: points }, () => ({
        x: next() * 20_000 - 10_000,
        y: next() * 20_000 - 10_000,
      }));
      ids.push(
        runCommand(
          board,
          addStroke,
          { authorId: 'seat-1', tool: 'pen', color: '#1f2a44', width: 4, points: stroke },
          localOrigin('seat-1'),
        ),
      );
    }
  });
  return ids;
}

describe('storage faults at start', () => {
  it('refuses a damaged database in one line that names the file and says what to do', async () => {
    const dataDir = tempDir('damaged');
    await libraryWithBoards(dataDir);
    const file = join(dataDir, 'roundtable.sqlite');
    const bytes = readFileSync(file);
    const pages = bytes.length / PAGE;
    expect(pages).toBeGreaterThan(20);
    // Junk over a run of pages in the middle of the file (never the header page).
    const junk = Buffer.alloc(PAGE * 4);
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 17) % 251;
    junk.copy(bytes, Math.floor(pages / 2) * PAGE);
    writeFileSync(file, bytes);

    const line = expectOneLineRefusal(await runUntilExit({ DATA_DIR: dataDir }));
    expect(line).toContain(`${file} is damaged`);
    expect(line).toContain('Restore it from a backup, or move it aside');
    // The file is left as it was, for whoever restores it.
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a database at all', async () => {
    const dataDir = tempDir('not-a-db');
    const file = join(dataDir, 'roundtable.sqlite');
    writeFileSync(file, Buffer.alloc(PAGE * 3, 0x37));
    const line = expectOneLineRefusal(await runUntilExit({ DATA_DIR: dataDir }));
    expect(line).toContain(`${file} is damaged`);
    expect(line).toContain('Restore it from a backup');
  });

  it('refuses a DATA_DIR that is a regular file', async () => {
    const file = join(tempDir('file'), 'data');
    writeFileSync(file, 'not a folder');
    const line = expectOneLineRefusal(await runUntilExit({ DATA_DIR: file }));
    expect(line).toContain(`DATA_DIR ${file} is a file, not a folder`);
    expect(line).toContain('Set DATA_DIR to a folder');
  });

  it.skipIf(cannotMount)(
    'refuses a read-only DATA_DIR, with or without a library in it',
    async () => {
      const mount = mountTmpfs('4m');
      await libraryWithBoards(mount);
      execFileSync('mount', ['-o', 'remount,ro', mount], { stdio: 'pipe' });

      const existing = expectOneLineRefusal(await runUntilExit({ DATA_DIR: mount }));
      expect(existing).toContain(`DATA_DIR ${mount} is not writable`);
      expect(existing).toContain('EROFS');
      expect(existing).toContain('Make it writable');

      const missing = join(mount, 'data');
      const created = expectOneLineRefusal(await runUntilExit({ DATA_DIR: missing }));
      expect(created).toContain(`DATA_DIR ${missing} cannot be created`);
      expect(created).toContain('EROFS');
    },
  );
});

describe('storage faults while running', () => {
  it.skipIf(cannotMount)(
    'a disk that fills up: devices are closed with 1011, /healthz says degraded, nothing received is lost',
    async () => {
      const dataDir = mountTmpfs('8m');
      // A lesson from before, saved as one big snapshot (about 840 kB): compacting it again
      // needs far more room than the WAL of a server that just started has, so once the disk
      // is full it fails for certain (a small write could reuse WAL space and succeed).
      const lesson = new Y.Doc();
      initBoard(openBoard(lesson), { title: 'Lesson 2' });
      const lessonStrokes = hugeStrokes(lesson, openBoard(lesson), 7);
      const seed = openSqliteStore(dataDir);
      seed.compact('lesson-2', Y.encodeStateAsUpdate(lesson));
      await seed.close();
      // Idle compaction too late to matter here; a board is unloaded soon after its last
      // device leaves.
      const env = { COMPACT_WHEN_IDLE_MS: '600000', ROOM_LINGER_MS: '50' };
      const server = await serverOn(dataDir, env);
      const writer = await client(server, 'fault');
      const observer = await client(server, 'fault');
      const other = await client(server, 'lesson-2');
      const otherObserver = await client(server, 'lesson-2');
      const writerCodes = closeCodes(writer);
      const observerCodes = closeCodes(observer);
      const drawn = Array.from({ length: 20 }, (_, i) => drawStroke(writer, 'seat-1', i * 10));
      const otherDrawn = Array.from({ length: 3 }, (_, i) => drawStroke(other, 'seat-1', i * 10));
      await eventually(() => {
        expect(observer.board.elements.size).toBe(drawn.length);
        expect(otherObserver.board.elements.size).toBe(lessonStrokes.length + otherDrawn.length);
      });
      expect((await health(server)).status).toBe('ok');

      const filler = join(dataDir, 'filler');
      expect(fillDisk(filler)).toBeGreaterThan(0);

      // The last devices leave a board with changes not yet compacted: compacting fails
      // (where the server used to die), the board is dropped, and the process stays up.
      other.destroy();
      otherObserver.destroy();
      await eventually(async () =>
        expect(await storageErrors(server, 'compact')).toBeGreaterThan(0),
      );

      // A change the disk cannot take (about 1 MB): never relayed, and both devices on the
      // board are closed with 1011. They reconnect by themselves, and the writer sends it again.
      const huge = hugeStrokes(writer.doc, writer.board, 8);
      await eventually(() => {
        expect(writerCodes).toContain(CLOSE.internal);
        expect(observerCodes).toContain(CLOSE.internal);
      }, 10_000);
      expect(await storageErrors(server, 'append')).toBeGreaterThan(0);
      const degraded = await health(server);
      expect(degraded.status).toBe('degraded');
      expect(degraded.storage.errors).toBeGreaterThan(1);
      expect(degraded.storage.lastFailure).toMatchObject({ code: 'SQLITE_FULL' });
      for (const id of huge) expect(observer.board.elements.has(id)).toBe(false);
      expect(server.process.exitCode).toBeNull();
      expect(server.process.signalCode).toBeNull();

      // Room again: the writer's next attempt is stored, /healthz recovers, and the observer
      // gets everything.
      unlinkSync(filler);
      await eventually(async () => {
        expect((await health(server)).status).toBe('ok');
        for (const id of huge) expect(observer.board.elements.has(id)).toBe(true);
      }, 20_000);
      const received = [...observer.board.elements.keys()];
      expect(received).toEqual(expect.arrayContaining([...drawn, ...huge]));
      expect(server.output()).toContain('"event":"storage_error"');
      expect(server.output()).toContain('"event":"storage_recovered"');

      // And the disk has everything any device received, on both boards.
      for (const c of clients.splice(0)) c.destroy();
      await server.kill('SIGKILL');
      const restarted = await serverOn(dataDir, env);
      const after = await client(restarted, 'fault');
      const kept = new Set(after.board.elements.keys());
      expect(received.filter((id) => !kept.has(id))).toEqual([]);
      const lessonAfter = await client(restarted, 'lesson-2');
      expect([...lessonAfter.board.elements.keys()].sort()).toEqual(
        [...lessonStrokes, ...otherDrawn].sort(),
      );
    },
    60_000,
  );

  it('a damaged page found while running closes that board with 1011; other boards serve', async () => {
    const dataDir = tempDir('damaged-later');
    // One board whose snapshot spans many overflow pages of a pattern we can find on disk.
    const store = openSqliteStore(dataDir);
    store.compact('damaged', new Uint8Array(200_000).fill(0x5a));
    await store.close();
    const server = await serverOn(dataDir);

    // The disk goes bad under the running server: one of those pages turns to junk.
    const file = join(dataDir, 'roundtable.sqlite');
    const bytes = readFileSync(file);
    let page = -1;
    for (let p = 1; p < bytes.length / PAGE && page < 0; p++) {
      const body = bytes.subarray(p * PAGE + 4, (p + 1) * PAGE);
      if (body.every((b) => b === 0x5a)) page = p;
    }
    expect(page).toBeGreaterThan(0);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(PAGE, 0xff), 0, PAGE, page * PAGE);
    closeSync(fd);

    const raw = await connectRaw(server.url, '/ws/damaged');
    expect((await raw.closed).code).toBe(CLOSE.internal);
    const state = await fetch(`${server.url}/api/boards/damaged/state`);
    expect(state.status).toBe(503);

    const unhealthy = await health(server);
    expect(unhealthy.status).toBe('degraded');
    expect(unhealthy.storage.lastFailure).toMatchObject({
      operation: 'load',
      code: 'SQLITE_CORRUPT',
      boards: ['damaged'],
    });
    expect(await storageErrors(server, 'load')).toBeGreaterThan(0);

    // Every other board carries on, and a stored change brings /healthz back to ok.
    const a = await client(server, 'healthy');
    const b = await client(server, 'healthy');
    const id = drawStroke(a);
    await eventually(() => expect(b.board.elements.has(id)).toBe(true));
    expect((await health(server)).status).toBe('ok');
    expect(server.process.exitCode).toBeNull();
  });
});
