import type { ExhibitInfo } from '@roundtable/shared';
import type Database from 'better-sqlite3';

export interface Exhibit extends ExhibitInfo {
  /** The board's whole document when it was saved (a Yjs update). */
  snapshot: Uint8Array;
  /** The board rendered as SVG when it was saved. */
  svg: string;
}

/**
 * Exhibits are immutable: this store can add, read and delete them, and nothing else —
 * there is no update, so no API or socket can change one once saved. Asynchronous, so the
 * cluster's can be in PostgreSQL (cluster/pg-app-stores.ts).
 */
export interface ExhibitStore {
  add(exhibit: Exhibit): Promise<void>;
  list(): Promise<ExhibitInfo[]>;
  get(id: string): Promise<Exhibit | null>;
  delete(id: string): Promise<boolean>;
}

interface Row {
  id: string;
  board_id: string;
  title: string;
  group_name: string;
  participants: string;
  description: string;
  routine: string | null;
  created_at: number;
}

const toInfo = (row: Row): ExhibitInfo => ({
  id: row.id,
  boardId: row.board_id,
  title: row.title,
  group: row.group_name,
  participants: JSON.parse(row.participants) as string[],
  description: row.description,
  routine: row.routine,
  createdAt: row.created_at,
});

export function openExhibitStore(db: Database.Database): ExhibitStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS exhibits (
      id           TEXT PRIMARY KEY,
      board_id     TEXT NOT NULL,
      title        TEXT NOT NULL,
      group_name   TEXT NOT NULL,
      participants TEXT NOT NULL,
      description  TEXT NOT NULL,
      routine      TEXT,
      created_at   INTEGER NOT NULL,
      snapshot     BLOB NOT NULL,
      svg          TEXT NOT NULL
    );
  `);
  const columns = 'id, board_id, title, group_name, participants, description, routine, created_at';
  const insert = db.prepare(
    `INSERT INTO exhibits (${columns}, snapshot, svg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectAll = db.prepare<[], Row>(
    `SELECT ${columns} FROM exhibits ORDER BY created_at DESC, id`,
  );
  const selectOne = db.prepare<[string], Row & { snapshot: Buffer; svg: string }>(
    `SELECT ${columns}, snapshot, svg FROM exhibits WHERE id = ?`,
  );
  const remove = db.prepare('DELETE FROM exhibits WHERE id = ?');
  return {
    async add(e) {
      insert.run(
        e.id,
        e.boardId,
        e.title,
        e.group,
        JSON.stringify(e.participants),
        e.description,
        e.routine,
        e.createdAt,
        e.snapshot,
        e.svg,
      );
    },
    list: async () => selectAll.all().map(toInfo),
    async get(id) {
      const row = selectOne.get(id);
      return row ? { ...toInfo(row), snapshot: new Uint8Array(row.snapshot), svg: row.svg } : null;
    },
    delete: async (id) => remove.run(id).changes > 0,
  };
}
