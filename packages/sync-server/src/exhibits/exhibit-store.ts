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

/**
 * An exhibit's row as either database returns it: SQLite gives `participants` as JSON text
 * and `created_at` as a number; PostgreSQL parses JSONB and gives BIGINT as a string.
 */
export interface ExhibitRow {
  id: string;
  board_id: string;
  title: string;
  group_name: string;
  participants: string | string[];
  description: string;
  routine: string | null;
  created_at: number | string;
}

/** The columns of `ExhibitRow`, in the order `exhibitValues` gives them. */
export const EXHIBIT_COLUMNS =
  'id, board_id, title, group_name, participants, description, routine, created_at';

export const exhibitInfo = (row: ExhibitRow): ExhibitInfo => ({
  id: row.id,
  boardId: row.board_id,
  title: row.title,
  group: row.group_name,
  participants:
    typeof row.participants === 'string'
      ? (JSON.parse(row.participants) as string[])
      : row.participants,
  description: row.description,
  routine: row.routine,
  createdAt: Number(row.created_at),
});

/** A whole exhibit from its row with the snapshot and SVG columns. */
export const exhibitOfRow = (row: ExhibitRow & { snapshot: Uint8Array; svg: string }): Exhibit => ({
  ...exhibitInfo(row),
  snapshot: new Uint8Array(row.snapshot),
  svg: row.svg,
});

/**
 * What an insert stores: the values of `EXHIBIT_COLUMNS`, then snapshot and SVG (the
 * snapshot as the database's driver wants bytes).
 */
export const exhibitValues = (e: Exhibit, snapshot: unknown = e.snapshot): unknown[] => [
  e.id,
  e.boardId,
  e.title,
  e.group,
  JSON.stringify(e.participants),
  e.description,
  e.routine,
  e.createdAt,
  snapshot,
  e.svg,
];

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
  const insert = db.prepare(
    `INSERT INTO exhibits (${EXHIBIT_COLUMNS}, snapshot, svg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectAll = db.prepare<[], ExhibitRow>(
    `SELECT ${EXHIBIT_COLUMNS} FROM exhibits ORDER BY created_at DESC, id`,
  );
  const selectOne = db.prepare<[string], ExhibitRow & { snapshot: Buffer; svg: string }>(
    `SELECT ${EXHIBIT_COLUMNS}, snapshot, svg FROM exhibits WHERE id = ?`,
  );
  const remove = db.prepare('DELETE FROM exhibits WHERE id = ?');
  return {
    async add(e) {
      insert.run(...exhibitValues(e));
    },
    list: async () => selectAll.all().map(exhibitInfo),
    async get(id) {
      const row = selectOne.get(id);
      return row ? exhibitOfRow(row) : null;
    },
    delete: async (id) => remove.run(id).changes > 0,
  };
}
