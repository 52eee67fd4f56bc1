import type { Redis } from 'ioredis';
import { log } from '../log';

/** How often each process publishes its tallies, and how long they last without a word. */
const PUBLISH_MS = 1_000;
const LAST_MS = 3_000;

/**
 * Counts that each process keeps of its own and the cluster adds up: devices per board (the
 * boards list), connections per address (the per-address limit). Each process publishes its
 * tally as one Redis hash every second, expiring with its heartbeat, so a process that dies
 * stops counting within seconds; readers add every process's hash.
 */
export class NodeTallies {
  private timer: NodeJS.Timeout | null = null;
  private publishing = false;

  constructor(
    private readonly redis: Redis,
    private readonly name: string,
    private readonly node: string,
    /** This process's tally now. */
    private readonly local: () => Map<string, number>,
  ) {}

  private key(node: string): string {
    return `roundtable:${this.name}:${node}`;
  }

  start(): void {
    void this.publish();
    this.timer = setInterval(() => void this.publish(), PUBLISH_MS);
    this.timer.unref();
  }

  /** Publishes this process's tally now (also after a change a reader must see at once). */
  async publish(): Promise<void> {
    const key = this.key(this.node);
    const entries = [...this.local()].filter(([, count]) => count > 0);
    const multi = this.redis.multi().del(key);
    if (entries.length > 0) multi.hset(key, Object.fromEntries(entries)).pexpire(key, LAST_MS);
    try {
      await multi.exec();
    } catch (error) {
      log('cluster_tally_failed', { tally: this.name, message: (error as Error).message });
    }
  }

  /** This process's tally changed: publish it soon (once for every change in one turn). */
  changed(): void {
    if (this.publishing || !this.timer) return;
    this.publishing = true;
    setImmediate(() => {
      this.publishing = false;
      void this.publish();
    });
  }

  /** The tally of every process, this one's as it is now. */
  async total(): Promise<Map<string, number>> {
    const total = new Map(this.local());
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, found] = await this.redis.scan(cursor, 'MATCH', this.key('*'), 'COUNT', 200);
      cursor = next;
      keys.push(...found);
    } while (cursor !== '0');
    for (const key of keys) {
      if (key === this.key(this.node)) continue;
      const hash = await this.redis.hgetall(key);
      for (const [field, count] of Object.entries(hash)) {
        total.set(field, (total.get(field) ?? 0) + Number(count));
      }
    }
    return total;
  }

  /** One field's count on every other process. */
  async elsewhere(field: string): Promise<number> {
    const total = await this.total();
    return (total.get(field) ?? 0) - (this.local().get(field) ?? 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.redis.del(this.key(this.node)).catch(() => {});
  }
}
