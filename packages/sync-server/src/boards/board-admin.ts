import {
  type BoardSummary,
  boardToSvg,
  createId,
  type ElementBlueprint,
  initBoard,
  openBoard,
  type RoutineAction,
  type RoutineState,
} from '@roundtable/shared';
import type Database from 'better-sqlite3';
import * as Y from 'yjs';
import { LIBRARIAN_OVER_HTTP } from '../auth/trust';
import type { ControlOutcome, Room, RoomMember } from '../rooms/room';
import type { Rooms } from '../rooms/rooms';
import type { BoardStore } from '../storage/board-store';

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

  constructor(
    private readonly rooms: Rooms,
    private readonly store: BoardStore,
    db: Database.Database,
  ) {
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

  /** The board as it looks now, for live thumbnails. */
  svg(boardId: string): string | null {
    const doc = this.doc(boardId);
    if (!doc) return null;
    const svg = boardToSvg(openBoard(doc));
    doc.destroy();
    return svg;
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

  clear(boardId: string): void {
    this.withRoom(boardId, (room) => room.boardControl(LIBRARIAN, { type: 'clear' }));
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

  /** Deletes a board nobody is on (exhibits saved from it are kept). */
  delete(boardId: string): 'deleted' | 'in use' {
    if (this.rooms.membersOf(boardId) > 0) return 'in use';
    this.rooms.evict(boardId);
    this.store.deleteBoard(boardId);
    this.archived.set(boardId, false);
    return 'deleted';
  }
}
