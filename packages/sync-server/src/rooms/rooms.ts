import * as Y from 'yjs';
import type { Trust } from '../auth/trust';
import { log } from '../log';
import type { Metrics } from '../metrics';
import type { BoardStore } from '../storage/board-store';
import type { StorageFailure } from '../storage/storage-health';
import { CLOSE, encodeAwarenessMessage } from '../ws/messages';
import type { PencilGraces } from './pencil-keeper';
import { RelayQueue } from './relay-queue';
import { type CompactionPolicy, Room, type RoomMember } from './room';

/**
 * The boards in memory: loaded when the first device joins; flushed as soon as the last one
 * leaves and dropped `lingerMs` later, so a device that reloads or a board reopened straight
 * away does not wait for it to load again. A board whose storage fails is dropped at once
 * and its devices closed with 1011 (see `storageFailed`); the other boards carry on.
 */
export class Rooms {
  private readonly rooms = new Map<string, Room>();
  private readonly unloadTimers = new Map<string, NodeJS.Timeout>();
  /** Shared by every board, so one transaction stores what all of them accepted in a turn. */
  private readonly queue: RelayQueue;
  private readonly lingerMs: number;
  private readonly unloaded: (boardId: string) => void;
  private readonly compacted: (room: Room) => void;
  private readonly pencilGraces: PencilGraces;

  constructor(
    private readonly store: BoardStore,
    private readonly metrics: Metrics,
    private readonly compaction: CompactionPolicy,
    private readonly trust: Trust,
    {
      lingerMs = 0,
      pencilGraces = {},
      unloaded = () => {},
      compacted = () => {},
    }: {
      lingerMs?: number;
      pencilGraces?: PencilGraces;
      /** A board left memory (cluster mode gives up owning it). */
      unloaded?: (boardId: string) => void;
      /** A board was compacted (the boards summary is refreshed from it). */
      compacted?: (room: Room) => void;
    } = {},
  ) {
    this.unloaded = unloaded;
    this.compacted = compacted;
    this.lingerMs = lingerMs;
    this.pencilGraces = pencilGraces;
    this.queue = new RelayQueue(store, metrics);
    store.onFailure?.((failure) => this.storageFailed(failure));
  }

  get loaded(): number {
    return this.rooms.size;
  }

  get all(): IterableIterator<Room> {
    return this.rooms.values();
  }

  /** Whether the board exists: open now, or anything stored for it. */
  exists(boardId: string): boolean {
    return this.rooms.has(boardId) || this.store.hasBoard(boardId);
  }

  /** The board's room if it is in memory now (never loads it). */
  loadedRoom(boardId: string): Room | undefined {
    return this.rooms.get(boardId);
  }

  membersOf(boardId: string): number {
    return this.rooms.get(boardId)?.members.size ?? 0;
  }

  /** The board's room, loading it from the store first if needed. Throws if it cannot load. */
  open(boardId: string): Room {
    this.cancelUnload(boardId);
    let room = this.rooms.get(boardId);
    if (!room) {
      const started = performance.now();
      room = new Room(
        boardId,
        this.store,
        this.queue,
        this.metrics,
        this.compaction,
        this.trust,
        this.pencilGraces,
        this.compacted,
      );
      this.relayAwareness(room);
      this.rooms.set(boardId, room);
      log('board_loaded', { board: boardId, ms: Math.round(performance.now() - started) });
    }
    return room;
  }

  /**
   * The board's whole document as it is now (a Yjs update), from memory if it is open,
   * else from the store; null for a board that was never used.
   */
  snapshot(boardId: string): Uint8Array | null {
    const room = this.rooms.get(boardId);
    if (room) {
      const state = room.encodedState();
      // Storing what it had queued failed, and the board was dropped: its memory holds
      // what the disk does not, which nobody may be given.
      if (this.rooms.get(boardId) !== room) throw new Error(`board ${boardId} could not be saved`);
      return state;
    }
    const updates = this.store.load(boardId);
    if (updates.length === 0) return null;
    return Y.mergeUpdates(updates);
  }

  /** Removes a member; after the last one out the board is compacted, and unloaded later. */
  leave(room: Room, member: RoomMember | null): void {
    if (this.rooms.get(room.boardId) !== room) {
      // Dropped after a storage failure (or unloaded): nothing more happens on it.
      if (member) room.members.delete(member);
      return;
    }
    if (member) room.leave(member);
    if (room.members.size > 0) return;
    if (this.lingerMs === 0) {
      this.unload(room);
      return;
    }
    room.compact();
    if (this.rooms.get(room.boardId) !== room) return; // compacting failed: dropped
    this.cancelUnload(room.boardId);
    const timer = setTimeout(() => {
      this.unloadTimers.delete(room.boardId);
      if (room.members.size === 0 && this.rooms.get(room.boardId) === room) this.unload(room);
    }, this.lingerMs);
    timer.unref();
    this.unloadTimers.set(room.boardId, timer);
  }

  /** Drops a board nobody is on from memory at once (it was deleted). */
  evict(boardId: string): void {
    const room = this.rooms.get(boardId);
    if (room && room.members.size === 0) {
      this.cancelUnload(boardId);
      room.destroy();
      this.rooms.delete(boardId);
      this.unloaded(boardId);
    }
  }

  /**
   * Drops every board at once, without writing anything (cluster mode: this process lost the
   * connection that fences its writes, so another process may own its boards now). Devices
   * are closed with 1012 and reconnect, to whichever process owns each board now.
   */
  dropAll(reason: string): void {
    for (const boardId of [...this.rooms.keys()]) this.drop(boardId, CLOSE.restart, reason);
  }

  /** Forgets a board in memory and closes its devices (they reconnect and sync afresh). */
  private drop(boardId: string, code: number, reason: string): void {
    const room = this.rooms.get(boardId);
    if (!room) return;
    this.cancelUnload(boardId);
    this.rooms.delete(boardId);
    for (const member of [...room.members]) member.close(code, reason);
    try {
      room.destroy();
    } catch (error) {
      log('board_drop_failed', { board: boardId, message: (error as Error).message });
    }
    this.unloaded(boardId);
  }

  /**
   * A storage call about these boards failed (StorageHealth has logged and counted it). A
   * board in memory may now hold what its disk does not (an append that failed, a reload
   * that could not read): it is dropped, and its devices are closed with 1011. They
   * reconnect, get the board as the disk has it, and send again what it lacks; with the disk
   * still failing, they are refused again, and no one is sent anything the disk has not got.
   */
  private storageFailed({ boards, operation }: StorageFailure): void {
    for (const boardId of boards) {
      if (!this.rooms.has(boardId)) continue;
      this.drop(boardId, CLOSE.internal, 'the board could not be saved; reconnecting');
      log('board_dropped', { board: boardId, operation });
    }
  }

  private cancelUnload(boardId: string): void {
    const timer = this.unloadTimers.get(boardId);
    if (timer) clearTimeout(timer);
    this.unloadTimers.delete(boardId);
  }

  private unload(room: Room): void {
    room.compact(); // never throws: if it fails, the board is dropped (storageFailed)
    if (this.rooms.get(room.boardId) !== room) return;
    room.destroy();
    this.rooms.delete(room.boardId);
    this.unloaded(room.boardId);
    log('board_unloaded', { board: room.boardId });
  }

  /** Compacts and drops every board (shutdown). */
  unloadAll(): void {
    for (const boardId of [...this.unloadTimers.keys()]) this.cancelUnload(boardId);
    for (const room of [...this.rooms.values()]) this.unload(room);
  }

  private relayAwareness(room: Room): void {
    room.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
        const message = encodeAwarenessMessage(room.awareness, [...added, ...updated, ...removed]);
        for (const member of room.members) member.send(message);
      },
    );
  }
}
