import { type Board, type PencilState, parseLock, parsePencil } from '@roundtable/shared';
import type * as Y from 'yjs';
import { t } from '../i18n';
import { blockedBy } from '../sync/kept-aside';
import type { Actor } from './actor';
import { SeatActorsController } from './seat-actors';
import type { ControllerOptions } from './types';

/** Why a seat's touch did nothing on a screen that does not speak for the seats. */
export const notATable = (): string => t('trust.notATable');

/**
 * Who may change the board now, as the server will judge it: the librarian's lock and the
 * talking pencil (`blockedBy`, the rule kept-aside work is held to), and whether this screen
 * speaks for its seats. Every action that changes
 * the board asks `refuseEdit` first, so a refused touch says why instead of being refused.
 */
export class PermissionsController extends SeatActorsController {
  constructor(board: Board, options: ControllerOptions) {
    super(board, options);
    board.control.observe(this.controlChanged);
    board.votes.observe(this.votesChanged);
  }

  /** The talking pencil as the server last wrote it. */
  pencil(): PencilState {
    return parsePencil(this.board.control.get('pencil'));
  }

  /** Whether the librarian has made the board read-only. */
  locked(): boolean {
    return parseLock(this.board.control.get('lock')).locked;
  }

  /**
   * Whether this actor may change the board now: unless it is locked, someone else holds the
   * pencil, or it is a seat of a screen that does not speak for the seats.
   */
  mayEdit(actor: Actor = this.device): boolean {
    return this.whyNot(actor) === null;
  }

  /** Why this actor may not change the board now, in its words; null when it may. */
  whyNot(actor: Actor = this.device): string | null {
    if (this.isSeat(actor) && !this.speaksForSeats()) return notATable();
    const rules = { pencil: this.pencil(), locked: this.locked() };
    const blocked = blockedBy({ authorId: actor.id }, rules);
    if (blocked === null) return null;
    if (blocked.kind === 'locked') return t('notice.locked');
    return blocked.holderId === null
      ? t('notice.pencilWithLibrarian')
      : t('notice.pencilWith', { name: this.nameOf(blocked.holderId) });
  }

  /**
   * The guard of every change: true (and a notice saying why) when `actor` may not change
   * the board now, instead of letting the server refuse the change.
   */
  refuseEdit(actor: Actor = this.device): boolean {
    const why = this.whyNot(actor);
    if (why !== null) this.setNotice({ kind: 'info', text: why });
    return why !== null;
  }

  /** The server wrote control state: the routine, or the pencil and lock. */
  private readonly controlChanged = (event: Y.YMapEvent<unknown>) => {
    for (const key of event.keysChanged) this.emit(key === 'routine' ? 'routine' : 'pencil');
  };
  private readonly votesChanged = () => this.emit('votes');

  override destroy(): void {
    this.board.control.unobserve(this.controlChanged);
    this.board.votes.unobserve(this.votesChanged);
    super.destroy();
  }
}
