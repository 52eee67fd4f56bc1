import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/storage/sqlite-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** How often SQLite has restarted this WAL from its beginning (its header counts). */
function walRestarts(walPath: string): number {
  return readFileSync(walPath).readUInt32BE(12);
}

describe('the SQLite write-ahead log under steady writing', () => {
  it('restarts from its beginning instead of growing, and loses nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roundtable-wal-'));
    dirs.push(dir);
    const walPath = join(dir, 'roundtable.sqlite-wal');
    // A small restart threshold, so that a few seconds of appends cross it many times.
    const store = openSqliteStore(dir, 'NORMAL', 64);
    const update = new Uint8Array(300).fill(7);
    // 2,000 appends about a millisecond apart: never a pause long enough for the checkpoint
    // worker to find the log whole on its own. Bounded by count, not by the clock, so a busy
    // machine makes the test slower, never different.
    const appended = 2_000;
    for (let i = 0; i < appended; i++) {
      store.append([{ boardId: 'steady', update }]);
      await sleep(1);
    }
    const restarts = walRestarts(walPath);
    const walBytes = statSync(walPath).size;
    expect(store.load('steady')).toHaveLength(appended);
    await store.close();

    expect(restarts).toBeGreaterThanOrEqual(2);
    // Every append writes at least a 4 KiB page: unrestarted, the log would hold them all.
    expect(walBytes).toBeLessThan((appended * 4096) / 2);
  }, 60_000);
});
