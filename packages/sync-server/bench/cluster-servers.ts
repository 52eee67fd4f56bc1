import pg from 'pg';
import { type ServerFixture, startServerProcess } from '../src/testing/server-process';
import { startPostgres, startRedis, type TestService } from '../src/testing/services';

/**
 * PostgreSQL and Redis for the relay bench's cluster rows, started once per bench run, and
 * clusters of server processes on them (each on a fresh database). A cluster stands in for
 * one server: its URL lists every process (the load clients take them in turn) and its CPU
 * and memory are the first process's.
 */
export const clusterServices = (() => {
  let postgres: TestService | null = null;
  let redis: TestService | null = null;
  let databases = 0;
  return {
    async start() {
      [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    },
    async processes(count: number): Promise<ServerFixture> {
      if (!postgres || !redis) throw new Error('cluster services are not started');
      const name = `bench_${++databases}`;
      const admin = new pg.Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const env = {
        DATABASE_URL: postgres.url.replace(/\/postgres$/, `/${name}`),
        REDIS_URL: `${redis.url}/${databases % 16}`,
        MAX_CONNECTIONS_PER_IP: '1000',
      };
      const started = await Promise.all(
        Array.from({ length: count }, () =>
          startServerProcess(env, undefined, { requireApp: false }),
        ),
      );
      const first = started[0]!;
      return {
        ...first,
        url: started.map((p) => p.url).join(','),
        async stop(signal) {
          await Promise.all(started.map((p) => p.stop(signal)));
        },
      };
    },
    async stop() {
      await Promise.all([postgres?.stop(), redis?.stop()]);
    },
  };
})();
