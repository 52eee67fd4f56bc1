import type { StorageFailure } from './storage-health';

/** One update of one board, as appended to the log. */
export interface BoardUpdate {
  readonly boardId: string;
  readonly update: Uint8Array;
}

/**
 * Where boards live on disk. A board is a snapshot plus a log of updates appended since;
 * loading applies both, compaction folds the log into a new snapshot. SQLite's calls are
 * synchronous: once `append` returns, the update survives a crash of this process.
 * PostgreSQL's (cluster mode) `append` and `compact` return a promise instead: the update is
 * stored once it resolves, and promises resolve in the order the calls were made.
 */
export interface BoardStore {
  /** The snapshot (if any) followed by the logged updates, oldest first. */
  load(boardId: string): Uint8Array[];
  /** Appends every update, in order, all or none (one transaction). */
  append(updates: readonly BoardUpdate[]): void | Promise<void>;
  /** Replaces the snapshot with `state` and empties the log, atomically. */
  compact(boardId: string, state: Uint8Array): void | Promise<void>;
  /** Updates logged since the last compaction. */
  logLength(boardId: string): number;
  /** Every board with anything stored. */
  listBoards(): string[];
  /** Whether anything is stored for this board. */
  hasBoard(boardId: string): boolean;
  /** Forgets a board entirely. */
  deleteBoard(boardId: string): void;
  /** Flushes and closes; resolves once nothing touches the files any more. */
  close(): Promise<void>;
  /**
   * Calls `listener` whenever a call fails, before the caller sees the error (a store
   * guarded by `guardStore` only: see storage-health.ts).
   */
  onFailure?(listener: (failure: StorageFailure) => void): void;
}
