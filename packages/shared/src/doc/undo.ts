import * as Y from 'yjs';
import type { Board } from './board';
import { localOrigin } from './origins';

/**
 * An undo stack for one actor (a seat at the table or a tablet user): it tracks only that
 * actor's local origin, so undo never reverts a classmate's stroke or a remote update.
 */
export function createUndoManager(
  board: Board,
  actorId: string,
  { captureTimeout = 0 } = {},
): Y.UndoManager {
  return new Y.UndoManager([board.elements], {
    trackedOrigins: new Set([localOrigin(actorId)]),
    // 0: every transaction is its own step. The board passes Infinity and draws the line
    // between steps itself (stopCapturing), so an eraser gesture is one step.
    captureTimeout,
  });
}
