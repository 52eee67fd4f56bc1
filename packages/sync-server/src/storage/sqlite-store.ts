import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { log } from '../log';
import type { BoardStore, BoardUpdate } from './board-store';
import { checkDatabase } from './start-check';

const CHECKPOINT_INTERVAL_MS = 500;
/**
 * Under steady writing, restart the WAL once it holds this many pages (4 KiB each): about
 * 32 MiB. That restart costs the writer a checkpoint with two fsyncs on the event loop
 * (about 2 ms, more on a busy disk), so it is rare: every 8 s or so with a whole class
 * drawing. When writing pauses, the WAL restarts by itself at no one's cost.
 */
const RESTART_WAL_AFTER_FRAMES = 8_192;
/** SQLite's own checkpoint (inside an append) only if the worker falls this far behind. */
const BACKSTOP_CHECKPOINT_PAGES = 32_768;

/** Called with what went wrong in work the store does on its own (the WAL checkpoints). */
export type BackgroundFailure = (error: Error & { code?: string }) => void;

/**
 * Starts the checkpoint worker. When it has copied the WAL as it stood when its pass began,
 * `onCaughtUp` runs a checkpoint on the writer's connection: only what came since is left
 * to copy, and as nothing is appended meanwhile, SQLite restarts the WAL from its beginning
 * at the next append. While appends keep coming, no pass on the worker finds the WAL whole
 * (each takes longer than the gap between two appends), so without this it grows unbounded.
 * Nothing the worker meets (a full disk, a damaged page) is thrown on this thread.
 */
function startCheckpointer(
  path: string,
  restartAfterFrames: number,
  onCaughtUp: () => void,
  onFailure: BackgroundFailure,
): Worker {
  const worker = new Worker(new URL('./checkpoint-worker.js', import.meta.url), {
    workerData: { path, intervalMs: CHECKPOINT_INTERVAL_MS, restartAfterFrames },
  });
  worker.on('message', (message: { error?: string; code?: string; caughtUp?: boolean }) => {
    if (message.error) {
      onFailure(Object.assign(new Error(message.error), { code: message.code }));
    }
    if (message.caughtUp) onCaughtUp();
  });
  worker.on('error', onFailure);
  worker.unref();
  return worker;
}

export type SynchronousMode = 'NORMAL' | 'FULL';

/**
 * BoardStore in one SQLite file (WAL). With synchronous=NORMAL a committed append survives
 * `kill -9` of the server; FULL also survives power loss, at an fsync per update.
 *
 * The log is one WITHOUT ROWID b-tree keyed by (board, seq), so an append dirties about one
 * page. WAL checkpoints run on a worker thread (see checkpoint-worker.js); SQLite's own,
 * which would run inside an append, is only a backstop.
 */
export function openSqliteStore(
  dataDir: string,
  synchronous: SynchronousMode = 'NORMAL',
  /** WAL pages before the writer restarts it (tests use a small number). */
  restartWalAfterFrames = RESTART_WAL_AFTER_FRAMES,
  /** Told of checkpoints that failed; they are logged whether or not anyone listens. */
  onBackgroundFailure: BackgroundFailure = () => {},
): BoardStore {
  const path = join(dataDir, 'roundtable.sqlite');
  // A damaged or read-only file stops the server here, with a message saying so.
  checkDatabase(path);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`);
  db.exec(`
    CREATE TABLE IF NOT EXISTS board_snapshots (
      board_id   TEXT PRIMARY KEY,
      state      BLOB NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS board_updates (
      board_id TEXT NOT NULL,
      seq      INTEGER NOT NULL,
      data     BLOB NOT NULL,
      PRIMARY KEY (board_id, seq)
    ) WITHOUT ROWID;
  `);

  const selectSnapshot = db.prepare<[string], { state: Buffer }>(
    'SELECT state FROM board_snapshots WHERE board_id = ?',
  );
  const selectUpdates = db.prepare<[string], { data: Buffer }>(
    'SELECT data FROM board_updates WHERE board_id = ? ORDER BY seq',
  );
  const logStats = db.prepare<[string], { n: number; last: number | null }>(
    'SELECT COUNT(*) AS n, MAX(seq) AS last FROM board_updates WHERE board_id = ?',
  );
  const insertUpdate = db.prepare(
    'INSERT INTO board_updates (board_id, seq, data) VALUES (?, ?, ?)',
  );
  const upsertSnapshot = db.prepare(
    `INSERT INTO board_snapshots (board_id, state, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const selectBoards = db.prepare<[], { board_id: string }>(
    'SELECT board_id FROM board_snapshots UNION SELECT DISTINCT board_id FROM board_updates',
  );
  const anyStored = db.prepare<[string, string], { found: number }>(
    `SELECT EXISTS (SELECT 1 FROM board_snapshots WHERE board_id = ?)
         OR EXISTS (SELECT 1 FROM board_updates WHERE board_id = ?) AS found`,
  );
  const deleteUpdates = db.prepare('DELETE FROM board_updates WHERE board_id = ?');
  const deleteSnapshot = db.prepare('DELETE FROM board_snapshots WHERE board_id = ?');
  const appendAll = db.transaction((updates: readonly BoardUpdate[]) => {
    for (const { boardId, update } of updates) insertUpdate.run(boardId, takeSeq(boardId), update);
  });
  const compact = db.transaction((boardId: string, state: Uint8Array) => {
    upsertSnapshot.run(boardId, state, Date.now());
    deleteUpdates.run(boardId);
  });

  let open = true;
  const backgroundFailure: BackgroundFailure = (error) => {
    log('checkpoint_failed', { code: error.code, message: error.message });
    onBackgroundFailure(error);
  };
  const checkpointer = startCheckpointer(
    path,
    restartWalAfterFrames,
    () => {
      if (!open) return;
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } catch (error) {
        backgroundFailure(error as Error);
      }
    },
    backgroundFailure,
  );
  let checkpointerExited = false;
  checkpointer.once('exit', () => {
    checkpointerExited = true;
  });

  /** Next sequence number per board, read once from the table. */
  const nextSeq = new Map<string, number>();
  const takeSeq = (boardId: string) => {
    const seq = nextSeq.get(boardId) ?? (logStats.get(boardId)?.last ?? -1) + 1;
    nextSeq.set(boardId, seq + 1);
    return seq;
  };

  return {
    load(boardId) {
      const snapshot = selectSnapshot.get(boardId);
      const updates = selectUpdates.all(boardId).map((row) => new Uint8Array(row.data));
      return snapshot ? [new Uint8Array(snapshot.state), ...updates] : updates;
    },
    append(updates) {
      try {
        appendAll(updates);
      } catch (error) {
        // Rolled back: read the next sequence numbers from the table again.
        nextSeq.clear();
        throw error;
      }
    },
    compact(boardId, state) {
      compact(boardId, state);
    },
    logLength(boardId) {
      return logStats.get(boardId)?.n ?? 0;
    },
    deleteBoard(boardId) {
      db.transaction(() => {
        deleteUpdates.run(boardId);
        deleteSnapshot.run(boardId);
      })();
      nextSeq.delete(boardId);
    },
    listBoards() {
      return selectBoards.all().map((row) => row.board_id);
    },
    hasBoard(boardId) {
      return anyStored.get(boardId, boardId)?.found === 1;
    },
    async close() {
      if (!open) return; // closing twice must not wait for a worker that is gone
      open = false;
      // A worker that failed to start (or died) is gone already: no 'exit' is coming.
      if (!checkpointerExited) {
        const stopped = new Promise((resolve) => checkpointer.once('exit', resolve));
        checkpointer.postMessage('stop');
        await stopped;
      }
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        // Whatever is still in the WAL is safe there; the next start reads it.
        db.close();
      }
    },
  };
}
