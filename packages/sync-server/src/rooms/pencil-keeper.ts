import {
  applyPencilRequest,
  type Board,
  DEFAULT_PENCIL,
  type PencilRequest,
  type PencilState,
  parsePencil,
  participantsOwnedBy,
  type Requester,
  reconcilePencil,
  seatsInTurnOrder,
  turnEndsAt,
} from '@roundtable/shared';
import type { Awareness } from 'y-protocols/awareness';

/** A stroke finishing just as the pencil passes is still accepted for this long. */
export const PENCIL_GRACE_MS = 1500;

/**
 * Who may run the class from a socket: a signed-in librarian; before any librarian PIN is
 * set, a table device (the first start of a fresh install); otherwise nobody.
 */
export type Facilitation = 'librarian' | 'table' | 'none';

/** What the keeper needs to know of a connection: which awareness client it speaks as. */
export interface PencilMember {
  readonly awarenessClientId: number | null;
  readonly facilitation: Facilitation;
  readonly deviceKeyHash: string | null;
}

interface PresenceUser {
  kind?: unknown;
  id?: unknown;
}

/**
 * The server's side of the talking pencil for one board: who a connection speaks for,
 * requests run through the shared state machine, who may change content right now, and
 * keeping the pencil with someone who is here (holder left, timer ran out).
 */
export class PencilKeeper {
  private previous: { holderId: string | null; until: number } = { holderId: null, until: 0 };
  private timer: NodeJS.Timeout | null = null;
  private parsed: { raw: unknown; state: PencilState } = { raw: undefined, state: DEFAULT_PENCIL };

  constructor(
    private readonly board: () => Board,
    private readonly awareness: Awareness,
    /** Writes the new state as the server (stored and relayed like any update). */
    private readonly write: (state: PencilState) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The pencil as stored, parsed once per stored value (Yjs hands back the same object). */
  state(): PencilState {
    const raw = this.board().control.get('pencil');
    if (raw !== this.parsed.raw) {
      this.parsed = { raw, state: parsePencil(raw) };
    }
    return this.parsed.state;
  }

  private user(member: PencilMember): PresenceUser | null {
    if (member.awarenessClientId === null) return null;
    const state = this.awareness.getStates().get(member.awarenessClientId);
    return (state?.user as PresenceUser | undefined) ?? null;
  }

  /**
   * A table speaks for its seats and may facilitate; a tablet for the participant that
   * carries its device key (a device cannot speak for a tablet whose key it does not have).
   */
  requesterOf(member: PencilMember): Requester {
    const user = this.user(member);
    const board = this.board();
    const facilitator =
      member.facilitation === 'librarian' ||
      (member.facilitation === 'table' && user?.kind === 'table');
    if (user?.kind === 'table') return { ids: [...board.seats.keys()], facilitator };
    return { ids: participantsOwnedBy(board, member.deviceKeyHash), facilitator };
  }

  /** Everyone who may hold the pencil now, in turn order: seats (while a table is here), then tablets. */
  participantsHere(): string[] {
    const board = this.board();
    const users = [...this.awareness.getStates().values()].map((s) => s?.user as PresenceUser);
    const tableHere = users.some((u) => u?.kind === 'table');
    const tabletsHere = new Set(users.filter((u) => u?.kind === 'tablet').map((u) => u.id));
    const seats = tableHere ? seatsInTurnOrder(board.seats.values()).map((s) => s.id) : [];
    const tablets = [...board.participants.values()]
      .filter((p) => tabletsHere.has(p.id))
      .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : 1))
      .map((p) => p.id);
    return [...seats, ...tablets];
  }

  /** Runs a device's request; the error is for that device, in words a student understands. */
  request(
    member: PencilMember,
    request: PencilRequest,
  ): { ok: true } | { ok: false; error: string } {
    const outcome = applyPencilRequest(this.state(), request, this.requesterOf(member), {
      participants: this.participantsHere(),
      now: this.now(),
    });
    if (!outcome.ok) return outcome;
    this.commit(outcome.state);
    return { ok: true };
  }

  /** Whether this connection may change the board's content right now. */
  mayWriteContent(member: PencilMember): boolean {
    const state = this.state();
    if (state.mode === 'open') return true;
    const { ids } = this.requesterOf(member);
    if (state.holderId !== null && ids.includes(state.holderId)) return true;
    // An honest race: the stroke was drawn while this device still held the pencil.
    return (
      this.previous.holderId !== null &&
      ids.includes(this.previous.holderId) &&
      this.now() < this.previous.until
    );
  }

  /** Someone came or went, a seat changed, or a timer ran out: keep the pencil with someone here. */
  reconcile(): void {
    const state = this.state();
    // Open boards have nothing to keep (and presence changes with every frame of live ink).
    if (state.mode !== 'pencil') return;
    const next = reconcilePencil(state, { participants: this.participantsHere(), now: this.now() });
    if (next !== state) this.commit(next);
    else this.schedule(state);
  }

  private commit(next: PencilState): void {
    const before = this.state();
    if (before.holderId !== next.holderId) {
      this.previous = { holderId: before.holderId, until: this.now() + PENCIL_GRACE_MS };
    }
    if (JSON.stringify(before) !== JSON.stringify(next)) this.write(next);
    this.schedule(next);
  }

  /** Wakes up when an auto-passing turn ends. */
  private schedule(state: PencilState): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const ends = turnEndsAt(state);
    if (!state.autoPass || ends === null) return;
    this.timer = setTimeout(() => this.reconcile(), Math.max(0, ends - this.now()) + 5);
    this.timer.unref();
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
