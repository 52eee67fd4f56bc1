import {
  type BoardDocSummary,
  CLOSE_BOARD_CLOSED,
  type ElementBlueprint,
  openBoard,
  type RoutineAction,
  type RoutineState,
  summariseBoard,
} from '@roundtable/shared';
import * as Y from 'yjs';
import { LIBRARIAN_OVER_HTTP } from '../auth/trust';
import type { Caller } from '../rooms/caller';
import type { ControlOutcome, OpenedState, Room } from '../rooms/room';
import type { Rooms } from '../rooms/rooms';
import type { BoardStore } from '../storage/board-store';
import type { BoardSummaries } from './board-summaries';
import type { BoardTrash } from './board-trash';

/** The librarian acting over HTTP: every right to run the class, no socket. */
const LIBRARIAN: Caller = { credentials: LIBRARIAN_OVER_HTTP };

/**
 * The librarian's operations on one board, run by the process that serves it (in a cluster,
 * its owner: BoardAdmin sends each call there). Every change is written as the server,
 * stored before the call resolves, and refreshes the board's summary.
 */
export class BoardOps {
  constructor(
    private readonly rooms: Rooms,
    private readonly store: BoardStore,
    private readonly trash: BoardTrash,
    private readonly summaries: BoardSummaries,
  ) {}

  /** The board's whole document as stored now, or null if it was never used. */
  async snapshot(boardId: string): Promise<Uint8Array | null> {
    const room = this.rooms.loadedRoom(boardId);
    if (room) await room.whenStored();
    return this.rooms.snapshot(boardId);
  }

  /** The board opened as a device would (it lingers for the socket that follows). */
  async openedState(boardId: string): Promise<OpenedState> {
    return this.withRoom(boardId, (room) => room.openedState(), { summarise: false });
  }

  async rename(boardId: string, title: string): Promise<void> {
    await this.withRoom(boardId, (room) =>
      room.writeAsServer(() => openBoard(room.doc).meta.set('title', title)),
    );
  }

  async setLocked(boardId: string, locked: boolean): Promise<void> {
    await this.withRoom(boardId, (room) => room.boardControl(LIBRARIAN, { type: 'lock', locked }));
  }

  async setPencilMode(boardId: string, mode: 'open' | 'pencil'): Promise<void> {
    await this.withRoom(boardId, (room) =>
      room.pencil.request(LIBRARIAN, { type: 'setMode', mode }),
    );
  }

  /** Clears the board, keeping what was on it for `undoClear` (30 days). */
  async clear(boardId: string): Promise<void> {
    const snapshot = await this.snapshot(boardId);
    if (snapshot) await this.trash.putCleared(boardId, snapshot);
    await this.withRoom(boardId, (room) => room.boardControl(LIBRARIAN, { type: 'clear' }));
  }

  /**
   * Puts back what the last clear took off the board (its elements and dots), beside what was
   * added since. False if there is nothing to put back.
   */
  async undoClear(boardId: string): Promise<boolean> {
    const snapshot = await this.trash.takeCleared(boardId);
    if (!snapshot) return false;
    const before = new Y.Doc();
    Y.applyUpdate(before, snapshot);
    const from = openBoard(before);
    await this.withRoom(boardId, (room) =>
      room.writeAsServer(() => {
        const to = openBoard(room.doc);
        for (const [id, element] of from.elements)
          if (!to.elements.has(id)) to.elements.set(id, element);
        for (const [id, vote] of from.votes) if (!to.votes.has(id)) to.votes.set(id, vote);
      }),
    );
    before.destroy();
    return true;
  }

  async startRoutine(
    boardId: string,
    routine: RoutineState,
    content: readonly ElementBlueprint[],
  ): Promise<void> {
    await this.withRoom(boardId, (room) => room.startRoutine(routine, content));
  }

  async routineAction(
    boardId: string,
    action: RoutineAction,
    now: number,
  ): Promise<ControlOutcome> {
    return this.withRoom(boardId, (room) => room.routineAction(LIBRARIAN, action, now));
  }

  /** What the list shows of a board in memory here, as it is this moment (null if not here). */
  async liveSummary(boardId: string): Promise<BoardDocSummary | null> {
    const room = this.rooms.loadedRoom(boardId);
    return room && !room.doc.isDestroyed ? summariseBoard(openBoard(room.doc)) : null;
  }

  /** Devices on the board now (only its serving process has them). */
  async devices(boardId: string): Promise<number> {
    return this.rooms.membersOf(boardId);
  }

  /**
   * Moves a board to the trash (exhibits saved from it are kept). With devices on it, only
   * when `closeOnDevices`: they are told the librarian closed it, and let go.
   */
  async delete(boardId: string, closeOnDevices: boolean): Promise<'deleted' | { inUse: number }> {
    const devices = this.rooms.membersOf(boardId);
    if (devices > 0 && !closeOnDevices) return { inUse: devices };
    const room = this.rooms.loadedRoom(boardId);
    if (room) {
      for (const member of [...room.members]) {
        member.close(CLOSE_BOARD_CLOSED, 'board closed');
        this.rooms.leave(room, member);
      }
    }
    const snapshot = await this.snapshot(boardId);
    if (snapshot) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, snapshot);
      await this.trash.putDeleted(boardId, summariseBoard(openBoard(doc)).title, snapshot);
      doc.destroy();
    }
    this.rooms.evict(boardId);
    this.store.deleteBoard(boardId);
    await this.summaries.remove(boardId);
    return 'deleted';
  }

  /** What the list shows of a board stored before summaries were kept (read once). */
  async summarise(boardId: string): Promise<void> {
    const snapshot = await this.snapshot(boardId);
    if (!snapshot) return;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    await this.summaries.put(boardId, summariseBoard(openBoard(doc)));
    doc.destroy();
  }

  /** Runs a change on the board's room (opening it for the moment), once it is stored. */
  private async withRoom<T>(
    boardId: string,
    change: (room: Room) => T,
    { summarise = true } = {},
  ): Promise<T> {
    const room = this.rooms.open(boardId);
    try {
      const result = change(room);
      await room.whenStored();
      // A storage failure while it was stored drops the room: nothing of it to summarise.
      if (summarise && !room.doc.isDestroyed)
        await this.summaries.put(boardId, summariseBoard(openBoard(room.doc)));
      return result;
    } finally {
      this.rooms.leave(room, null);
    }
  }
}

/** The calls another process may send to a board's owner (cluster/owner-calls.ts). */
export const BOARD_OPS = [
  'snapshot',
  'openedState',
  'rename',
  'setLocked',
  'setPencilMode',
  'clear',
  'undoClear',
  'startRoutine',
  'routineAction',
  'devices',
  'liveSummary',
  'delete',
  'summarise',
] as const satisfies readonly (keyof BoardOps)[];
export type BoardOpName = (typeof BOARD_OPS)[number];
