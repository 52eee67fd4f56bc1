import { generateKeyBetween } from 'fractional-indexing';
import type { Board } from './board';

function zBounds(board: Board): { min: string | null; max: string | null } {
  let min: string | null = null;
  let max: string | null = null;
  for (const element of board.elements.values()) {
    if (min === null || element.z < min) min = element.z;
    if (max === null || element.z > max) max = element.z;
  }
  return { min, max };
}

/** A z index above everything on the board. */
export function zAbove(board: Board): string {
  return generateKeyBetween(zBounds(board).max, null);
}

/** A z index below everything on the board. */
export function zBelow(board: Board): string {
  return generateKeyBetween(null, zBounds(board).min);
}
