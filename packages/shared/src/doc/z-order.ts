import { generateNKeysBetween } from 'fractional-indexing';
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

/** `count` ascending z indexes above everything on the board. */
export function zKeysAbove(board: Board, count = 1): string[] {
  return generateNKeysBetween(zBounds(board).max, null, count);
}

/** `count` ascending z indexes below everything on the board. */
export function zKeysBelow(board: Board, count = 1): string[] {
  return generateNKeysBetween(null, zBounds(board).min, count);
}
