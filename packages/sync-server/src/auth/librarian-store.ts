import type Database from 'better-sqlite3';

/** Where the librarian's PIN hash and sign-in sessions are kept. */
export interface LibrarianStore {
  pinHash(): string | null;
  setPinHash(hash: string): void;
  addSession(tokenHash: string, expiresAt: number): void;
  hasSession(tokenHash: string, now: number): boolean;
  removeSession(tokenHash: string): void;
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
  `);
  const getPin = db.prepare<[], { hash: string }>('SELECT hash FROM librarian_pin WHERE id = 1');
  const putPin = db.prepare(
    'INSERT INTO librarian_pin (id, hash) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET hash = excluded.hash',
  );
  const putSession = db.prepare(
    'INSERT INTO librarian_sessions (token_hash, expires_at) VALUES (?, ?)',
  );
  const getSession = db.prepare<[string, number], { token_hash: string }>(
    'SELECT token_hash FROM librarian_sessions WHERE token_hash = ? AND expires_at > ?',
  );
  const deleteSession = db.prepare('DELETE FROM librarian_sessions WHERE token_hash = ?');
  const deleteExpired = db.prepare('DELETE FROM librarian_sessions WHERE expires_at <= ?');
  const dropSessions = db.prepare('DELETE FROM librarian_sessions');
  return {
    pinHash: () => getPin.get()?.hash ?? null,
    setPinHash(hash) {
      // A new PIN signs everybody out.
      db.transaction(() => {
        putPin.run(hash);
        dropSessions.run();
      })();
    },
    addSession(tokenHash, expiresAt) {
      deleteExpired.run(Date.now());
      putSession.run(tokenHash, expiresAt);
    },
    hasSession: (tokenHash, now) => getSession.get(tokenHash, now) !== undefined,
    removeSession: (tokenHash) => void deleteSession.run(tokenHash),
  };
}
