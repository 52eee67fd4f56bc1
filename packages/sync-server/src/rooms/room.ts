import {
  initBoard,
  MIGRATION_ORIGIN,
  migrateBoard,
  openBoard,
  SERVER_ORIGIN,
  STORAGE_ORIGIN,
} from '@roundtable/shared';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { log } from '../log';
import type { Metrics } from '../metrics';
import type { BoardStore } from '../storage/board-store';
import { encodeUpdateMessage } from '../ws/messages';
import { findRefusal } from './client-writes';

/** Anything a room can send messages to. */
export interface RoomMember {
  readonly id: number;
  send(message: Uint8Array): void;
}

export type UpdateOutcome =
  | { accepted: true; changed: boolean }
  | { accepted: false; reason: string };

/**
 * One board in memory: its document, who is connected, and its awareness. Every accepted
 * update is appended to the store before anyone else sees it.
 */
export class Room {
  doc: Y.Doc;
  /** Cursors, names and presence; kept apart from the doc so a reload does not drop them. */
  readonly awareness = new Awareness(new Y.Doc());
  readonly members = new Set<RoomMember>();
  private sinceCompaction: number;

  constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
    private readonly compactAfterUpdates: number,
  ) {
    this.awareness.setLocalState(null);
    this.sinceCompaction = store.logLength(boardId);
    this.doc = this.loadDoc();
    this.compactIfDue();
  }

  /** Snapshot + log from the store, migrated to today's schema; a new board is initialised. */
  private loadDoc(): Y.Doc {
    const doc = new Y.Doc({ gc: true });
    const board = openBoard(doc);
    doc.transact(() => {
      for (const update of this.store.load(this.boardId)) {
        try {
          Y.applyUpdate(doc, update, STORAGE_ORIGIN);
        } catch (error) {
          log('store_entry_skipped', { board: this.boardId, message: (error as Error).message });
        }
      }
    }, STORAGE_ORIGIN);
    // Writes the server makes itself (migrations, defaults) are stored like anyone's.
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === SERVER_ORIGIN || origin === MIGRATION_ORIGIN)
        this.persistAndRelay(update, null);
    });
    const report = migrateBoard(board);
    if (report.migrated || report.failed.length)
      log('board_migrated', { board: this.boardId, ...report });
    initBoard(board);
    return doc;
  }

  /**
   * Applies a client's update if every record it touches is valid and writable by clients.
   * A refused update is never stored or relayed; since Yjs cannot un-apply, the room reloads
   * its document from the store, which never saw it.
   */
  applyClientUpdate(update: Uint8Array, from: RoomMember): UpdateOutcome {
    let refusal: string | null = null;
    let changed = false;
    const onAfterTransaction = (transaction: Y.Transaction) => {
      if (transaction.origin !== from) return;
      changed = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0;
      refusal = findRefusal(this.doc, transaction);
    };
    this.doc.on('afterTransaction', onAfterTransaction);
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch (error) {
      refusal = `malformed update (${(error as Error).message})`;
    } finally {
      this.doc.off('afterTransaction', onAfterTransaction);
    }
    if (!refusal && (this.doc.store.pendingStructs || this.doc.store.pendingDs)) {
      refusal = 'update depends on changes this board has never had';
    }
    if (refusal) {
      this.reload();
      return { accepted: false, reason: refusal };
    }
    if (changed) {
      this.persistAndRelay(update, from);
      this.compactIfDue();
    }
    return { accepted: true, changed };
  }

  private persistAndRelay(update: Uint8Array, from: RoomMember | null): void {
    const started = performance.now();
    this.store.append(this.boardId, update);
    this.metrics.observeStoreSeconds((performance.now() - started) / 1000);
    this.sinceCompaction++;
    const message = encodeUpdateMessage(update);
    for (const member of this.members) if (member !== from) member.send(message);
  }

  private compactIfDue(): void {
    if (this.sinceCompaction >= this.compactAfterUpdates) this.compact();
  }

  /** Folds the update log into one snapshot of the current state. */
  compact(): void {
    if (this.sinceCompaction === 0) return;
    this.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc));
    this.sinceCompaction = 0;
    this.metrics.count('roundtable_compactions_total', 'Board logs folded into snapshots.');
  }

  private reload(): void {
    const stale = this.doc;
    this.doc = this.loadDoc();
    stale.destroy();
  }

  destroy(): void {
    this.doc.destroy();
    this.awareness.destroy();
  }
}
