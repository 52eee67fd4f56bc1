import { Redis } from 'ioredis';
import pg from 'pg';
import { log } from '../log';
import { StorageStartError } from '../storage/start-check';
import { clusterSecret } from './forward';
import { NodeTallies } from './node-tallies';
import { Ownership } from './ownership';
import type { AuthEvent } from './pg-auth-stores';
import { PgBoardStore } from './pg-board-store';

export interface ClusterConfig {
  databaseUrl: string;
  redisUrl: string;
}

const BOARD_EVENTS = 'roundtable:boards';
const APP_EVENTS = 'roundtable:app';

/**
 * This process's part in a cluster: boards in PostgreSQL (`store`), one owner per board
 * (`ownership`), and Redis for who owns what and for cluster-wide events. Every process is
 * started with the same DATABASE_URL and REDIS_URL.
 */
export class Cluster {
  readonly store: PgBoardStore;
  readonly ownership: Ownership;
  readonly secret: string;
  readonly pool: pg.Pool;
  private readonly appListeners = new Set<(event: AuthEvent) => void>();
  private readonly redis: Redis;
  private readonly events: Redis;
  private port = 0;
  private readonly tallies: NodeTallies[] = [];

  constructor(
    config: ClusterConfig,
    private readonly host: string,
    /** This process lost its boards (fenced by another): drop them from memory. */
    onFenced: (reason: string) => void,
  ) {
    this.secret = clusterSecret(config.databaseUrl);
    this.pool = new pg.Pool({ connectionString: config.databaseUrl, max: 8 });
    this.pool.on('error', (error) => log('cluster_pool_error', { message: error.message }));
    const redisOptions = { maxRetriesPerRequest: 2, lazyConnect: true };
    this.redis = new Redis(config.redisUrl, redisOptions);
    this.events = new Redis(config.redisUrl, redisOptions);
    for (const client of [this.redis, this.events]) {
      client.on('error', (error: Error) => log('cluster_redis_error', { message: error.message }));
    }
    this.ownership = new Ownership(
      config.databaseUrl,
      this.redis,
      () => this.url,
      (boardId) => this.store.preload(boardId),
      onFenced,
    );
    this.store = new PgBoardStore(
      this.pool,
      () => this.ownership.writer(),
      (event, boardId) => {
        const message = JSON.stringify({ event, boardId, node: this.ownership.node });
        this.redis.publish(BOARD_EVENTS, message).catch(() => {});
      },
    );
  }

  /** Where the other processes reach this one. */
  get url(): string {
    const host = this.host === '0.0.0.0' || this.host === '::' ? '127.0.0.1' : this.host;
    return `http://${host}:${this.port}`;
  }

  /** Connects to PostgreSQL and Redis and loads the board list; before the server listens. */
  async connect(): Promise<void> {
    try {
      await Promise.all([this.redis.connect(), this.events.connect()]);
    } catch (error) {
      throw new StorageStartError(
        `cannot reach Redis at REDIS_URL (${(error as Error).message}); check that it runs and the URL is right`,
      );
    }
    try {
      await this.store.start();
    } catch (error) {
      throw new StorageStartError(
        `cannot use PostgreSQL at DATABASE_URL (${(error as Error).message}); check that it runs, the database exists and the URL is right`,
      );
    }
    this.events.on('message', (channel: string, raw: string) => {
      const message = JSON.parse(raw) as { node: string };
      if (message.node === this.ownership.node) return;
      if (channel === APP_EVENTS) {
        for (const listener of this.appListeners) listener(message as unknown as AuthEvent);
        return;
      }
      const { event, boardId } = message as unknown as {
        event: 'created' | 'deleted';
        boardId: string;
      };
      this.store.heard(event, boardId);
    });
    await this.events.subscribe(BOARD_EVENTS, APP_EVENTS);
  }

  /** Tells every other process of the cluster that the librarian's state changed. */
  tell(event: AuthEvent): void {
    const message = JSON.stringify({ ...event, node: this.ownership.node });
    this.redis.publish(APP_EVENTS, message).catch(() => {});
  }

  /** Hears what other processes tell (see `tell`). */
  onEvent(listener: (event: AuthEvent) => void): void {
    this.appListeners.add(listener);
  }

  /** A count this process keeps and the cluster adds up (see NodeTallies). */
  tally(name: string, local: () => Map<string, number>): NodeTallies {
    const tally = new NodeTallies(this.redis, name, this.ownership.node, local);
    this.tallies.push(tally);
    return tally;
  }

  /** Starts owning boards once the server listens on `port` (others forward to it). */
  async listening(port: number): Promise<void> {
    this.port = port;
    await this.ownership.start();
    for (const tally of this.tallies) tally.start();
  }

  /** What /healthz says of the two services. */
  async health(): Promise<{ postgres: boolean; redis: boolean }> {
    const postgres = this.pool
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    const redis = this.redis
      .ping()
      .then(() => true)
      .catch(() => false);
    return { postgres: await postgres, redis: await redis };
  }

  async close(): Promise<void> {
    await Promise.all(this.tallies.map((tally) => tally.stop()));
    await this.ownership.close();
    this.redis.disconnect();
    this.events.disconnect();
    await this.pool.end().catch(() => {});
  }
}
