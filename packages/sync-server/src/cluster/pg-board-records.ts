import type { Pool } from 'pg';
import { type BoardSummaries, summaryOfRow } from '../boards/board-summaries';
import { type BoardTrash, KEEP_FOR_MS } from '../boards/board-trash';
import { ensureSchema } from './schema';

/** What the librarian keeps about boards besides their documents: summaries and the trash. */
export const BOARD_RECORDS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_summaries (
    board_id TEXT PRIMARY KEY,
    title    TEXT,
    elements INTEGER NOT NULL DEFAULT 0,
    locked   BOOLEAN NOT NULL DEFAULT FALSE,
    pencil   TEXT NOT NULL DEFAULT 'open',
    archived BOOLEAN NOT NULL DEFAULT FALSE
  );
  CREATE TABLE IF NOT EXISTS trashed_boards (
    board_id   TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    snapshot   BYTEA NOT NULL,
    trashed_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS cleared_boards (
    board_id   TEXT PRIMARY KEY,
    snapshot   BYTEA NOT NULL,
    cleared_at BIGINT NOT NULL
  );
`;

export async function startPgBoardRecords(pool: Pool): Promise<void> {
  await ensureSchema(pool, BOARD_RECORDS_SCHEMA);
}

/** The boards summary in PostgreSQL (see BoardSummaries): the same table every process reads. */
export function pgBoardSummaries(pool: Pool): BoardSummaries {
  return {
    async all() {
      const { rows } = await pool.query<{
        board_id: string;
        title: string;
        elements: number;
        locked: boolean;
        pencil: string;
        archived: boolean;
      }>('SELECT * FROM board_summaries WHERE title IS NOT NULL');
      return new Map(rows.map((row) => [row.board_id, summaryOfRow(row)]));
    },
    async put(boardId, { title, elements, locked, pencil }) {
      await pool.query(
        `INSERT INTO board_summaries (board_id, title, elements, locked, pencil)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (board_id) DO UPDATE SET title = excluded.title,
           elements = excluded.elements, locked = excluded.locked, pencil = excluded.pencil`,
        [boardId, title, elements, locked, pencil],
      );
    },
    async setArchived(boardId, archived) {
      await pool.query(
        `INSERT INTO board_summaries (board_id, archived) VALUES ($1, $2)
         ON CONFLICT (board_id) DO UPDATE SET archived = excluded.archived`,
        [boardId, archived],
      );
    },
    async remove(boardId) {
      await pool.query('DELETE FROM board_summaries WHERE board_id = $1', [boardId]);
    },
  };
}

/** Deleted boards and cleared content in PostgreSQL, kept 30 days (see BoardTrash). */
export function pgBoardTrash(pool: Pool): BoardTrash {
  const purge = (now: number) =>
    pool.query(
      `WITH t AS (DELETE FROM trashed_boards WHERE trashed_at < $1)
       DELETE FROM cleared_boards WHERE cleared_at < $1`,
      [now - KEEP_FOR_MS],
    );
  /** Takes a snapshot out (one statement, so two processes cannot both take it). */
  const take = async (table: 'trashed_boards' | 'cleared_boards', boardId: string, now: number) => {
    await purge(now);
    const { rows } = await pool.query<{ snapshot: Buffer }>(
      `DELETE FROM ${table} WHERE board_id = $1 RETURNING snapshot`,
      [boardId],
    );
    return rows[0] ? new Uint8Array(rows[0].snapshot) : null;
  };
  return {
    async putDeleted(boardId, title, snapshot, now = Date.now()) {
      await pool.query(
        `INSERT INTO trashed_boards (board_id, title, snapshot, trashed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (board_id) DO UPDATE SET title = excluded.title,
           snapshot = excluded.snapshot, trashed_at = excluded.trashed_at`,
        [boardId, title, Buffer.from(snapshot), now],
      );
    },
    async listDeleted(now = Date.now()) {
      await purge(now);
      const { rows } = await pool.query<{ board_id: string; title: string; trashed_at: string }>(
        'SELECT board_id, title, trashed_at FROM trashed_boards ORDER BY trashed_at DESC',
      );
      return rows.map((r) => ({
        id: r.board_id,
        title: r.title,
        trashedAt: Number(r.trashed_at),
        restoreUntil: Number(r.trashed_at) + KEEP_FOR_MS,
      }));
    },
    takeDeleted: (boardId, now = Date.now()) => take('trashed_boards', boardId, now),
    async putCleared(boardId, snapshot, now = Date.now()) {
      await pool.query(
        `INSERT INTO cleared_boards (board_id, snapshot, cleared_at) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot,
           cleared_at = excluded.cleared_at`,
        [boardId, Buffer.from(snapshot), now],
      );
    },
    takeCleared: (boardId, now = Date.now()) => take('cleared_boards', boardId, now),
    async hasCleared(boardId, now = Date.now()) {
      await purge(now);
      const { rowCount } = await pool.query('SELECT 1 FROM cleared_boards WHERE board_id = $1', [
        boardId,
      ]);
      return (rowCount ?? 0) > 0;
    },
  };
}
