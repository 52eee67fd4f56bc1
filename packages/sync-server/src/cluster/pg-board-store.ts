import type { Client, Pool } from 'pg';
import type { BoardStore, BoardUpdate } from '../storage/board-store';
import { ensureSchema } from './schema';

/** Boards in PostgreSQL: the same snapshot + log as in SQLite. */
export const BOARD_SCHEMA = `
  CREATE TABLE IF NOT EXISTS board_snapshots (
    board_id   TEXT PRIMARY KEY,
    state      BYTEA NOT NULL,
    updated_at BIGINT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS board_updates (
    board_id TEXT NOT NULL,
    seq      BIGSERIAL,
    update   BYTEA NOT NULL,
    PRIMARY KEY (board_id, seq)
  );
`;

/**
 * A BoardStore over PostgreSQL for cluster mode. Writes go through `writer`, the one
 * connection that holds this process's board locks (see ownership.ts): if another process
 * fenced this one off by ending that connection, every later write fails, so a paused owner
 * cannot append after losing a board. `append` and `compact` return promises (the relay
 * queue relays only after COMMIT, in order: one connection runs its queries in order).
 *
 * A room reads its board synchronously (`load`, `logLength`), so each owned board is mirrored
 * in memory as it stands in the database: `preload` fills the mirror when this process takes
 * a board, every committed write keeps it current, `forget` drops it. Which boards exist is
 * mirrored for the whole cluster (`known`): loaded at start and kept current by the cluster's
 * board events.
 */
export class PgBoardStore implements BoardStore {
  private readonly mirrors = new Map<string, Uint8Array[]>();
  private readonly known = new Set<string>();

  constructor(
    private readonly pool: Pool,
    private readonly writer: () => Client,
    /** Tells the other processes a board appeared or was deleted. */
    private readonly announce: (event: 'created' | 'deleted', boardId: string) => void,
  ) {}

  async start(): Promise<void> {
    await ensureSchema(this.pool, BOARD_SCHEMA);
    const { rows } = await this.pool.query<{ board_id: string }>(
      'SELECT board_id FROM board_snapshots UNION SELECT DISTINCT board_id FROM board_updates',
    );
    for (const row of rows) this.known.add(row.board_id);
  }

  /** Another process created or deleted a board. */
  heard(event: 'created' | 'deleted', boardId: string): void {
    if (event === 'created') this.known.add(boardId);
    else this.known.delete(boardId);
  }

  /** Reads a board into memory before its room opens here (this process now owns it). */
  async preload(boardId: string): Promise<void> {
    const snapshot = await this.writer().query<{ state: Buffer }>(
      'SELECT state FROM board_snapshots WHERE board_id = $1',
      [boardId],
    );
    const updates = await this.writer().query<{ update: Buffer }>(
      'SELECT update FROM board_updates WHERE board_id = $1 ORDER BY seq',
      [boardId],
    );
    this.mirrors.set(boardId, [
      ...snapshot.rows.map((r) => new Uint8Array(r.state)),
      ...updates.rows.map((r) => new Uint8Array(r.update)),
    ]);
    if (this.mirrors.get(boardId)!.length > 0) this.known.add(boardId);
  }

  /** The board is no longer this process's: its mirror goes. */
  forget(boardId: string): void {
    this.mirrors.delete(boardId);
  }

  /** Everything stored for a board, read from the database (for boards owned elsewhere too). */
  async read(boardId: string): Promise<Uint8Array[]> {
    const mirror = this.mirrors.get(boardId);
    if (mirror) return [...mirror];
    const { rows } = await this.pool.query<{ bytes: Buffer }>(
      `SELECT state AS bytes FROM board_snapshots WHERE board_id = $1
       UNION ALL (SELECT update FROM board_updates WHERE board_id = $1 ORDER BY seq)`,
      [boardId],
    );
    return rows.map((r) => new Uint8Array(r.bytes));
  }

  load(boardId: string): Uint8Array[] {
    const mirror = this.mirrors.get(boardId);
    if (!mirror) throw new Error(`board ${boardId} was not preloaded on this process`);
    return [...mirror];
  }

  async append(updates: readonly BoardUpdate[]): Promise<void> {
    await this.writer().query(
      'INSERT INTO board_updates (board_id, update) SELECT * FROM unnest($1::text[], $2::bytea[])',
      [updates.map((u) => u.boardId), updates.map((u) => Buffer.from(u.update))],
    );
    for (const { boardId, update } of updates) {
      this.mirrors.get(boardId)?.push(update);
      if (!this.known.has(boardId)) {
        this.known.add(boardId);
        this.announce('created', boardId);
      }
    }
  }

  async compact(boardId: string, state: Uint8Array): Promise<void> {
    // One statement: the snapshot and the log it replaces change together. The writer runs
    // queries in order, so every update appended before is in `state`.
    await this.writer().query(
      `WITH snapshot AS (
         INSERT INTO board_snapshots (board_id, state, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
       )
       DELETE FROM board_updates WHERE board_id = $1`,
      [boardId, Buffer.from(state), Date.now()],
    );
    if (this.mirrors.has(boardId)) this.mirrors.set(boardId, [state]);
  }

  logLength(boardId: string): number {
    return Math.max(0, (this.mirrors.get(boardId)?.length ?? 1) - 1);
  }

  listBoards(): string[] {
    return [...this.known];
  }

  hasBoard(boardId: string): boolean {
    return this.known.has(boardId);
  }

  deleteBoard(boardId: string): void {
    this.known.delete(boardId);
    this.mirrors.delete(boardId);
    this.announce('deleted', boardId);
    void this.pool
      .query(
        'WITH s AS (DELETE FROM board_snapshots WHERE board_id = $1) DELETE FROM board_updates WHERE board_id = $1',
        [boardId],
      )
      .catch(() => {});
  }

  async close(): Promise<void> {
    this.mirrors.clear();
  }
}
