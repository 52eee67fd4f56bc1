import { recolourElements } from '@roundtable/shared';
import type { Actor } from './actor';
import { MoveModes } from './move-modes';
import { SelectionController } from './selection';
import type { ToolId, ToolSettings } from './tools';

/** Each actor's tool, colour and width, a seat's "Move the board", and undo per actor. */
export class ToolChoiceController extends SelectionController {
  /** Seats whose next gesture moves the board. */
  protected readonly moves = new MoveModes(this);

  protected changeSettings(actorId: string | undefined, changes: Partial<ToolSettings>): void {
    const actor = this.actor(actorId);
    actor.settings = { ...actor.settings, ...changes };
    this.emit('tool');
  }

  setTool(tool: ToolId, actorId?: string): void {
    if (tool !== 'select') this.select([]);
    this.moves.forget(this.actor(actorId));
    this.changeSettings(actorId, { tool });
  }

  /**
   * A seat's "Move the board": its next gesture moves the board (two fingers also zoom), and
   * when that gesture ends the seat has its tool back. Pressed again, it is called off.
   */
  toggleMove(actorId: string): void {
    const actor = this.actor(actorId);
    const before = this.moves.toggle(actor);
    this.changeSettings(actorId, { tool: before ?? 'hand' });
  }

  /** Whether this seat's next gesture moves the board. */
  moving(actorId: string): boolean {
    return this.moves.armed(this.actor(actorId));
  }

  /** Gives back a seat's tool once its move of the board is over (see `MoveModes`). */
  endMove(actor: Actor, tool: ToolId): void {
    actor.settings = { ...actor.settings, tool };
    this.emit('tool');
  }

  /** The actor's ink colour; with the select tool and a selection, the selection's too. */
  setColor(color: string, actorId?: string): void {
    this.changeSettings(actorId, { color });
    const actor = this.actor(actorId);
    if (actor.settings.tool !== 'select' || this.selection.size === 0) return;
    if (this.refuseEdit(actor)) return;
    actor.perform(recolourElements, { ids: [...this.selection], color });
  }

  setWidth(width: number, actorId?: string): void {
    this.changeSettings(actorId, { width });
  }

  setNoteColor(noteColor: string, actorId?: string): void {
    this.changeSettings(actorId, { noteColor });
  }

  /** Undoes the last step of this device's user, or of one seat: never anyone else's. */
  undo(actorId?: string): void {
    const actor = this.actor(actorId);
    if (!this.refuseEdit(actor)) actor.undo();
  }

  redo(actorId?: string): void {
    const actor = this.actor(actorId);
    if (!this.refuseEdit(actor)) actor.redo();
  }
}
