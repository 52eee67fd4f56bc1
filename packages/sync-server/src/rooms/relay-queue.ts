import { log } from '../log';
import type { Metrics } from '../metrics';
import type { BoardStore, BoardUpdate } from '../storage/board-store';
import { encodeUpdateMessage } from '../ws/messages';

/** A device (or the server itself, `null`) that an accepted update came from. */
export interface UpdateSource {
  readonly id: number;
}

/** An accepted update on its way to disk and then to every other device on its board. */
export interface QueuedUpdate {
  readonly update: Uint8Array;
  /** The y-websocket message carrying it, encoded once for every device. */
  readonly message: Uint8Array;
  readonly from: UpdateSource | null;
}

/** What the queue needs of a board: its id, and what to do once its updates are (not) stored. */
export interface RelayTarget {
  readonly boardId: string;
  relayStored(updates: readonly QueuedUpdate[]): void;
  /** The disk refused the batch: the board must drop what it never stored. */
  storeFailed(): void;
}

/**
 * Group commit for accepted updates. Updates accepted in one turn of the event loop (say,
 * everything that piled up behind a garbage-collection pause, from every device on every
 * board) wait here until that turn ends; then all of them are appended in one SQLite
 * transaction and only after that relayed, each device getting its share in one socket
 * write. Catching up after a stall thus costs one commit and one write per device instead
 * of one per update, and "stored before relayed" holds for every update.
 */
export class RelayQueue {
  private pending = new Map<RelayTarget, QueuedUpdate[]>();
  private scheduled: NodeJS.Immediate | null = null;
  /** The batch being committed (PostgreSQL), if any. */
  private committing: Promise<void> | null = null;
  /** Settles when the queued updates' commit (the one after `committing`) is done. */
  private nextCommit: { promise: Promise<void>; resolve: () => void } | null = null;

  constructor(
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
  ) {}

  /** Queues an accepted update; it is stored and relayed at the end of this turn. */
  add(
    target: RelayTarget,
    update: Uint8Array,
    from: UpdateSource | null,
    message = encodeUpdateMessage(update),
  ): void {
    let list = this.pending.get(target);
    if (!list) {
      list = [];
      this.pending.set(target, list);
    }
    list.push({ update, message, from });
    // After the I/O callbacks of this turn: every message already read joins the batch.
    this.scheduled ??= setImmediate(() => this.flush());
  }

  /**
   * Stores and relays everything queued, now. Called before anything reads a board to
   * send it, compact it or reload it, so that nobody sees an update before the disk does.
   * Never throws (it also runs at the end of a turn, where nothing could catch it).
   */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    // PostgreSQL: while one commit is on its way, what arrives waits for the next, which
    // then takes all of it: one round trip per commit however fast updates come.
    if (this.pending.size === 0 || this.committing) return;
    const batch = this.pending;
    this.pending = new Map();
    const waiting = this.nextCommit;
    this.nextCommit = null;
    const entries: BoardUpdate[] = [];
    for (const [{ boardId }, updates] of batch) {
      for (const { update } of updates) entries.push({ boardId, update });
    }
    const started = performance.now();
    let stored: void | Promise<void>;
    try {
      stored = this.store.append(entries);
    } catch (error) {
      this.failed(batch, entries.length, error);
      waiting?.resolve();
      return;
    }
    if (!(stored instanceof Promise)) {
      this.stored(batch, entries.length, started);
      waiting?.resolve();
      return;
    }
    // Relayed once COMMIT is back, so nobody sees an update the database may not have.
    this.committing = stored
      .then(
        () => this.stored(batch, entries.length, started),
        (error: unknown) => this.failed(batch, entries.length, error),
      )
      .finally(() => {
        this.committing = null;
        waiting?.resolve();
        this.flush();
      });
  }

  /**
   * Resolves once every update accepted so far is stored; null when it already is (always
   * with SQLite, whose appends are synchronous). Whatever reads a board whole to send it
   * waits for this.
   */
  whenStored(): Promise<void> | null {
    this.flush();
    if (this.pending.size === 0) return this.committing;
    // Queued behind the commit in flight: resolved when the commit that takes them is done.
    if (!this.nextCommit) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      this.nextCommit = { promise, resolve };
    }
    return this.nextCommit.promise;
  }

  private failed(batch: Map<RelayTarget, QueuedUpdate[]>, count: number, error: unknown): void {
    // Disk full or gone: nothing unstored may be relayed. The devices still hold their
    // changes and send them again when they reconnect. (A guarded store has reported it
    // to the storage health, and the rooms have dropped these boards already.)
    log('store_failed', { updates: count, message: (error as Error).message });
    for (const target of batch.keys()) {
      try {
        target.storeFailed();
      } catch (failure) {
        // Even reloading failed (the disk is gone): the board stays as it is in memory.
        log('store_failed', { board: target.boardId, message: (failure as Error).message });
      }
    }
  }

  private stored(batch: Map<RelayTarget, QueuedUpdate[]>, count: number, started: number): void {
    this.metrics.storeAppendSeconds.observe((performance.now() - started) / 1000);
    this.metrics.storeBatchUpdates.observe(count);
    for (const [target, updates] of batch) {
      try {
        target.relayStored(updates);
      } catch (error) {
        // Stored, so nothing is lost; one board's trouble must not keep the others' relay.
        log('relay_failed', { board: target.boardId, message: (error as Error).message });
      }
    }
  }
}
