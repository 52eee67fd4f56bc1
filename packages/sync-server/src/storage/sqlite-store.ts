import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BoardStore } from './board-store';

export type SynchronousMode = 'NORMAL' | 'FULL';

/**
 * BoardStore in one SQLite file (WAL). With synchronous=NORMAL a committed append survives
 * `kill -9` of the server; FULL also survives power loss, at an fsync per update.
 */
export function openSqliteStore(
  dataDir: string,
  synchronous: SynchronousMode = 'NORMAL',
): BoardStore {
  const db = new Database(join(dataDir, 'roundtable.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(`
    CREATE TABLE IF NOT EXISTS board_snapshots (
      board_id   TEXT PRIMARY KEY,
      state      BLOB NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS board_updates (
      id       INTEGER PRIMARY KEY AUTOINCREMENT,
      board_id TEXT NOT NULL,
      data     BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS board_updates_by_board ON board_updates (board_id, id);
  `);

  const selectSnapshot = db.prepare<[string], { state: Buffer }>(
    'SELECT state FROM board_snapshots WHERE board_id = ?',
  );
  const selectUpdates = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM board_updates WHERE board_id = ? ORDER BY id',
  );
  const countUpdates = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?',
  );
  const insertUpdate = db.prepare('INSERT INTO board_updates (board_id, data) VALUES (?, ?)');
  const upsertSnapshot = db.prepare(
    `INSERT INTO board_snapshots (board_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const deleteUpdates = db.prepare('DELETE FROM board_updates WHERE board_id = ?');
  const compact = db.transaction((boardId: string, state: Uint8Array) => {
    upsertSnapshot.run(boardId, state, Date.now());
    deleteUpdates.run(boardId);
  });

  return {
    load(boardId) {
      const snapshot = selectSnapshot.get(boardId);
      const updates = selectUpdates.all(boardId).map((row) => new Uint8Array(row.data));
      return snapshot ? [new Uint8Array(snapshot.state), ...updates] : updates;
    },
    append(boardId, update) {
      insertUpdate.run(boardId, update);
    },
    compact(boardId, state) {
      compact(boardId, state);
    },
    logLength(boardId) {
      return countUpdates.get(boardId)?.n ?? 0;
    },
    close() {
      db.close();
    },
  };
}
