import {
  BOARD_CLOSED_MESSAGE,
  type BoardSummary,
  CLOSE_BOARD_CLOSED,
  createId,
  type ElementBlueprint,
  initBoard,
  openBoard,
  type RoutineAction,
  type RoutineState,
} from '@roundtable/shared';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { type BoardPictures, THUMBNAIL_PICTURE_PX } from '../assets/board-pictures';
import { LIBRARIAN_OVER_HTTP } from '../auth/trust';
import type { ControlOutcome, Room, RoomMember } from '../rooms/room';
import type { Rooms } from '../rooms/rooms';
import type { BoardStore } from '../storage/board-store';
import { type BoardTrash, openBoardTrash, type TrashedBoard } from './board-trash';

/** The librarian acting over HTTP: no socket, no presence, every right to run the class. */
const LIBRARIAN: RoomMember = {
  id: 0,
  awarenessClientId: null,
  credentials: LIBRARIAN_OVER_HTTP,
  send() {},
  sendAll() {},
  close() {},
};

/**
 * The librarian's board management: list, create, rename, duplicate, archive and delete.
 * Boards are read through the rooms (memory if open, else the store), written as the server.
 */
export class BoardAdmin {
  private readonly archived: {
    all(): Set<string>;
    set(id: string, archived: boolean): void;
  };

  private readonly trash: BoardTrash;

  constructor(
    private readonly rooms: Rooms,
    private readonly store: BoardStore,
    db: Database.Database,
  ) {
    this.trash = openBoardTrash(db);
    db.exec(`CREATE TABLE IF NOT EXISTS archived_boards (
      board_id    TEXT PRIMARY KEY,
      archived_at INTEGER NOT NULL
    )`);
    const select = db.prepare<[], { board_id: string }>('SELECT board_id FROM archived_boards');
    const insert = db.prepare(
      'INSERT OR REPLACE INTO archived_boards (board_id, archived_at) VALUES (?, ?)',
    );
    const remove = db.prepare('DELETE FROM archived_boards WHERE board_id = ?');
    this.archived = {
      all: () => new Set(select.all().map((r) => r.board_id)),
      set: (id, archived) => void (archived ? insert.run(id, Date.now()) : remove.run(id)),
    };
  }

  private doc(boardId: string): Y.Doc | null {
    const snapshot = this.rooms.snapshot(boardId);
    if (!snapshot) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    return doc;
  }

  exists(boardId: string): boolean {
    return this.rooms.snapshot(boardId) !== null;
  }

  list(): BoardSummary[] {
    const archived = this.archived.all();
    return this.store
      .listBoards()
      .map((id) => {
        const doc = this.doc(id);
        const board = doc ? openBoard(doc) : null;
        const summary: BoardSummary = {
          id,
          title: (board?.meta.get('title') as string | undefined) ?? '',
          elements: board?.elements.size ?? 0,
          locked: (board?.control.get('lock') as { locked?: boolean } | undefined)?.locked === true,
          pencil:
            (board?.control.get('pencil') as { mode?: string } | undefined)?.mode === 'pencil'
              ? 'pencil'
              : 'open',
          archived: archived.has(id),
          devices: this.rooms.membersOf(id),
        };
        doc?.destroy();
        return summary;
      })
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  /** The board as it looks now, for live thumbnails (pictures small, inside the SVG). */
  async svg(boardId: string, pictures: BoardPictures): Promise<string | null> {
    const doc = this.doc(boardId);
    if (!doc) return null;
    try {
      return await pictures.svg(openBoard(doc), THUMBNAIL_PICTURE_PX);
    } finally {
      doc.destroy();
    }
  }

  /** A new board, empty or holding a copy of `snapshot`'s content (elements and seats). */
  create(title: string, snapshot: Uint8Array | null = null): string {
    const copy = new Y.Doc();
    const to = openBoard(copy);
    initBoard(to, { title });
    if (snapshot) {
      const source = new Y.Doc();
      Y.applyUpdate(source, snapshot);
      const from = openBoard(source);
      copy.transact(() => {
        for (const [id, element] of from.elements) to.elements.set(id, element);
        for (const [id, seat] of from.seats) to.seats.set(id, seat);
      });
      source.destroy();
    }
    const boardId = createId(10);
    this.store.append([{ boardId, update: Y.encodeStateAsUpdate(copy) }]);
    copy.destroy();
    return boardId;
  }

  duplicate(boardId: string): string | null {
    const snapshot = this.rooms.snapshot(boardId);
    if (!snapshot) return null;
    const doc = this.doc(boardId)!;
    const title = `${(openBoard(doc).meta.get('title') as string) || 'Board'} (copy)`.slice(0, 120);
    doc.destroy();
    return this.create(title, snapshot);
  }

  rename(boardId: string, title: string): void {
    this.withRoom(boardId, (room) =>
      room.writeAsServer(() => openBoard(room.doc).meta.set('title', title)),
    );
  }

  /** Runs a librarian's change on the board's room (opening it for the moment if needed). */
  private withRoom<T>(boardId: string, change: (room: Room) => T): T {
    const room = this.rooms.open(boardId);
    try {
      return change(room);
    } finally {
      this.rooms.leave(room, null);
    }
  }

  setLocked(boardId: string, locked: boolean): void {
    this.withRoom(boardId, (room) => room.boardControl(LIBRARIAN, { type: 'lock', locked }));
  }

  /** Clears the board, keeping what was on it for `undoClear` (30 days). */
  clear(boardId: string): void {
    const snapshot = this.rooms.snapshot(boardId);
    if (snapshot) this.trash.putCleared(boardId, snapshot);
    this.withRoom(boardId, (room) => room.boardControl(LIBRARIAN, { type: 'clear' }));
  }

  /** Whether the board's last clear can be undone. */
  canUndoClear(boardId: string): boolean {
    return this.trash.hasCleared(boardId);
  }

  /**
   * Puts back what the last clear took off the board (its elements and dots), beside what was
   * added since. False if there is nothing to put back.
   */
  undoClear(boardId: string): boolean {
    const snapshot = this.trash.takeCleared(boardId);
    if (!snapshot) return false;
    const before = new Y.Doc();
    Y.applyUpdate(before, snapshot);
    const from = openBoard(before);
    this.withRoom(boardId, (room) =>
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

  setPencilMode(boardId: string, mode: 'open' | 'pencil'): void {
    this.withRoom(boardId, (room) => room.pencil.request(LIBRARIAN, { type: 'setMode', mode }));
  }

  startRoutine(boardId: string, routine: RoutineState, content: readonly ElementBlueprint[]): void {
    this.withRoom(boardId, (room) => room.startRoutine(routine, content));
  }

  routineAction(boardId: string, action: RoutineAction, now = Date.now()): ControlOutcome {
    return this.withRoom(boardId, (room) => room.routineAction(LIBRARIAN, action, now));
  }

  setArchived(boardId: string, archived: boolean): void {
    this.archived.set(boardId, archived);
  }

  /**
   * Moves a board to the trash (exhibits saved from it are kept). With devices on it, only
   * when `closeOnDevices`: they are told the librarian closed it, and let go.
   */
  delete(boardId: string, { closeOnDevices = false } = {}): 'deleted' | { inUse: number } {
    const devices = this.rooms.membersOf(boardId);
    if (devices > 0 && !closeOnDevices) return { inUse: devices };
    if (devices > 0) {
      const room = this.rooms.open(boardId);
      for (const member of [...room.members]) {
        member.close(CLOSE_BOARD_CLOSED, BOARD_CLOSED_MESSAGE);
        this.rooms.leave(room, member);
      }
    }
    const snapshot = this.rooms.snapshot(boardId);
    if (snapshot) {
      const doc = this.doc(boardId);
      const title = doc ? ((openBoard(doc).meta.get('title') as string | undefined) ?? '') : '';
      doc?.destroy();
      this.trash.putDeleted(boardId, title, snapshot);
    }
    this.rooms.evict(boardId);
    this.store.deleteBoard(boardId);
    this.archived.set(boardId, false);
    return 'deleted';
  }

  /** Deleted boards that can still be brought back, newest first. */
  trashed(): TrashedBoard[] {
    return this.trash.listDeleted();
  }

  /** Brings a deleted board back under its own id (its devices can join it again). */
  restore(boardId: string): 'restored' | 'not in trash' | 'exists' {
    if (this.exists(boardId)) return 'exists';
    const snapshot = this.trash.takeDeleted(boardId);
    if (!snapshot) return 'not in trash';
    this.store.append([{ boardId, update: snapshot }]);
    return 'restored';
  }
}
