import {
  ABSENCE_GRACE_MS,
  applyPencilRequest,
  type Board,
  DEFAULT_PENCIL,
  type PencilRequest,
  type PencilState,
  parsePencil,
  participantsOwnedBy,
  type Refusal,
  type Requester,
  Roster,
  reconcilePencil,
  seatsInTurnOrder,
  turnEndsAt,
} from '@roundtable/shared';
import type { Trust } from '../auth/trust';
import type { Caller } from './caller';

/** A stroke finishing just as the pencil passes is still accepted for this long. */
export const PENCIL_GRACE_MS = 1500;

/** The pencil's two graces (the server's config sets them; tests shorten or stretch them). */
export interface PencilGraces {
  /** A holder (or the table, for its seats) that drops off this long or less still holds it. */
  absenceMs?: number;
  /** A stroke from the previous holder is still accepted this long after the pencil passed. */
  passMs?: number;
}

/** The roster's name for the table: all its seats come and go with it. */
const TABLE = '\u0000table';

/**
 * The server's side of the talking pencil for one board: who a connection speaks for (from
 * its credentials), requests run through the shared state machine, who may change content
 * right now, and keeping the pencil with someone who is here — where a device that dropped
 * off for less than the roster's grace still counts as here, and its turn's clock waits.
 */
export class PencilKeeper {
  private previous: { holderId: string | null; until: number } = { holderId: null, until: 0 };
  private timer: NodeJS.Timeout | null = null;
  private parsed: { raw: unknown; state: PencilState } = { raw: undefined, state: DEFAULT_PENCIL };
  private readonly roster: Roster;
  private readonly passGraceMs: number;
  /** Since when the holder has been away, while their turn's clock is held. */
  private holderAway: { id: string; since: number } | null = null;

  constructor(
    private readonly board: () => Board,
    private readonly members: () => Iterable<Caller>,
    private readonly trust: Trust,
    /** Writes the new state as the server (stored and relayed like any update). */
    private readonly write: (state: PencilState) => void,
    { absenceMs = ABSENCE_GRACE_MS, passMs = PENCIL_GRACE_MS }: PencilGraces = {},
    private readonly now: () => number = Date.now,
  ) {
    this.roster = new Roster(absenceMs);
    this.passGraceMs = passMs;
    // A board opened after a restart: its table and holder get the grace to come back.
    const holder = this.state().holderId;
    const start = this.now();
    this.roster.greet(TABLE, start);
    if (holder) this.roster.greet(holder, start);
  }

  /** The pencil as stored, parsed once per stored value (Yjs hands back the same object). */
  state(): PencilState {
    const raw = this.board().control.get('pencil');
    if (raw !== this.parsed.raw) {
      this.parsed = { raw, state: parsePencil(raw) };
    }
    return this.parsed.state;
  }

  /** The seats and tablets a connection speaks for: a table its seats, a tablet its own record. */
  idsOf(member: Caller): string[] {
    const board = this.board();
    if (this.trust.speaksForSeats(member.credentials)) return [...board.seats.keys()];
    return participantsOwnedBy(board, member.credentials.keyHash);
  }

  /** Who sent a request: whom it speaks for, and whether it runs the class. */
  requesterOf(member: Caller): Requester {
    return { ids: this.idsOf(member), facilitator: this.trust.facilitates(member.credentials) };
  }

  /** Who is connected now: the table (standing for its seats) and the tablets whose keys are here. */
  private connected(board: Board): Set<string> {
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const { credentials } of this.members()) {
      if (this.trust.speaksForSeats(credentials)) ids.add(TABLE);
      if (credentials.keyHash) keys.add(credentials.keyHash);
    }
    for (const [id, participant] of board.participants) {
      if (keys.has(participant.keyHash)) ids.add(id);
    }
    return ids;
  }

  private tabletsInTurnOrder(board: Board): string[] {
    return [...board.participants.values()]
      .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1))
      .map((p) => p.id);
  }

  /** Everyone who may hold the pencil now, in turn order: seats (while the table is here), then tablets. */
  participantsHere(): string[] {
    const board = this.board();
    const here = this.roster.here(
      [TABLE, ...this.tabletsInTurnOrder(board)],
      this.connected(board),
      this.now(),
    );
    const seats = here[0] === TABLE ? seatsInTurnOrder(board.seats.values()).map((s) => s.id) : [];
    return [...seats, ...here.filter((id) => id !== TABLE)];
  }

  /** Someone is about to leave: everyone connected counts as seen now, so their absence starts now. */
  beforeLeave(): void {
    this.roster.here([], this.connected(this.board()), this.now());
  }

  /** Runs a device's request; the error is for that device, which words it. */
  request(member: Caller, request: PencilRequest): { ok: true } | { ok: false; error: Refusal } {
    const requester = this.requesterOf(member);
    const outcome = applyPencilRequest(this.state(), request, requester, {
      participants: this.participantsHere(),
      now: this.now(),
    });
    if (!outcome.ok) return outcome;
    if (requester.facilitator) this.trust.facilitated(member.credentials);
    this.commit(outcome.state);
    return { ok: true };
  }

  /** Whether this connection may change the board's content right now. */
  mayWriteContent(member: Caller): boolean {
    const state = this.state();
    if (state.mode === 'open') return true;
    const ids = this.idsOf(member);
    if (state.holderId !== null && ids.includes(state.holderId)) return true;
    // An honest race: the stroke was drawn while this device still held the pencil.
    return (
      this.previous.holderId !== null &&
      ids.includes(this.previous.holderId) &&
      this.now() < this.previous.until
    );
  }

  /** Where the holder is: away since when (held in the roster's grace), or null when here. */
  private holderAwaySince(state: PencilState): number | null {
    if (state.holderId === null) return null;
    const board = this.board();
    const connected = this.connected(board);
    const rosterId = board.seats.has(state.holderId) ? TABLE : state.holderId;
    return this.roster.awaySince(rosterId, connected);
  }

  /**
   * Someone came or went, a seat changed, a grace or a timer ran out: keep the pencil with
   * someone here. While the holder is away their turn's clock stands still.
   */
  reconcile(): void {
    let state = this.state();
    // Open boards have nothing to keep (and presence changes with every frame of live ink).
    if (state.mode !== 'pencil') return;
    const now = this.now();
    const participants = this.participantsHere();
    const awaySince = this.holderAwaySince(state);
    if (this.holderAway && awaySince === null && this.holderAway.id === state.holderId) {
      // Back: the turn resumes with the time it had left.
      const paused = now - this.holderAway.since;
      if (state.turnStartedAt !== null) {
        state = { ...state, turnStartedAt: state.turnStartedAt + paused };
      }
    }
    this.holderAway =
      awaySince !== null && state.holderId !== null
        ? { id: state.holderId, since: this.holderAway?.since ?? awaySince }
        : null;
    const clock = this.holderAway ? Math.min(now, this.holderAway.since) : now;
    const next = reconcilePencil(state, { participants, now: clock });
    if (next !== this.state()) this.commit(next);
    else this.schedule(next);
  }

  private commit(next: PencilState): void {
    const before = this.state();
    if (before.holderId !== next.holderId) {
      this.previous = { holderId: before.holderId, until: this.now() + this.passGraceMs };
      this.holderAway = null;
    }
    if (JSON.stringify(before) !== JSON.stringify(next)) this.write(next);
    this.schedule(next);
  }

  /** Wakes up when an auto-passing turn ends, or when an absent holder's grace runs out. */
  private schedule(state: PencilState): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const board = this.board();
    const connected = this.connected(board);
    const graceEnds = this.roster.nextExpiry(
      [TABLE, ...this.tabletsInTurnOrder(board)],
      connected,
      this.now(),
    );
    const turnEnds = state.autoPass && !this.holderAway ? turnEndsAt(state) : null;
    const wake = [graceEnds, turnEnds].filter((t): t is number => t !== null);
    if (state.mode !== 'pencil' || wake.length === 0) return;
    this.timer = setTimeout(
      () => this.reconcile(),
      Math.max(0, Math.min(...wake) - this.now()) + 5,
    );
    this.timer.unref();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
