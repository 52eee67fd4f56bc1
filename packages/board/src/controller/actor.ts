import {
  type Board,
  type Command,
  createUndoManager,
  localOrigin,
  runCommand,
} from '@roundtable/shared';
import type * as Y from 'yjs';
import { DEFAULT_SETTINGS, type ToolSettings } from './tools';

/**
 * Someone who draws: this device's user, or one seat at the table. Each has its own tools
 * and colour, its own authorship and its own undo stack, which tracks only its own edits.
 */
export class Actor {
  settings: ToolSettings;
  /** How others see this actor (name tags, the participants strip). */
  name = '';
  color = '#1f2a44';
  private readonly undoManager: Y.UndoManager;

  constructor(
    readonly id: string,
    private readonly board: Board,
    /** Which way this actor's new notes and text face (degrees): a seat's edge turns them. */
    public facing: number,
    settings: Partial<ToolSettings>,
    onHistory: () => void,
  ) {
    this.settings = { ...DEFAULT_SETTINGS, ...settings };
    this.undoManager = createUndoManager(board, id, { captureTimeout: Number.POSITIVE_INFINITY });
    this.undoManager.on('stack-item-added', onHistory);
    this.undoManager.on('stack-item-popped', onHistory);
  }

  /**
   * Runs a command as this actor. Each call is its own undo step unless `sameUndoStep`
   * (an eraser gesture deleting stroke after stroke is one step).
   */
  perform<Args, Result>(
    command: Command<Args, Result>,
    args: Args,
    { sameUndoStep = false } = {},
  ): Result {
    if (!sameUndoStep) this.undoManager.stopCapturing();
    return runCommand(this.board, command, args, localOrigin(this.id));
  }

  /** Starts a new undo step that the following `sameUndoStep` commands join. */
  beginUndoStep(): void {
    this.undoManager.stopCapturing();
  }

  undo(): void {
    this.undoManager.undo();
  }

  redo(): void {
    this.undoManager.redo();
  }

  get canUndo(): boolean {
    return this.undoManager.canUndo();
  }

  get canRedo(): boolean {
    return this.undoManager.canRedo();
  }

  destroy(): void {
    this.undoManager.destroy();
  }
}
