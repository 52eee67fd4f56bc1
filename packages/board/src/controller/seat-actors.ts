import {
  type Board,
  EDGE_ROTATION,
  type Point,
  type SeatRecord,
  seatAt,
  seatsInTurnOrder,
} from '@roundtable/shared';
import { t } from '../i18n';
import { Actor } from './actor';
import type { ControllerOptions } from './types';
import { ViewController } from './view';

/** The table's seats, each drawing with its own tools and undo, and whose touch is whose. */
export class SeatActorsController extends ViewController {
  /** One actor per seat, by seat id. */
  protected readonly seatActors = new Map<string, Actor>();
  /** See `speaksForSeats`. */
  private seatsSpokenFor = true;

  constructor(board: Board, options: ControllerOptions) {
    super(board, options);
    board.seats.observe(this.syncSeats);
    this.syncSeats();
  }

  /** Tools and undo for this device's user, or for the seat with that id. */
  actor(actorId?: string): Actor {
    return (actorId && this.seatActors.get(actorId)) || this.device;
  }

  /** The table's seats in turn order (clockwise). */
  seats(): SeatRecord[] {
    return seatsInTurnOrder(this.board.seats.values());
  }

  /** Whose touch this is: on the table, the seat whose territory it lands in. */
  actorAt(point: Point): Actor {
    if (this.layout !== 'table' || this.seatActors.size === 0) return this.device;
    const seat = seatAt([...this.board.seats.values()], point, this.viewport);
    return (seat && this.seatActors.get(seat.id)) || this.device;
  }

  /** Whether `actor` is one of the table's seats (not this device's own user). */
  isSeat(actor: Actor): boolean {
    return this.seatActors.get(actor.id) === actor;
  }

  /** A seat's or a tablet's name, for "Fox has the pencil". */
  nameOf(id: string | null): string {
    if (id === null) return t('names.nobody');
    return (
      this.board.seats.get(id)?.name ?? this.board.participants.get(id)?.name ?? t('names.someone')
    );
  }

  /**
   * Whether this device speaks for the table's seats: the server lets only an enrolled table
   * (or, before a librarian PIN is set, any table screen) draw, vote or hold the pencil as a
   * seat. The page says so (`setSpeaksForSeats`); until then a table assumes it does.
   */
  speaksForSeats(): boolean {
    return this.layout === 'table' && this.seatsSpokenFor;
  }

  setSpeaksForSeats(speaks: boolean): void {
    if (speaks === this.seatsSpokenFor) return;
    this.seatsSpokenFor = speaks;
    this.emit('seats');
  }

  /** Keeps one actor per seat as seats are added, moved and removed (by anyone). */
  private readonly syncSeats = () => {
    const seats = new Map([...this.board.seats.entries()]);
    for (const [id, actor] of this.seatActors) {
      if (seats.has(id)) continue;
      actor.destroy();
      this.seatActors.delete(id);
    }
    for (const [id, seat] of seats) {
      let actor = this.seatActors.get(id);
      if (!actor) {
        actor = new Actor(id, this.board, 0, { color: seat.color }, () => this.emit('history'));
        this.seatActors.set(id, actor);
      }
      actor.facing = EDGE_ROTATION[seat.edge];
      actor.name = seat.name;
      actor.color = seat.color;
    }
    this.emit('seats');
  };

  override destroy(): void {
    this.board.seats.unobserve(this.syncSeats);
    for (const actor of this.seatActors.values()) actor.destroy();
    super.destroy();
  }
}
