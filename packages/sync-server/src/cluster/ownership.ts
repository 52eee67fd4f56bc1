import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import pg from 'pg';
import { log } from '../log';

/** How often a process says it is alive, and how long that lasts without a word. */
const HEARTBEAT_MS = 1_000;
const ALIVE_MS = 3_000;
/** How long a device's connection may wait for a board's owner to be settled. */
const ROUTE_TIMEOUT_MS = 8_000;

export type Route = { kind: 'local' } | { kind: 'forward'; url: string };

interface OwnerRecord {
  node: string;
  /** The owner's fencing connection (its PostgreSQL backend): ending it fences the owner. */
  pid: number;
  url: string;
}

const ownerKey = (boardId: string) => `roundtable:owner:${boardId}`;
const nodeKey = (node: string) => `roundtable:node:${node}`;

/** A board's advisory lock: 64 bits of its id's SHA-256, as PostgreSQL's bigint and its halves. */
export function boardLock(boardId: string): { key: string; hi: number; lo: number } {
  const digest = createHash('sha256').update(`roundtable:board:${boardId}`).digest();
  return {
    key: digest.readBigInt64BE(0).toString(),
    hi: digest.readUInt32BE(0),
    lo: digest.readUInt32BE(4),
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One owner process per board, as tldraw sync and PartyKit do it. A process owns a board
 * while it holds the board's PostgreSQL advisory lock on its *writer*, the one connection
 * through which it appends every update; Redis says who owns what (`owner:<board>`) and which
 * processes are alive (`node:<id>`, renewed every second). A device may connect to any
 * process: one that does not own the board forwards the socket to the owner.
 *
 * When an owner stops answering (killed, paused, cut off), its Redis heartbeat lapses and
 * the next process asked for one of its boards ends the owner's writer connection
 * (`pg_terminate_backend`): the locks go with it, and so does the old owner's ability to
 * write. If it wakes up, its next append fails, and it drops every board it had
 * (`onFenced`), so it can never relay a change the database refused.
 */
export class Ownership {
  readonly node = randomBytes(6).toString('hex');
  private writerClient: pg.Client | null = null;
  private writerPid = 0;
  private readonly owned = new Set<string>();
  /** Boards this process is taking now: two devices arriving at once take it once. */
  private readonly taking = new Map<string, Promise<boolean>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private closing = false;

  constructor(
    private readonly databaseUrl: string,
    private readonly redis: Redis,
    /** Where other processes reach this one (http://host:port). */
    private readonly url: () => string,
    /** Loads a board this process just took (its store mirrors it). */
    private readonly took: (boardId: string) => Promise<void>,
    /** This process lost its writer: every board it owned must go from memory at once. */
    private readonly onFenced: (reason: string) => void,
  ) {}

  async start(): Promise<void> {
    await this.connectWriter();
    await this.beat();
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** The connection every board write goes through (its locks fence this process). */
  writer(): pg.Client {
    if (!this.writerClient) throw new Error('this process has no database connection right now');
    return this.writerClient;
  }

  private async connectWriter(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('error', (error) => this.lostWriter(client, error.message));
    client.on('end', () => this.lostWriter(client, 'connection ended'));
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    this.writerPid = rows[0]!.pid;
    this.writerClient = client;
  }

  /** The writer is gone (fenced by a peer, or the database went away): give up every board. */
  private lostWriter(client: pg.Client, why: string): void {
    if (this.writerClient !== client) return;
    this.writerClient = null;
    client.removeAllListeners('end');
    if (this.closing) return;
    log('cluster_fenced', { node: this.node, boards: this.owned.size, why });
    this.owned.clear();
    this.onFenced('this server lost its boards to another; reconnecting');
    const retry = async () => {
      while (!this.closing && !this.writerClient) {
        try {
          await this.connectWriter();
        } catch (error) {
          log('cluster_writer_retry', { message: (error as Error).message });
          await sleep(500);
        }
      }
    };
    void retry();
  }

  private async beat(): Promise<void> {
    if (!this.writerClient) return; // a process without a writer owns nothing, serves nothing
    try {
      await this.redis.set(
        nodeKey(this.node),
        JSON.stringify({ url: this.url(), pid: this.writerPid }),
        'PX',
        ALIVE_MS,
      );
    } catch (error) {
      log('cluster_heartbeat_failed', { message: (error as Error).message });
    }
  }

  owns(boardId: string): boolean {
    return this.owned.has(boardId);
  }

  /** Where the board is served now: here, at a live owner's address, or nowhere (null). */
  async find(boardId: string): Promise<Route | null> {
    if (this.owned.has(boardId)) return { kind: 'local' };
    const owner = await this.ownerOf(boardId);
    if (owner && owner.node !== this.node && (await this.alive(owner.node))) {
      return { kind: 'forward', url: owner.url };
    }
    return null;
  }

  /**
   * Where a device's socket for `boardId` is served: here (this process owns the board now,
   * taking it if nobody does), or at the owner's address.
   */
  async route(boardId: string): Promise<Route> {
    const deadline = Date.now() + ROUTE_TIMEOUT_MS;
    for (let attempt = 0; ; attempt++) {
      const found = await this.find(boardId);
      if (found) return found;
      if (await this.take(boardId)) return { kind: 'local' };
      const owner = await this.ownerOf(boardId);
      // Someone holds the lock. If it is an owner whose heartbeat lapsed, fence it off.
      const holder = await this.lockHolder(boardId);
      if (holder !== null && owner && owner.pid === holder && !(await this.alive(owner.node))) {
        log('cluster_fence', { board: boardId, node: owner.node, pid: holder });
        await this.writer().query('SELECT pg_terminate_backend($1)', [holder]);
      }
      if (Date.now() > deadline) throw new Error(`no process could take board ${boardId}`);
      await sleep(Math.min(50 * (attempt + 1), 250));
    }
  }

  private async ownerOf(boardId: string): Promise<OwnerRecord | null> {
    const raw = await this.redis.get(ownerKey(boardId));
    return raw ? (JSON.parse(raw) as OwnerRecord) : null;
  }

  private async alive(node: string): Promise<boolean> {
    return (await this.redis.exists(nodeKey(node))) === 1;
  }

  private take(boardId: string): Promise<boolean> {
    let taking = this.taking.get(boardId);
    if (!taking) {
      taking = this.tryTake(boardId).finally(() => this.taking.delete(boardId));
      this.taking.set(boardId, taking);
    }
    return taking;
  }

  /** Takes the board if its lock is free: then loads it, and says so in Redis. */
  private async tryTake(boardId: string): Promise<boolean> {
    if (this.owned.has(boardId)) return true;
    const { key } = boardLock(boardId);
    const writer = this.writer();
    const { rows } = await writer.query<{ ok: boolean }>(
      'SELECT pg_try_advisory_lock($1::bigint) AS ok',
      [key],
    );
    if (!rows[0]?.ok) return false;
    try {
      await this.took(boardId);
    } catch (error) {
      await writer.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => {});
      throw error;
    }
    this.owned.add(boardId);
    const record: OwnerRecord = { node: this.node, pid: this.writerPid, url: this.url() };
    await this.redis.set(ownerKey(boardId), JSON.stringify(record));
    log('cluster_took', { board: boardId, node: this.node });
    return true;
  }

  private async lockHolder(boardId: string): Promise<number | null> {
    const { hi, lo } = boardLock(boardId);
    const { rows } = await this.writer().query<{ pid: number }>(
      `SELECT pid FROM pg_locks
       WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2 AND objsubid = 1`,
      [hi, lo],
    );
    return rows[0]?.pid ?? null;
  }

  /** The board left this process's memory: free it for whichever process needs it next. */
  async release(boardId: string): Promise<void> {
    if (!this.owned.delete(boardId)) return;
    const client = this.writerClient;
    try {
      const owner = await this.ownerOf(boardId);
      if (owner?.node === this.node) await this.redis.del(ownerKey(boardId));
      await client?.query('SELECT pg_advisory_unlock($1::bigint)', [boardLock(boardId).key]);
    } catch (error) {
      log('cluster_release_failed', { board: boardId, message: (error as Error).message });
    }
  }

  /** Resolves once every write sent so far is done (one connection runs them in order). */
  async drain(): Promise<void> {
    await this.writerClient?.query('SELECT 1').catch(() => {});
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.redis.del(nodeKey(this.node)).catch(() => {});
    await this.writerClient?.end().catch(() => {});
  }
}
