import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/storage/sqlite-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const PAGE = 4096;

/** Reads `length` bytes of the file at `offset` (fewer at its end). */
function readAt(fd: number, offset: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  return bytes.subarray(0, readSync(fd, bytes, 0, length, offset));
}

/**
 * Follows a WAL through SQLite's file format: its header counts the restarts (and carries
 * salts), and a frame belongs to the log as it is now while its salts match the header's.
 * `written` adds up the frames of every stretch between restarts, as read after each append.
 */
function walWatcher(walPath: string) {
  const fd = openSync(walPath, 'r');
  let restarts = -1;
  let frames = 0;
  let earlier = 0;
  return {
    /** Call after every append. */
    read() {
      const header = readAt(fd, 0, WAL_HEADER);
      const seq = header.readUInt32BE(12);
      if (restarts !== -1 && seq !== restarts) {
        earlier += frames;
        frames = 0;
      }
      restarts = seq;
      for (;;) {
        const at = WAL_HEADER + frames * (FRAME_HEADER + PAGE);
        const frame = readAt(fd, at, FRAME_HEADER);
        if (frame.length < FRAME_HEADER || !frame.subarray(8, 16).equals(header.subarray(16, 24)))
          break;
        frames++;
      }
    },
    get restarts() {
      return restarts;
    },
    /** Frames written since the watcher started (restarts overwrite the file's start). */
    get written() {
      return earlier + frames;
    },
    close: () => closeSync(fd),
  };
}

describe('the SQLite write-ahead log under steady writing', () => {
  it('restarts from its beginning instead of growing, and loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtable-wal-'));
    dirs.push(dir);
    const walPath = join(dir, 'roundtable.sqlite-wal');
    // A small restart threshold, so that a few seconds of appends cross it many times.
    const store = openSqliteStore(dir, 'NORMAL', 64);
    const update = new Uint8Array(300).fill(7);
    // Appends about a millisecond apart (the pause lets the worker's messages in): never a
    // pause long enough for the checkpoint worker to find the log whole on its own. Bounded
    // by what happens, not by the clock: it writes until the log has restarted twice, so a
    // busy machine makes the test slower, never different. Without the writer's checkpoint
    // there is no restart at all, and the cap ends the test.
    const cap = 20_000;
    store.append([{ boardId: 'steady', update }]);
    let appended = 1;
    const wal = walWatcher(walPath);
    wal.read();
    const before = wal.restarts;
    while (wal.restarts - before < 2 && appended < cap) {
      store.append([{ boardId: 'steady', update }]);
      appended++;
      wal.read();
      await sleep(1);
    }
    wal.close();
    const restarts = wal.restarts - before;
    const walBytes = statSync(walPath).size;
    expect(store.load('steady')).toHaveLength(appended);
    await store.close();

    expect(restarts).toBeGreaterThanOrEqual(2);
    // Unrestarted, the file would hold every frame written; restarted, it reuses its start.
    expect(walBytes).toBeLessThan(WAL_HEADER + wal.written * (FRAME_HEADER + PAGE));
  }, 60_000);
});
