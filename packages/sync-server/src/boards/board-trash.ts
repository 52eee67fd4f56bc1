import type Database from 'better-sqlite3';

/** How long a deleted board, or what a clear took off a board, can be brought back. */
export const KEEP_FOR_MS = 30 * 24 * 60 * 60 * 1000;

export interface TrashedBoard {
  id: string;
  title: string;
  trashedAt: number;
  /** After this a deleted board is gone for good. */
  restoreUntil: number;
}

export interface BoardTrash {
  /** A deleted board's whole document, kept to bring back. */
  putDeleted(boardId: string, title: string, snapshot: Uint8Array, now?: number): Promise<void>;
  listDeleted(now?: number): Promise<TrashedBoard[]>;
  /** Takes a deleted board out of the trash (its snapshot), or null if it is not there. */
  takeDeleted(boardId: string, now?: number): Promise<Uint8Array | null>;
  /** The board as it was before its last clear, kept to undo the clear. */
  putCleared(boardId: string, snapshot: Uint8Array, now?: number): Promise<void>;
  takeCleared(boardId: string, now?: number): Promise<Uint8Array | null>;
  hasCleared(boardId: string, now?: number): Promise<boolean>;
}

/**
 * The librarian's safety net: deleted boards and cleared content, kept in the app database
 * for 30 days (older ones are dropped whenever the trash is looked at).
 */
export function openBoardTrash(db: Database.Database): BoardTrash {
  db.exec(`CREATE TABLE IF NOT EXISTS trashed_boards (
    board_id   TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    snapshot   BLOB NOT NULL,
    trashed_at INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS cleared_boards (
    board_id   TEXT PRIMARY KEY,
    snapshot   BLOB NOT NULL,
    cleared_at INTEGER NOT NULL
  )`);
  const purge = (now: number) => {
    db.prepare('DELETE FROM trashed_boards WHERE trashed_at < ?').run(now - KEEP_FOR_MS);
    db.prepare('DELETE FROM cleared_boards WHERE cleared_at < ?').run(now - KEEP_FOR_MS);
  };
  const take = (table: 'trashed_boards' | 'cleared_boards', boardId: string, now: number) => {
    purge(now);
    const row = db.prepare(`SELECT snapshot FROM ${table} WHERE board_id = ?`).get(boardId) as
      | { snapshot: Buffer }
      | undefined;
    if (!row) return null;
    db.prepare(`DELETE FROM ${table} WHERE board_id = ?`).run(boardId);
    return new Uint8Array(row.snapshot);
  };
  return {
    async putDeleted(boardId, title, snapshot, now = Date.now()) {
      db.prepare(
        'INSERT OR REPLACE INTO trashed_boards (board_id, title, snapshot, trashed_at) VALUES (?, ?, ?, ?)',
      ).run(boardId, title, Buffer.from(snapshot), now);
    },
    async listDeleted(now = Date.now()) {
      purge(now);
      const rows = db
        .prepare('SELECT board_id, title, trashed_at FROM trashed_boards ORDER BY trashed_at DESC')
        .all() as { board_id: string; title: string; trashed_at: number }[];
      return rows.map((r) => ({
        id: r.board_id,
        title: r.title,
        trashedAt: r.trashed_at,
        restoreUntil: r.trashed_at + KEEP_FOR_MS,
      }));
    },
    takeDeleted: async (boardId, now = Date.now()) => take('trashed_boards', boardId, now),
    async putCleared(boardId, snapshot, now = Date.now()) {
      db.prepare(
        'INSERT OR REPLACE INTO cleared_boards (board_id, snapshot, cleared_at) VALUES (?, ?, ?)',
      ).run(boardId, Buffer.from(snapshot), now);
    },
    takeCleared: async (boardId, now = Date.now()) => take('cleared_boards', boardId, now),
    async hasCleared(boardId, now = Date.now()) {
      purge(now);
      return (
        db.prepare('SELECT 1 FROM cleared_boards WHERE board_id = ?').get(boardId) !== undefined
      );
    },
  };
}
