import {
  type BoardSummary,
  createId,
  type ElementBlueprint,
  initBoard,
  openBoard,
  type RoutineAction,
  type RoutineState,
  summariseBoard,
} from '@roundtable/shared';
import * as Y from 'yjs';
import { type BoardPictures, THUMBNAIL_PICTURE_PX } from '../assets/board-pictures';
import type { ControlOutcome, OpenedState } from '../rooms/room';
import type { BoardStore } from '../storage/board-store';
import type { BoardOpName, BoardOps } from './board-ops';
import type { BoardSummaries } from './board-summaries';
import type { BoardTrash, TrashedBoard } from './board-trash';

/**
 * Runs one of BoardOps on the process that serves the board: this one on a single server;
 * in a cluster, the board's owner (cluster/owner-calls.ts).
 */
export type OnOwner = <K extends BoardOpName>(
  boardId: string,
  op: K,
  args: Parameters<BoardOps[K]> extends [string, ...infer Rest] ? Rest : never,
) => Promise<Awaited<ReturnType<BoardOps[K]>>>;

/** Runs every call here (a single server serves every board). */
export const onThisProcess =
  (ops: BoardOps): OnOwner =>
  (boardId, op, args) =>
    (ops[op] as (id: string, ...rest: unknown[]) => Promise<never>)(boardId, ...args);

/**
 * The librarian's board management: list, create, rename, duplicate, archive, delete and the
 * class controls. Each call about one board runs where that board is served (`onOwner`);
 * the list reads the boards summary, never a board's document.
 */
export class BoardAdmin {
  constructor(
    private readonly store: BoardStore,
    private readonly summaries: BoardSummaries,
    private readonly trash: BoardTrash,
    private readonly onOwner: OnOwner,
    /** Devices on each board now, across every process. */
    private readonly deviceCounts: () => Promise<Map<string, number>>,
  ) {}

  exists(boardId: string): boolean {
    return this.store.hasBoard(boardId);
  }

  snapshot(boardId: string): Promise<Uint8Array | null> {
    return this.onOwner(boardId, 'snapshot', []);
  }

  /** The board as a device opening it gets it (the room stays open for the socket to follow). */
  openedState(boardId: string): Promise<OpenedState> {
    return this.onOwner(boardId, 'openedState', []);
  }

  async list(): Promise<BoardSummary[]> {
    let summaries = await this.summaries.all();
    const missing = this.store.listBoards().filter((id) => !summaries.has(id));
    if (missing.length > 0) {
      // Boards stored before summaries were kept: read once, then never again.
      for (const id of missing) await this.onOwner(id, 'summarise', []);
      summaries = await this.summaries.all();
    }
    const devices = await this.deviceCounts();
    // A board with devices on it changes as we speak: its room says how it is this moment
    // (the stored summary catches up when it is next compacted).
    const live = new Map(
      await Promise.all(
        [...devices.keys()]
          .filter((id) => summaries.has(id))
          .map(async (id) => [id, await this.onOwner(id, 'liveSummary', [])] as const),
      ),
    );
    return this.store
      .listBoards()
      .flatMap((id) => {
        const summary = summaries.get(id);
        if (!summary) return [];
        return [{ id, ...summary, ...live.get(id), devices: devices.get(id) ?? 0 }];
      })
      .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  }

  /** One board as the list shows it (what a change answers with). */
  async summary(boardId: string): Promise<BoardSummary | undefined> {
    return (await this.list()).find((board) => board.id === boardId);
  }

  /** The board as it looks now, for live thumbnails (pictures small, inside the SVG). */
  async svg(boardId: string, pictures: BoardPictures): Promise<string | null> {
    const snapshot = await this.snapshot(boardId);
    if (!snapshot) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    try {
      return await pictures.svg(openBoard(doc), THUMBNAIL_PICTURE_PX);
    } finally {
      doc.destroy();
    }
  }

  /** A new board, empty or holding a copy of `snapshot`'s content (elements and seats). */
  async create(title: string, snapshot: Uint8Array | null = null): Promise<string> {
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
    // Its summary first: the board is never listed without one.
    await this.summaries.put(boardId, summariseBoard(to));
    await this.store.append([{ boardId, update: Y.encodeStateAsUpdate(copy) }]);
    copy.destroy();
    return boardId;
  }

  async duplicate(boardId: string): Promise<string | null> {
    const snapshot = await this.snapshot(boardId);
    if (!snapshot) return null;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    const title = `${summariseBoard(openBoard(doc)).title || 'Board'} (copy)`.slice(0, 120);
    doc.destroy();
    return this.create(title, snapshot);
  }

  rename(boardId: string, title: string): Promise<void> {
    return this.onOwner(boardId, 'rename', [title]);
  }

  setLocked(boardId: string, locked: boolean): Promise<void> {
    return this.onOwner(boardId, 'setLocked', [locked]);
  }

  /** Clears the board, keeping what was on it for `undoClear` (30 days). */
  clear(boardId: string): Promise<void> {
    return this.onOwner(boardId, 'clear', []);
  }

  /** Whether the board's last clear can be undone. */
  canUndoClear(boardId: string): Promise<boolean> {
    return this.trash.hasCleared(boardId);
  }

  /** Puts back what the last clear took off the board. False if there is nothing to put back. */
  undoClear(boardId: string): Promise<boolean> {
    return this.onOwner(boardId, 'undoClear', []);
  }

  setPencilMode(boardId: string, mode: 'open' | 'pencil'): Promise<void> {
    return this.onOwner(boardId, 'setPencilMode', [mode]);
  }

  startRoutine(
    boardId: string,
    routine: RoutineState,
    content: readonly ElementBlueprint[],
  ): Promise<void> {
    return this.onOwner(boardId, 'startRoutine', [routine, content]);
  }

  routineAction(boardId: string, action: RoutineAction, now = Date.now()): Promise<ControlOutcome> {
    return this.onOwner(boardId, 'routineAction', [action, now]);
  }

  setArchived(boardId: string, archived: boolean): Promise<void> {
    return this.summaries.setArchived(boardId, archived);
  }

  /**
   * Moves a board to the trash (exhibits saved from it are kept). With devices on it, only
   * when `closeOnDevices`: they are told the librarian closed it, and let go.
   */
  delete(boardId: string, { closeOnDevices = false } = {}): Promise<'deleted' | { inUse: number }> {
    return this.onOwner(boardId, 'delete', [closeOnDevices]);
  }

  /** Deleted boards that can still be brought back, newest first. */
  trashed(): Promise<TrashedBoard[]> {
    return this.trash.listDeleted();
  }

  /** Brings a deleted board back under its own id (its devices can join it again). */
  async restore(boardId: string): Promise<'restored' | 'not in trash' | 'exists'> {
    if (this.exists(boardId)) return 'exists';
    const snapshot = await this.trash.takeDeleted(boardId);
    if (!snapshot) return 'not in trash';
    const doc = new Y.Doc();
    Y.applyUpdate(doc, snapshot);
    await this.summaries.put(boardId, summariseBoard(openBoard(doc)));
    doc.destroy();
    await this.store.append([{ boardId, update: snapshot }]);
    return 'restored';
  }
}
