import type { BoardDocSummary } from '@roundtable/shared';
import type Database from 'better-sqlite3';

/** What the librarian's list shows of a board, kept beside it (the devices on it aside). */
export interface StoredSummary extends BoardDocSummary {
  archived: boolean;
}

/**
 * The boards list, kept current as boards change (see BoardOps and the rooms' compactions),
 * so listing the boards reads one table rather than decoding every board.
 */
export interface BoardSummaries {
  /** Every board summarised so far (a board stored before summaries were kept is missing). */
  all(): Promise<Map<string, StoredSummary>>;
  /** What the board's document says now; the archived flag is left as it was. */
  put(boardId: string, summary: BoardDocSummary): Promise<void>;
  setArchived(boardId: string, archived: boolean): Promise<void>;
  remove(boardId: string): Promise<void>;
}

interface Row {
  board_id: string;
  title: string;
  elements: number;
  locked: number;
  pencil: 'open' | 'pencil';
  archived: number;
}

export function openBoardSummaries(db: Database.Database): BoardSummaries {
  db.exec(`CREATE TABLE IF NOT EXISTS board_summaries (
    board_id TEXT PRIMARY KEY,
    title    TEXT,
    elements INTEGER NOT NULL DEFAULT 0,
    locked   INTEGER NOT NULL DEFAULT 0,
    pencil   TEXT NOT NULL DEFAULT 'open',
    archived INTEGER NOT NULL DEFAULT 0
  )`);
  // Boards archived before summaries existed keep their flag (the old table goes).
  const legacy = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'archived_boards'")
    .get();
  if (legacy) {
    db.exec(`INSERT OR IGNORE INTO board_summaries (board_id, archived)
               SELECT board_id, 1 FROM archived_boards;
             DROP TABLE archived_boards`);
  }
  // A row with no title yet only holds the archived flag (the board was never summarised).
  const select = db.prepare<[], Row>('SELECT * FROM board_summaries WHERE title IS NOT NULL');
  const upsert = db.prepare(`INSERT INTO board_summaries (board_id, title, elements, locked, pencil)
    VALUES (@id, @title, @elements, @locked, @pencil)
    ON CONFLICT (board_id) DO UPDATE SET title = excluded.title, elements = excluded.elements,
      locked = excluded.locked, pencil = excluded.pencil`);
  const archive = db.prepare(`INSERT INTO board_summaries (board_id, archived) VALUES (?, ?)
    ON CONFLICT (board_id) DO UPDATE SET archived = excluded.archived`);
  const remove = db.prepare('DELETE FROM board_summaries WHERE board_id = ?');
  return {
    async all() {
      return new Map(select.all().map((row) => [row.board_id, summaryOfRow(row)]));
    },
    async put(boardId, summary) {
      upsert.run({ id: boardId, ...summary, locked: summary.locked ? 1 : 0 });
    },
    async setArchived(boardId, archived) {
      archive.run(boardId, archived ? 1 : 0);
    },
    async remove(boardId) {
      remove.run(boardId);
    },
  };
}

/** A stored row as the list's fields (SQLite and PostgreSQL both store flags as numbers). */
export function summaryOfRow(row: {
  title: string;
  elements: number;
  locked: number | boolean;
  pencil: string;
  archived: number | boolean;
}): StoredSummary {
  return {
    title: row.title,
    elements: Number(row.elements),
    locked: Boolean(row.locked),
    pencil: row.pencil === 'pencil' ? 'pencil' : 'open',
    archived: Boolean(row.archived),
  };
}
