import type Database from 'better-sqlite3';
import type { FailureStore } from './sign-in-limiter';

export interface SessionRecord {
  expiresAt: number;
  /** On a shared screen (the table) the session also ends after this long unused. */
  idleMs: number | null;
  lastUsed: number;
}

/**
 * Where the librarian's PIN hash, sign-in sessions and failed tries are kept. Reads are
 * synchronous; writes may return a promise (PostgreSQL), which callers await before they
 * answer. A store that keeps a cache (cluster mode) reads a session into it with `prime`,
 * which the server calls before it looks at a request's cookie.
 */
export interface LibrarianStore {
  pinHash(): string | null;
  setPinHash(hash: string): void | Promise<void>;
  addSession(tokenHash: string, session: SessionRecord): void | Promise<void>;
  session(tokenHash: string): SessionRecord | null;
  touchSession(tokenHash: string, lastUsed: number): void | Promise<void>;
  /** Makes a session one of a shared screen's (it then locks when left unused). */
  setSessionIdle(tokenHash: string, idleMs: number): void | Promise<void>;
  removeSession(tokenHash: string): void | Promise<void>;
  prime?(tokenHash: string): Promise<void>;
  readonly failures: FailureStore;
}

/** In the app database (see storage/app-db.ts). */
export function openLibrarianStore(db: Database.Database): LibrarianStore {
  db.exec(`
    CREATE TABLE IF NOT EXISTS librarian_pin (
      id   INTEGER PRIMARY KEY CHECK (id = 1),
      hash TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS librarian_sessions (
      token_hash TEXT PRIMARY KEY,
      expires_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sign_in_failures (
      address TEXT PRIMARY KEY,
      count   INTEGER NOT NULL,
      until   INTEGER NOT NULL
    );
  `);
  // Sessions from before shared-screen locking had neither column.
  const columns = new Set(
    db
      .prepare<[], { name: string }>('PRAGMA table_info(librarian_sessions)')
      .all()
      .map((c) => c.name),
  );
  if (!columns.has('idle_ms')) db.exec('ALTER TABLE librarian_sessions ADD COLUMN idle_ms INTEGER');
  if (!columns.has('last_used')) {
    db.exec('ALTER TABLE librarian_sessions ADD COLUMN last_used INTEGER NOT NULL DEFAULT 0');
  }
  const getPin = db.prepare<[], { hash: string }>('SELECT hash FROM librarian_pin WHERE id = 1');
  const putPin = db.prepare(
    'INSERT INTO librarian_pin (id, hash) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hash = excluded.hash',
  );
  const putSession = db.prepare(
    'INSERT INTO librarian_sessions (token_hash, expires_at, idle_ms, last_used) VALUES (?, ?, ?, ?)',
  );
  const getSession = db.prepare<
    [string],
    { expires_at: number; idle_ms: number | null; last_used: number }
  >('SELECT expires_at, idle_ms, last_used FROM librarian_sessions WHERE token_hash = ?');
  const touch = db.prepare('UPDATE librarian_sessions SET last_used = ? WHERE token_hash = ?');
  const setIdle = db.prepare('UPDATE librarian_sessions SET idle_ms = ? WHERE token_hash = ?');
  const deleteSession = db.prepare('DELETE FROM librarian_sessions WHERE token_hash = ?');
  const deleteExpired = db.prepare('DELETE FROM librarian_sessions WHERE expires_at <= ?');
  const dropSessions = db.prepare('DELETE FROM librarian_sessions');
  const getFailure = db.prepare<[string], { count: number; until: number }>(
    'SELECT count, until FROM sign_in_failures WHERE address = ?',
  );
  const putFailure = db.prepare(
    'INSERT INTO sign_in_failures (address, count, until) VALUES (?, ?, ?) ON CONFLICT (address) DO UPDATE SET count = excluded.count, until = excluded.until',
  );
  const deleteFailure = db.prepare('DELETE FROM sign_in_failures WHERE address = ?');
  return {
    pinHash: () => getPin.get()?.hash ?? null,
    setPinHash(hash) {
      // A new PIN signs everybody out.
      db.transaction(() => {
        putPin.run(hash);
        dropSessions.run();
      })();
    },
    addSession(tokenHash, { expiresAt, idleMs, lastUsed }) {
      deleteExpired.run(Date.now());
      putSession.run(tokenHash, expiresAt, idleMs, lastUsed);
    },
    session(tokenHash) {
      const row = getSession.get(tokenHash);
      return row
        ? { expiresAt: row.expires_at, idleMs: row.idle_ms, lastUsed: row.last_used }
        : null;
    },
    touchSession: (tokenHash, lastUsed) => void touch.run(lastUsed, tokenHash),
    setSessionIdle: (tokenHash, idleMs) => void setIdle.run(idleMs, tokenHash),
    removeSession: (tokenHash) => void deleteSession.run(tokenHash),
    failures: {
      update: (address, change) =>
        db.transaction(() => {
          const { next, result } = change(getFailure.get(address));
          if (next) putFailure.run(address, next.count, next.until);
          else deleteFailure.run(address);
          return result;
        })(),
      delete: (address) => void deleteFailure.run(address),
    },
  };
}
