import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The database for everything that is not a board's updates (the librarian, exhibits): the
 * same SQLite file as the boards on its own connection (WAL lets both write), or in memory
 * when the server keeps nothing on disk (STORAGE=memory, the benchmark's mode).
 */
export function openAppDb(dataDir: string | null): Database.Database {
  const db = new Database(dataDir === null ? ':memory:' : join(dataDir, 'roundtable.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 2000');
  return db;
}
