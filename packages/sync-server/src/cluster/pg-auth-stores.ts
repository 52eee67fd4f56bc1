import type { Pool } from 'pg';
import type { LibrarianStore, SessionRecord } from '../auth/librarian-store';
import type { FailureRecord, FailureStore } from '../auth/sign-in-limiter';
import type { EnrolledTable, TableStore } from '../auth/table-store';
import { log } from '../log';
import { ensureSchema } from './schema';

export const AUTH_SCHEMA = `
  CREATE TABLE IF NOT EXISTS librarian_pin (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    hash TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS librarian_sessions (
    token_hash TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL,
    idle_ms    BIGINT,
    last_used  BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS sign_in_failures (
    address TEXT PRIMARY KEY,
    count   INTEGER NOT NULL,
    until   BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS enrolled_tables (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    secret_hash TEXT NOT NULL UNIQUE,
    created_at  BIGINT NOT NULL
  );
`;

/** What one process tells the others when the librarian's state changes. */
export type AuthEvent =
  | { type: 'pin' }
  | { type: 'session-ended'; tokenHash: string }
  | { type: 'tables' };

/**
 * Failed sign-in tries in PostgreSQL: one address's record is read and written in a
 * transaction holding its row, so guesses sent to several processes at once are counted one
 * by one, exactly as on a single process.
 */
export function pgFailureStore(pool: Pool): FailureStore {
  return {
    async update(address, change) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          'INSERT INTO sign_in_failures (address, count, until) VALUES ($1, 0, 0) ON CONFLICT DO NOTHING',
          [address],
        );
        const { rows } = await client.query<{ count: number; until: string }>(
          'SELECT count, until FROM sign_in_failures WHERE address = $1 FOR UPDATE',
          [address],
        );
        const row = rows[0]!;
        const current: FailureRecord | undefined =
          row.count === 0 ? undefined : { count: row.count, until: Number(row.until) };
        const { next, result } = change(current);
        if (next) {
          await client.query(
            'UPDATE sign_in_failures SET count = $2, until = $3 WHERE address = $1',
            [address, next.count, next.until],
          );
        } else await client.query('DELETE FROM sign_in_failures WHERE address = $1', [address]);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async delete(address) {
      await pool.query('DELETE FROM sign_in_failures WHERE address = $1', [address]);
    },
  };
}

/**
 * The librarian's PIN and sessions in PostgreSQL, for every process of a cluster. Reads are
 * answered from memory: the PIN is read at start and again when another process sets it;
 * a session is read into memory (`prime`) when a request names it, so a cookie issued by one
 * process works on all, and a sign-out anywhere ends it everywhere (`heard`).
 */
export class PgLibrarianStore implements LibrarianStore {
  private pin: string | null = null;
  private readonly sessions = new Map<string, SessionRecord | null>();
  readonly failures: FailureStore;

  constructor(
    private readonly pool: Pool,
    private readonly tell: (event: AuthEvent) => void,
  ) {
    this.failures = pgFailureStore(pool);
  }

  async start(): Promise<void> {
    await ensureSchema(this.pool, AUTH_SCHEMA);
    await this.readPin();
  }

  async readPin(): Promise<void> {
    const { rows } = await this.pool.query<{ hash: string }>(
      'SELECT hash FROM librarian_pin WHERE id = 1',
    );
    this.pin = rows[0]?.hash ?? null;
  }

  /** Another process changed the librarian's state. */
  async heard(event: AuthEvent): Promise<void> {
    if (event.type === 'pin') {
      this.sessions.clear();
      await this.readPin();
    } else if (event.type === 'session-ended') this.sessions.delete(event.tokenHash);
  }

  pinHash(): string | null {
    return this.pin;
  }

  async setPinHash(hash: string): Promise<void> {
    // A new PIN signs everybody out.
    await this.pool.query(
      `WITH pin AS (
         INSERT INTO librarian_pin (id, hash) VALUES (1, $1)
         ON CONFLICT (id) DO UPDATE SET hash = excluded.hash
       )
       DELETE FROM librarian_sessions`,
      [hash],
    );
    this.pin = hash;
    this.sessions.clear();
    this.tell({ type: 'pin' });
  }

  async addSession(tokenHash: string, session: SessionRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO librarian_sessions (token_hash, expires_at, idle_ms, last_used) VALUES ($1, $2, $3, $4)',
      [tokenHash, session.expiresAt, session.idleMs, session.lastUsed],
    );
    this.sessions.set(tokenHash, { ...session });
  }

  async prime(tokenHash: string): Promise<void> {
    const { rows } = await this.pool.query<{
      expires_at: string;
      idle_ms: string | null;
      last_used: string;
    }>('SELECT expires_at, idle_ms, last_used FROM librarian_sessions WHERE token_hash = $1', [
      tokenHash,
    ]);
    const row = rows[0];
    this.sessions.set(
      tokenHash,
      row
        ? {
            expiresAt: Number(row.expires_at),
            idleMs: row.idle_ms === null ? null : Number(row.idle_ms),
            lastUsed: Number(row.last_used),
          }
        : null,
    );
  }

  session(tokenHash: string): SessionRecord | null {
    return this.sessions.get(tokenHash) ?? null;
  }

  async touchSession(tokenHash: string, lastUsed: number): Promise<void> {
    const session = this.sessions.get(tokenHash);
    if (session) session.lastUsed = lastUsed;
    await this.pool
      .query('UPDATE librarian_sessions SET last_used = $2 WHERE token_hash = $1', [
        tokenHash,
        lastUsed,
      ])
      .catch((error: Error) => log('session_touch_failed', { message: error.message }));
  }

  async setSessionIdle(tokenHash: string, idleMs: number): Promise<void> {
    const session = this.sessions.get(tokenHash);
    if (session) session.idleMs = idleMs;
    await this.pool.query('UPDATE librarian_sessions SET idle_ms = $2 WHERE token_hash = $1', [
      tokenHash,
      idleMs,
    ]);
  }

  async removeSession(tokenHash: string): Promise<void> {
    await this.pool.query('DELETE FROM librarian_sessions WHERE token_hash = $1', [tokenHash]);
    this.sessions.delete(tokenHash);
    this.tell({ type: 'session-ended', tokenHash });
  }
}

/** Enrolled tables in PostgreSQL; every process reloads them when one enrolls or revokes. */
export function pgTableStore(pool: Pool): TableStore {
  return {
    async all() {
      const { rows } = await pool.query<{
        id: string;
        name: string;
        secret_hash: string;
        created_at: string;
      }>('SELECT id, name, secret_hash, created_at FROM enrolled_tables ORDER BY created_at');
      return rows.map((row) => ({
        id: row.id,
        name: row.name,
        createdAt: Number(row.created_at),
        secretHash: row.secret_hash,
      }));
    },
    async add(table: EnrolledTable, secretHash: string) {
      await pool.query(
        'INSERT INTO enrolled_tables (id, name, secret_hash, created_at) VALUES ($1, $2, $3, $4)',
        [table.id, table.name, secretHash, table.createdAt],
      );
    },
    async remove(id: string) {
      const result = await pool.query('DELETE FROM enrolled_tables WHERE id = $1', [id]);
      return (result.rowCount ?? 0) > 0;
    },
  };
}
