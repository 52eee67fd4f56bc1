import {
  applyRoutineAction,
  type BoardControlRequest,
  DEFAULT_ROUTINE,
  type ElementBlueprint,
  initBoard,
  migrateBoard,
  openBoard,
  type ParticipantRecord,
  parseLock,
  parseRoutine,
  placeBlueprints,
  type Refusal as RefusalWhy,
  type RootMapName,
  type RoutineAction,
  type RoutineState,
  refusal,
  STORAGE_ORIGIN,
  votingBudget,
} from '@roundtable/shared';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Trust } from '../auth/trust';
import { log } from '../log';
import type { Metrics } from '../metrics';
import type { BoardStore } from '../storage/board-store';
import type { Caller } from './caller';
import { type PencilGraces, PencilKeeper } from './pencil-keeper';
import type { QueuedUpdate, RelayQueue, RelayTarget } from './relay-queue';
import { firstRefusal, type Refusal, type RefusalKind, refuse, type WriteCheck } from './rules';

/** A board's whole state as one Yjs update, and its state vector (cheap to send ahead of it). */
export interface OpenedState {
  state: Uint8Array;
  stateVector: Uint8Array;
}
/** Anything a room can send messages to. */
export interface RoomMember extends Caller {
  readonly id: number;
  /** The awareness client whose presence this member publishes (display only; handed over). */
  awarenessClientId: number | null;
  send(message: Uint8Array): void;
  /** Messages in one write (what piled up in one turn of the event loop); none is a no-op. */
  sendAll(messages: readonly Uint8Array[]): void;
  /** Ends this member's connection (it reconnects and syncs afresh). */
  close(code: number, reason: string): void;
}

/** A class rule a device's change broke (it must start afresh from the board). */
export type RuleRefusal = Exclude<RefusalKind, 'model'>;

export type UpdateOutcome =
  | { accepted: true; changed: boolean }
  | { accepted: false; reason: RefusalWhy; detail?: string; rule: RuleRefusal | null };

export type ControlOutcome = { ok: true } | { ok: false; error: RefusalWhy };

export interface CompactionPolicy {
  /** Compact once the log has this many entries, even while people are drawing. */
  afterUpdates: number;
  /** Compact when nobody has changed the board for this long (a pause costs no one). */
  whenIdleMs: number;
}

/** The client update being applied, and what the rules found. */
interface Check {
  from: RoomMember;
  refusal: Refusal | null;
  changed: boolean;
  /** Whether seats or tablets were added, changed or removed (the pencil's turn order). */
  rosterChanged: boolean;
  /** Tablets' records as they were before this update (only those it touched). */
  participantsBefore: Map<string, ParticipantRecord | undefined>;
}

/** The keys of each root map a transaction changed. */
function touchedKeys(doc: Y.Doc, transaction: Y.Transaction): (map: RootMapName) => string[] {
  return (name) => {
    const map: unknown = doc.getMap(name);
    for (const [type, keys] of transaction.changed) {
      if (type === map) return [...keys].filter((key): key is string => key !== null);
    }
    return [];
  };
}

/**
 * One board in memory: its document, who is connected, and its awareness. Every accepted
 * update is appended to the store before anyone else sees it (through the relay queue,
 * which stores what one turn of the event loop accepted in one transaction).
 */
export class Room implements RelayTarget {
  doc!: Y.Doc;
  /** Cursors, names and presence; kept apart from the doc so a reload does not drop them. */
  readonly awareness = new Awareness(new Y.Doc());
  readonly members = new Set<RoomMember>();
  private sinceCompaction: number;
  private check: Check | null = null;
  /** The whole board as one update; encoded once per change, since every new device needs it. */
  private fullState: Uint8Array | null = null;
  private parsedLock: { raw: unknown; locked: boolean } = { raw: undefined, locked: false };
  private parsedRoutine: { raw: unknown; state: RoutineState } = {
    raw: undefined,
    state: DEFAULT_ROUTINE,
  };
  private readonly idleCompaction: NodeJS.Timeout;
  readonly pencil: PencilKeeper;

  constructor(
    readonly boardId: string,
    private readonly store: BoardStore,
    private readonly queue: RelayQueue,
    private readonly metrics: Metrics,
    private readonly compaction: CompactionPolicy,
    private readonly trust: Trust,
    pencilGraces?: PencilGraces,
    /** The board was folded into a snapshot: what the librarian's list shows of it may have changed. */
    private readonly compacted: (room: Room) => void = () => {},
  ) {
    this.awareness.setLocalState(null);
    this.sinceCompaction = store.logLength(boardId);
    this.idleCompaction = setTimeout(() => this.compact(), compaction.whenIdleMs);
    this.idleCompaction.unref();
    this.load();
    this.pencil = new PencilKeeper(
      () => openBoard(this.doc),
      () => this.members,
      trust,
      (state) => this.writeAsServer(() => openBoard(this.doc).control.set('pencil', state)),
      pencilGraces,
    );
  }

  /** A device arrived: it may be the pencil's holder coming back. */
  join(member: RoomMember): void {
    this.members.add(member);
    this.pencil.reconcile();
  }

  /** A device left: the pencil stays with someone here (after the roster's grace). */
  leave(member: RoomMember): void {
    if (!this.members.has(member)) return;
    this.pencil.beforeLeave();
    this.members.delete(member);
    this.pencil.reconcile();
  }

  /**
   * Whether `member` may publish presence as awareness client `clientId`, which another of
   * this room's sockets holds: only the same device (its key) may take it over, as a tablet
   * back from a network blink does before the server has noticed its old socket is gone.
   */
  mayTakeOverAwareness(member: RoomMember, clientId: number): boolean {
    for (const other of this.members) {
      if (other === member || other.awarenessClientId !== clientId) continue;
      const key = member.credentials.keyHash;
      return key !== null && other.credentials.keyHash === key;
    }
    return true; // a state nobody holds any more
  }

  /**
   * `member` now publishes presence as `clientId` (a device's new socket took it over from
   * its old one): the old socket must no longer remove it when the server notices it is gone.
   */
  handOverAwareness(member: RoomMember, clientId: number): void {
    for (const other of this.members) {
      if (other !== member && other.awarenessClientId === clientId) other.awarenessClientId = null;
    }
  }

  /** Snapshot + log from the store, migrated to today's schema; a new board is initialised. */
  private load(): void {
    // Read before anything changes: if the disk cannot be read, the room stays as it was
    // (and the rooms, told by the store, drop it).
    const stored = this.store.load(this.boardId);
    const doc = new Y.Doc({ gc: true });
    doc.transact(() => {
      for (const update of stored) {
        try {
          Y.applyUpdate(doc, update, STORAGE_ORIGIN);
        } catch (error) {
          log('store_entry_skipped', { board: this.boardId, message: (error as Error).message });
        }
      }
    }, STORAGE_ORIGIN);
    const participants = openBoard(doc).participants;
    participants.observe((event, transaction) => {
      const check = this.check;
      if (!check || transaction.origin !== check.from) return;
      for (const [id, change] of event.changes.keys) {
        if (!check.participantsBefore.has(id)) {
          check.participantsBefore.set(id, change.oldValue as ParticipantRecord | undefined);
        }
      }
    });
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const check = this.check;
      if (!check || transaction.origin !== check.from) return;
      check.changed = transaction.changed.size > 0 || transaction.deleteSet.clients.size > 0;
      const touched = touchedKeys(doc, transaction);
      check.rosterChanged ||= touched('seats').length > 0 || touched('participants').length > 0;
      check.refusal ??= firstRefusal(this.writeCheck(check, doc, transaction));
    });
    this.doc = doc;
    this.writeAsServer(() => {
      const board = openBoard(doc);
      const report = migrateBoard(board);
      if (report.migrated || report.failed.length)
        log('board_migrated', { board: this.boardId, ...report });
      initBoard(board);
    });
  }

  /** A locked board is read-only for every device until the librarian unlocks it. */
  locked(): boolean {
    // Asked for every update: parsed once per stored value (Yjs hands back the same object).
    const raw = openBoard(this.doc).control.get('lock');
    if (raw !== this.parsedLock.raw) this.parsedLock = { raw, locked: parseLock(raw).locked };
    return this.parsedLock.locked;
  }

  /** What the rules see of a client's transaction. */
  private writeCheck(check: Check, doc: Y.Doc, transaction: Y.Transaction): WriteCheck {
    const { credentials } = check.from;
    const pencil = this.pencil;
    const from = check.from;
    return {
      doc,
      board: openBoard(doc),
      transaction,
      touched: touchedKeys(doc, transaction),
      participantsBefore: check.participantsBefore,
      keyHash: credentials.keyHash,
      speaksForSeats: this.trust.speaksForSeats(credentials),
      speaksFor: () => pencil.idsOf(from),
      locked: this.locked(),
      mayWriteContent: pencil.mayWriteContent(from),
      votesPerParticipant: votingBudget(this.routine()),
    };
  }

  /** The routine running on this board, parsed once per stored value. */
  routine(): RoutineState {
    const raw = openBoard(this.doc).control.get('routine');
    if (raw !== this.parsedRoutine.raw) {
      this.parsedRoutine = { raw, state: parseRoutine(raw) };
    }
    return this.parsedRoutine.state;
  }

  /**
   * Starts a routine: its content goes on the board, its first phase waits for the
   * librarian's start, and any earlier dots are cleared.
   */
  startRoutine(routine: RoutineState, content: readonly ElementBlueprint[]): void {
    const board = openBoard(this.doc);
    this.writeAsServer(() => {
      placeBlueprints(board, content, Date.now());
      for (const voter of [...board.votes.keys()]) board.votes.delete(voter);
      board.control.set('routine', routine);
    });
    log('routine_started', { board: this.boardId, template: routine.templateId });
  }

  /** The librarian moves the routine along (start/pause the clock, next phase, …). */
  routineAction(caller: Caller, action: RoutineAction, now = Date.now()): ControlOutcome {
    if (!this.trust.facilitates(caller.credentials)) {
      return { ok: false, error: refusal('librarianRunsRoutine') };
    }
    this.trust.facilitated(caller.credentials);
    const outcome = applyRoutineAction(this.routine(), action, now);
    if (!outcome.ok) return outcome;
    const state = outcome.state;
    this.writeAsServer(() => openBoard(this.doc).control.set('routine', state));
    log('routine_action', { board: this.boardId, action, phase: state.phaseIndex });
    return { ok: true };
  }

  /** The librarian locks, unlocks or clears the board (the server writes it). */
  boardControl(caller: Caller, request: BoardControlRequest): ControlOutcome {
    if (!this.trust.facilitates(caller.credentials)) {
      return { ok: false, error: refusal('librarianLocksClears') };
    }
    this.trust.facilitated(caller.credentials);
    const board = openBoard(this.doc);
    this.writeAsServer(() => {
      if (request.type === 'lock') board.control.set('lock', { locked: request.locked });
      else {
        for (const id of [...board.elements.keys()]) board.elements.delete(id);
        for (const voter of [...board.votes.keys()]) board.votes.delete(voter);
      }
    });
    log('board_control', { board: this.boardId, action: request.type });
    return { ok: true };
  }

  /**
   * Runs the server's own writes (migrations, defaults, the talking pencil, routines), then
   * stores and relays what they changed like any other update, before returning: whoever
   * asked (an HTTP call, say) may read the store next.
   */
  writeAsServer(write: () => void): void {
    const before = Y.encodeStateVector(this.doc);
    write();
    const update = Y.encodeStateAsUpdate(this.doc, before);
    // An update that changes nothing still encodes its empty struct and delete sets.
    if (update.length > 2) this.queueStored(update, null);
    this.flush();
  }

  /** Stores and relays every accepted update still queued (before the board is read whole). */
  flush(): void {
    this.queue.flush();
  }

  /**
   * Applies a client's update if every record it touches is valid and writable by clients.
   * A refused update is never stored or relayed; since Yjs cannot un-apply, the room reloads
   * its document from the store, which never saw it.
   */
  applyClientUpdate(
    update: Uint8Array,
    from: RoomMember,
    /** The y-websocket message that carried it, if others can be sent it unchanged. */
    message?: Uint8Array,
  ): UpdateOutcome {
    const check: Check = {
      from,
      refusal: null,
      changed: false,
      rosterChanged: false,
      participantsBefore: new Map(),
    };
    this.check = check;
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch (error) {
      check.refusal = refuse(
        'model',
        { code: 'invalidChange', what: 'malformed' },
        `malformed update (${(error as Error).message})`,
      );
    } finally {
      this.check = null;
    }
    if (!check.refusal && (this.doc.store.pendingStructs || this.doc.store.pendingDs)) {
      check.refusal = refuse(
        'model',
        { code: 'invalidChange', what: 'missingHistory' },
        'update depends on changes this board has never had',
      );
    }
    if (check.refusal) {
      // What others sent before this is accepted: on disk with it, then start from the disk.
      this.flush();
      this.reload();
      const { kind, reason, detail } = check.refusal;
      return { accepted: false, reason, detail, rule: kind === 'model' ? null : kind };
    }
    if (check.changed) {
      this.queueStored(update, from, message);
      // Seats or tablets came or went: the turn order changed (a stroke leaves it as it was).
      if (check.rosterChanged) this.pencil.reconcile();
    }
    return { accepted: true, changed: check.changed };
  }

  /**
   * The whole board as one Yjs update (for new devices, compaction and copies), once all
   * of it is on disk.
   */
  encodedState(): Uint8Array {
    this.flush();
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  /** The whole board and the state it is in (the same moment), for a page's first download. */
  openedState(): OpenedState {
    return { state: this.encodedState(), stateVector: Y.encodeStateVector(this.doc) };
  }

  /**
   * What a device with `stateVector` lacks, once all of it is on disk. A device with nothing
   * yet (a state vector of no clients) gets the cached whole board.
   */
  missingFrom(stateVector: Uint8Array): Uint8Array {
    if (stateVector.length === 1 && stateVector[0] === 0) return this.encodedState();
    this.flush();
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }

  private queueStored(update: Uint8Array, from: RoomMember | null, message?: Uint8Array): void {
    this.fullState = null;
    this.queue.add(this, update, from, message);
  }

  /** The queue stored these updates: now every device but its sender may have them. */
  relayStored(updates: readonly QueuedUpdate[]): void {
    const all = updates.map((u) => u.message);
    for (const member of this.members) {
      // Most devices sent none of the batch: they all get the one list.
      const sentSome = updates.some((u) => u.from === member);
      member.sendAll(
        sentSome ? updates.filter((u) => u.from !== member).map((u) => u.message) : all,
      );
    }
    this.sinceCompaction += updates.length;
    if (this.sinceCompaction >= this.compaction.afterUpdates) this.compact();
    else this.idleCompaction.refresh();
  }

  /**
   * The disk refused updates this room accepted. Nothing to do here: every store is guarded
   * (storage-health.ts), which reports the failure before the queue hears of it, and the
   * rooms drop this board and close its devices (they reconnect and send what it lacks).
   */
  storeFailed(): void {}

  /**
   * Folds the update log into one snapshot of the current state. Never throws (it runs from
   * timers and as devices leave): if the disk refuses, the log stays as it was (one
   * transaction), the store reports it, and the rooms drop this board.
   */
  compact(): void {
    // Never loaded (its constructor failed), or dropped: nothing of it may reach the disk.
    if (!this.doc || this.doc.isDestroyed) return;
    this.flush();
    // Storing what was queued may have failed, and the rooms dropped this one.
    if (this.sinceCompaction === 0 || this.doc.isDestroyed) return;
    const failed = (error: unknown) =>
      log('compaction_failed', { board: this.boardId, message: (error as Error).message });
    let done: void | Promise<void>;
    try {
      done = this.store.compact(this.boardId, this.encodedState());
    } catch (error) {
      failed(error);
      return;
    }
    // PostgreSQL's compaction finishes later; the log stays as it was if it fails.
    if (done instanceof Promise) done.catch(failed);
    this.sinceCompaction = 0;
    this.metrics.compactions.inc();
    this.compacted(this);
  }

  /**
   * Resolves once everything this room accepted is stored (null: it already is). A device's
   * first sync reads the board whole, so it waits for this: nobody sees an update before the
   * database has it.
   */
  whenStored(): Promise<void> | null {
    return this.queue.whenStored();
  }

  private reload(): void {
    this.fullState = null;
    const stale = this.doc;
    this.load();
    stale.destroy();
  }

  destroy(): void {
    this.flush();
    clearTimeout(this.idleCompaction);
    this.pencil.destroy();
    this.doc.destroy();
    this.awareness.destroy();
  }
}
