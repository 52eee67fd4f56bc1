import {
  type Board,
  bringToFront,
  deleteElements,
  duplicateElements,
  moveElements,
  sendToBack,
  updateElements,
} from '@roundtable/shared';
import type { Actor } from './actor';
import { PermissionsController } from './permissions';
import type { ControllerOptions } from './types';

/** What is selected, what is being typed, and the changes made to the selection. */
export class SelectionController extends PermissionsController {
  selection: ReadonlySet<string> = new Set();
  editingId: string | null = null;
  private editingActor: Actor | null = null;

  constructor(board: Board, options: ControllerOptions) {
    super(board, options);
    board.elements.observe(this.dropVanishedSelection);
  }

  select(ids: readonly string[]): void {
    if (ids.length === 0 && this.selection.size === 0) return;
    this.selection = new Set(ids);
    this.emit('selection');
  }

  /** Moves what is selected by (dx, dy) board units: the keyboard's arrows. */
  moveSelection(dx: number, dy: number): void {
    if (this.selection.size === 0 || this.refuseEdit()) return;
    this.perform(moveElements, { ids: [...this.selection], dx, dy });
  }

  deleteSelection(): void {
    if (this.selection.size === 0 || this.refuseEdit()) return;
    this.perform(deleteElements, [...this.selection]);
    this.select([]);
  }

  duplicateSelection(): void {
    if (this.selection.size === 0 || this.refuseEdit()) return;
    const copies = this.perform(duplicateElements, {
      ids: [...this.selection],
      dx: 24,
      dy: 24,
      authorId: this.actorId,
    });
    this.select(copies);
  }

  bringSelectionToFront(): void {
    if (this.refuseEdit()) return;
    this.perform(bringToFront, [...this.selection]);
  }

  sendSelectionToBack(): void {
    if (this.refuseEdit()) return;
    this.perform(sendToBack, [...this.selection]);
  }

  /** Opens a note or text box for typing; the typing belongs to `actor` (who placed it). */
  startEditing(id: string, actor: Actor = this.device): void {
    this.editingId = id;
    this.editingActor = actor;
    actor.beginUndoStep();
    this.emit('editing');
  }

  /** Typing into a note or text box: one undo step per editing session. */
  editText(text: string): void {
    if (!this.editingId) return;
    this.actor(this.editingActor?.id).perform(
      updateElements,
      [{ id: this.editingId, changes: { text } }],
      { sameUndoStep: true },
    );
  }

  finishEditing(): void {
    this.editingActor?.beginUndoStep();
    this.editingId = null;
    this.editingActor = null;
    this.emit('editing');
  }

  private readonly dropVanishedSelection = () => {
    const kept = [...this.selection].filter((id) => this.board.elements.has(id));
    if (kept.length !== this.selection.size) this.select(kept);
    if (this.editingId && !this.board.elements.has(this.editingId)) this.finishEditing();
  };

  override destroy(): void {
    this.board.elements.unobserve(this.dropVanishedSelection);
    super.destroy();
  }
}
