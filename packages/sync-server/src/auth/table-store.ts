import type Database from 'better-sqlite3';

export interface EnrolledTable {
  readonly id: string;
  readonly name: string;
  readonly createdAt: number;
}

/**
 * Where enrolled tables are kept: their names and the hash of each one's secret. SQLite
 * answers at once, PostgreSQL (cluster mode) with promises.
 */
export interface TableStore {
  all():
    | (EnrolledTable & { secretHash: string })[]
    | Promise<(EnrolledTable & { secretHash: string })[]>;
  add(table: EnrolledTable, secretHash: string): void | Promise<void>;
  remove(id: string): boolean | Promise<boolean>;
}

/** In the app database (see storage/app-db.ts). */
export function openTableStore(db: Database.Database): TableStore {
  db.exec(`CREATE TABLE IF NOT EXISTS enrolled_tables (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL
  )`);
  const select = db.prepare<
    [],
    { id: string; name: string; secret_hash: string; created_at: number }
  >('SELECT id, name, secret_hash, created_at FROM enrolled_tables ORDER BY created_at');
  const insert = db.prepare(
    'INSERT INTO enrolled_tables (id, name, secret_hash, created_at) VALUES (?, ?, ?, ?)',
  );
  const remove = db.prepare('DELETE FROM enrolled_tables WHERE id = ?');
  return {
    all: () =>
      select.all().map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: row.created_at,
        secretHash: row.secret_hash,
      })),
    add: (table, hash) => void insert.run(table.id, table.name, hash, table.createdAt),
    remove: (id) => remove.run(id).changes > 0,
  };
}
