import type { Actor } from './actor';
import type { Gesture } from './gestures/gesture';
import type { ToolId } from './tools';

interface MoveHost {
  endMove(actor: Actor, tool: ToolId): void;
}

/**
 * "Move the board" at a seat is a moment, not a mode: the seat's next gesture moves the
 * board and, when it ends, the seat has its own tool back. Only that seat is affected:
 * everyone else keeps drawing.
 */
export class MoveModes {
  /** The tool each armed seat goes back to. */
  private readonly before = new Map<Actor, ToolId>();
  /** Pointers moving the board for an armed seat, and whose seat it is. */
  private readonly pans = new Map<number, Actor>();

  constructor(private readonly host: MoveHost) {}

  /** Arms an actor (returns null: its tool becomes the hand), or disarms it (returns its tool). */
  toggle(actor: Actor): ToolId | null {
    const tool = this.before.get(actor);
    if (tool) {
      this.before.delete(actor);
      return tool;
    }
    this.before.set(actor, actor.settings.tool === 'hand' ? 'pen' : actor.settings.tool);
    return null;
  }

  armed(actor: Actor): boolean {
    return this.before.has(actor);
  }

  /** The actor chose another tool: it is no longer armed. */
  forget(actor: Actor): void {
    this.before.delete(actor);
  }

  /** The armed actor a pointer is moving the board for, if it is. */
  panningFor(pointerId: number): Actor | undefined {
    return this.pans.get(pointerId);
  }

  /** A pan gesture; an armed actor's ends its move of the board when it ends. */
  panning(pointerId: number, actor: Actor, pan: Gesture): Gesture {
    if (!this.before.has(actor)) return pan;
    this.pans.set(pointerId, actor);
    const over = () => {
      this.pans.delete(pointerId);
      const tool = this.before.get(actor);
      if (!tool) return;
      this.before.delete(actor);
      this.host.endMove(actor, tool);
    };
    return {
      move: (sample) => pan.move(sample),
      end: (sample) => {
        pan.end(sample);
        over();
      },
      cancel: () => {
        pan.cancel();
        over();
      },
    };
  }
}
