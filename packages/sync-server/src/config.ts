import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ABSENCE_GRACE_MS } from '@roundtable/shared';
import type { ClusterConfig } from './cluster/cluster';
import { PENCIL_GRACE_MS } from './rooms/pencil-keeper';
import type { CompactionPolicy } from './rooms/room';

export interface Limits {
  /** Largest WebSocket message accepted; bigger ones close the connection with 1009. */
  maxMessageBytes: number;
  /** Sustained messages per second per connection, and the burst allowed above it. */
  ratePerSecond: number;
  rateBurst: number;
  maxConnectionsPerBoard: number;
  maxConnectionsPerIp: number;
  /** Outgoing bytes queued for a socket that is not reading before it is dropped. */
  maxBufferedBytes: number;
  /** Largest awareness state (cursor, name, colour…) one client may publish. */
  maxAwarenessBytes: number;
  /** Largest image one upload may carry. */
  maxAssetBytes: number;
  /** Image uploads per minute from one IP address (a burst of the same size is allowed). */
  assetUploadsPerMinute: number;
}

export interface ServerConfig {
  /** Cluster mode: boards in PostgreSQL, coordination through Redis (both URLs set). */
  cluster: ClusterConfig | null;
  /** TCP port; 0 picks a free one (tests). */
  port: number;
  host: string;
  /** Where the SQLite database and uploaded assets live. */
  dataDir: string;
  /** The built board app (packages/board/dist). */
  appDir: string;
  /** `sqlite` keeps boards safe; `memory` exists only to measure what that costs. */
  storage: 'sqlite' | 'memory';
  /** SQLite synchronous mode: NORMAL survives a process crash, FULL also a power cut. */
  dbSynchronous: 'NORMAL' | 'FULL';
  /** When a board's update log is folded into its snapshot. */
  compaction: CompactionPolicy;
  /** How long a board stays in memory after its last device leaves. */
  roomLingerMs: number;
  limits: Limits;
  /** Sets (and replaces) the librarian's PIN at start; otherwise it is set in the web UI. */
  librarianPin: string | null;
  /** The librarian's session on a shared screen (the table) locks after this long unused. */
  librarianIdleMs: number;
  /** How long a pencil holder (or the table's seats) may drop off and still hold it. */
  pencilAbsenceGraceMs: number;
  /** How long after the pencil passes a stroke from its previous holder is still accepted. */
  pencilPassGraceMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULT_APP_DIR = fileURLToPath(new URL('../../board/dist', import.meta.url));

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, choices: readonly T[]): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return choices[0]!;
  const value = raw.toLowerCase();
  const match = choices.find((choice) => choice.toLowerCase() === value);
  if (!match) throw new ConfigError(`${name} must be one of ${choices.join(', ')} (got "${raw}")`);
  return match;
}

const MiB = 1024 * 1024;

function librarianPin(env: NodeJS.ProcessEnv): string | null {
  const pin = env.LIBRARIAN_PIN;
  if (pin === undefined || pin === '') return null;
  if (!/^\d{4,12}$/.test(pin)) throw new ConfigError('LIBRARIAN_PIN must be 4 to 12 digits');
  return pin;
}

/** Both URLs or neither: half a cluster is a mistake worth stopping for. */
function cluster(env: NodeJS.ProcessEnv): ClusterConfig | null {
  const databaseUrl = env.DATABASE_URL || '';
  const redisUrl = env.REDIS_URL || '';
  if (!databaseUrl && !redisUrl) return null;
  if (!databaseUrl || !redisUrl) {
    throw new ConfigError(
      `cluster mode needs both DATABASE_URL (PostgreSQL) and REDIS_URL; only ${
        databaseUrl ? 'DATABASE_URL' : 'REDIS_URL'
      } is set`,
    );
  }
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError('REDIS_URL must be a redis:// URL');
  return { databaseUrl, redisUrl };
}

/** Reads every setting from the environment; the README's configuration table lists them. */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  return {
    cluster: cluster(env),
    port: integer(env, 'PORT', 8080, 0, 65_535),
    host: env.HOST || '0.0.0.0',
    dataDir: resolve(env.DATA_DIR || './data'),
    appDir: resolve(env.APP_DIR || DEFAULT_APP_DIR),
    storage: oneOf(env, 'STORAGE', ['sqlite', 'memory'] as const),
    dbSynchronous: oneOf(env, 'DB_SYNCHRONOUS', ['NORMAL', 'FULL'] as const),
    compaction: {
      afterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 10_000, 1, 10_000_000),
      whenIdleMs: integer(env, 'COMPACT_WHEN_IDLE_MS', 3_000, 10, 3_600_000),
    },
    roomLingerMs: integer(env, 'ROOM_LINGER_MS', 30_000, 0, 3_600_000),
    librarianPin: librarianPin(env),
    librarianIdleMs: integer(env, 'LIBRARIAN_IDLE_MINUTES', 5, 1, 600) * 60_000,
    pencilAbsenceGraceMs: integer(env, 'PENCIL_ABSENCE_GRACE_MS', ABSENCE_GRACE_MS, 0, 600_000),
    pencilPassGraceMs: integer(env, 'PENCIL_PASS_GRACE_MS', PENCIL_GRACE_MS, 0, 60_000),
    limits: {
      maxMessageBytes: integer(env, 'MAX_MESSAGE_BYTES', 4 * MiB, 1024, 256 * MiB),
      ratePerSecond: integer(env, 'RATE_LIMIT_PER_SECOND', 300, 1, 100_000),
      rateBurst: integer(env, 'RATE_LIMIT_BURST', 600, 1, 1_000_000),
      maxConnectionsPerBoard: integer(env, 'MAX_CONNECTIONS_PER_BOARD', 64, 1, 10_000),
      maxConnectionsPerIp: integer(env, 'MAX_CONNECTIONS_PER_IP', 64, 1, 10_000),
      maxBufferedBytes: integer(env, 'MAX_BUFFERED_BYTES', 16 * MiB, 64 * 1024, 1024 * MiB),
      maxAwarenessBytes: integer(env, 'MAX_AWARENESS_BYTES', 16 * 1024, 256, MiB),
      maxAssetBytes: integer(env, 'MAX_ASSET_BYTES', 10 * MiB, 1024, 256 * MiB),
      assetUploadsPerMinute: integer(env, 'ASSET_UPLOADS_PER_MINUTE', 30, 1, 100_000),
    },
  };
}
