import { type Board, compareByZ, listElements } from '../doc/board';
import type { ElementRecord } from '../schema/elements';

/**
 * How a board was built: its elements in the order they were made (by creation time, ties
 * in stacking order), for replaying an exhibit stroke by stroke.
 */
export function replaySteps(board: Board): ElementRecord[] {
  return listElements(board).sort((a, b) => a.createdAt - b.createdAt || compareByZ(a, b));
}

/** Speeds a replay offers, and the pause between two steps at 1x. */
export const REPLAY_SPEEDS = [1, 4, 16] as const;
export const REPLAY_STEP_MS = 400;
