import type { PgBoardStore } from '../cluster/pg-board-store';
import type { ServerConfig } from '../config';
import type { BoardStore } from './board-store';
import { openMemoryStore } from './memory-store';
import { openSqliteStore } from './sqlite-store';
import { prepareDataDir } from './start-check';
import { guardStore, type StorageHealth } from './storage-health';

/**
 * The board store the configuration asks for, once DATA_DIR and the database have passed
 * their start-up checks (otherwise a StorageStartError says which path is wrong and what to
 * do), with every failure from then on reported to `health`.
 */
export function openBoardStore(
  config: Pick<ServerConfig, 'dataDir' | 'storage' | 'dbSynchronous'>,
  health: StorageHealth,
): BoardStore {
  // Images live in DATA_DIR whatever keeps the boards.
  prepareDataDir(config.dataDir);
  const store =
    config.storage === 'memory'
      ? openMemoryStore()
      : openSqliteStore(config.dataDir, config.dbSynchronous, undefined, (error) =>
          health.failed('checkpoint', error),
        );
  return guardStore(store, health);
}

/**
 * Cluster mode: boards live in PostgreSQL (`boards`), reported to `health` like the SQLite
 * store. DATA_DIR is still checked, though the library's data is all in PostgreSQL too
 * (cluster/pg-auth-stores.ts, cluster/pg-app-stores.ts).
 */
export function openClusterStore(
  config: Pick<ServerConfig, 'dataDir'>,
  boards: PgBoardStore,
  health: StorageHealth,
): BoardStore {
  prepareDataDir(config.dataDir);
  return guardStore(boards, health);
}
