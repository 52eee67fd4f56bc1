import pg from 'pg';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type ServerFixture, startServerProcess } from '../src/testing/server-process';
import { startPostgres, startRedis, type TestService } from '../src/testing/services';
import { connectClient, type SyncClient } from './clients';

/**
 * Cluster tests' lifecycle: a real PostgreSQL 15 and redis-server for the whole file, and per
 * test a fresh database and Redis index, server processes sharing them (`cluster`) and
 * devices on them (`client`), all stopped after the test.
 */
export function clusterPerTest() {
  let postgres: TestService;
  let redis: TestService;
  let database = 0;
  const processes: ServerFixture[] = [];
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([postgres?.stop(), redis?.stop()]);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const process of processes.splice(0)) {
      if (process.process.signalCode === 'SIGSTOP') process.process.kill('SIGCONT');
      await process.stop('SIGKILL');
    }
  });

  /** A fresh database for each cluster, so no test sees another's data. */
  async function freshDatabase(): Promise<string> {
    const name = `cluster_${++database}`;
    const admin = new pg.Client({ connectionString: postgres.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    return postgres.url.replace(/\/postgres$/, `/${name}`);
  }

  return {
    /** `count` processes of a new cluster, each with its own temp DATA_DIR. */
    async cluster(count: number, env: Record<string, string> = {}) {
      const databaseUrl = await freshDatabase();
      const redisUrl = `${redis.url}/${database % 16}`;
      const settings = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, ...env };
      const start = async () => {
        const process = await startServerProcess(settings, undefined, { requireApp: false });
        processes.push(process);
        return process;
      };
      const started = await Promise.all(Array.from({ length: count }, start));
      return { processes: started, databaseUrl, redisUrl, start };
    },
    /** Closes `c` after the test (a device connected some other way). */
    track(c: SyncClient): SyncClient {
      clients.push(c);
      return c;
    },
    /** The PostgreSQL server's own database (for a process started outside a cluster). */
    get postgresUrl(): string {
      return postgres.url;
    },
    /** A device on `process` for `boardId`, closed after the test. */
    async client(process: { url: string }, boardId: string, options?: { cookie?: string }) {
      const c = await connectClient(process.url, boardId, options);
      clients.push(c);
      return c;
    },
  };
}
