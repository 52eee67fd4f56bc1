import { log } from '../log';
import type { Metrics } from '../metrics';
import type { BoardStore } from './board-store';

/** What the server was doing with its storage when it failed. */
export type StorageOperation =
  | 'load'
  | 'append'
  | 'compact'
  | 'logLength'
  | 'listBoards'
  | 'hasBoard'
  | 'deleteBoard'
  | 'checkpoint'
  | 'close';

export interface StorageFailure {
  readonly operation: StorageOperation;
  /** The boards the failed call was about (none for checkpoints and listings). */
  readonly boards: readonly string[];
  /** SQLite's or the OS's code when there is one (SQLITE_FULL, SQLITE_CORRUPT, EROFS…). */
  readonly code: string | null;
  readonly message: string;
  readonly at: string;
}

/**
 * The one place storage errors that happen while the server runs are turned into what the
 * server reports: a log line, `roundtable_storage_errors_total`, and `/healthz`, which says
 * "degraded" (and what failed last) until a later write succeeds. Whoever must react to a
 * failure (the rooms close a board's devices) listens with `onFailure`.
 */
export class StorageHealth {
  private last: StorageFailure | null = null;
  private failing = false;
  private errors = 0;
  private readonly listeners: ((failure: StorageFailure) => void)[] = [];

  constructor(private readonly metrics: Metrics) {
    metrics.gauge(
      'roundtable_storage_degraded',
      'Whether the last storage call failed (1) or a write has succeeded since (0).',
      () => (this.failing ? 1 : 0),
    );
  }

  get status(): 'ok' | 'degraded' {
    return this.failing ? 'degraded' : 'ok';
  }

  /** For /healthz: how many calls failed since start, and the last failure (kept once recovered). */
  get report(): { errors: number; lastFailure: StorageFailure | null } {
    return { errors: this.errors, lastFailure: this.last };
  }

  onFailure(listener: (failure: StorageFailure) => void): void {
    this.listeners.push(listener);
  }

  /** Records a failed storage call and tells the listeners; never throws. */
  failed(operation: StorageOperation, error: unknown, boards: readonly string[] = []): void {
    const { code, message } = describe(error);
    const failure: StorageFailure = {
      operation,
      boards,
      code,
      message,
      at: new Date().toISOString(),
    };
    this.last = failure;
    this.failing = true;
    this.errors++;
    this.metrics.storageErrors.inc(1, operation);
    log('storage_error', { operation, boards, code, message });
    for (const listener of this.listeners) {
      try {
        listener(failure);
      } catch (failed) {
        log('storage_error_handler_failed', { operation, message: describe(failed).message });
      }
    }
  }

  /** A write reached the disk: storage works again. */
  wrote(): void {
    if (!this.failing) return;
    this.failing = false;
    log('storage_recovered', { after: this.last?.operation });
  }
}

function describe(error: unknown): { code: string | null; message: string } {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return {
    code: typeof code === 'string' ? code : null,
    message: typeof message === 'string' ? message : String(error),
  };
}

/**
 * The store, with every failing call reported to `health` before the error goes on to the
 * caller, and every successful write reported as a recovery. `close` never throws: at
 * shutdown, a failure is reported and the server still stops.
 */
export function guardStore(store: BoardStore, health: StorageHealth): BoardStore {
  function guarded<T>(operation: StorageOperation, boards: readonly string[], call: () => T): T {
    try {
      return call();
    } catch (error) {
      health.failed(operation, error, boards);
      throw error;
    }
  }
  /** A write: its failure is reported, its success (now, or when its promise resolves) too. */
  function written(
    operation: StorageOperation,
    boards: readonly string[],
    call: () => void | Promise<void>,
  ): void | Promise<void> {
    const result = guarded(operation, boards, call);
    if (!(result instanceof Promise)) {
      health.wrote();
      return;
    }
    return result.then(
      () => health.wrote(),
      (error: unknown) => {
        health.failed(operation, error, boards);
        throw error;
      },
    );
  }
  return {
    load: (boardId) => guarded('load', [boardId], () => store.load(boardId)),
    append: (updates) =>
      written('append', [...new Set(updates.map((u) => u.boardId))], () => store.append(updates)),
    compact: (boardId, state) => written('compact', [boardId], () => store.compact(boardId, state)),
    logLength: (boardId) => guarded('logLength', [boardId], () => store.logLength(boardId)),
    listBoards: () => guarded('listBoards', [], () => store.listBoards()),
    hasBoard: (boardId) => guarded('hasBoard', [boardId], () => store.hasBoard(boardId)),
    deleteBoard: (boardId) =>
      void written('deleteBoard', [boardId], () => store.deleteBoard(boardId)),
    async close() {
      try {
        await store.close();
      } catch (error) {
        health.failed('close', error);
      }
    },
    onFailure: (listener) => health.onFailure(listener),
  };
}
