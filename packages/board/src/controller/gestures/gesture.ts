import type { Board } from '@roundtable/shared';
import type { Actor } from '../actor';
import type { BoardController } from '../controller';
import type { PointerSample } from '../input';

/** What one pointer is doing from down to up: drawing, erasing, dragging, pinching… */
export interface Gesture {
  move(sample: PointerSample): void;
  end(sample: PointerSample): void;
  /** The pointer was cancelled or taken over (a second finger started a pinch). */
  cancel(): void;
}

export interface GestureContext {
  readonly board: Board;
  readonly controller: BoardController;
  /** Whose gesture this is: the seat whose territory it began in, or this device's user. */
  readonly actor: Actor;
}
