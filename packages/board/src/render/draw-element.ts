import {
  type Canvas2D,
  drawElementOn,
  type ElementRecord,
  memoByObject,
  type Pictures,
  paintedBounds as paintedFrom,
  type Rect,
} from '@roundtable/shared';
import { cachedBounds } from '../controller/geometry-cache';
import { imageFailed, loadedImage } from './image-cache';

// How each element type draws lives with its geometry in `@roundtable/shared` (elements/):
// this binds it to the board's picture cache and bounds cache.
export { drawShape } from '@roundtable/shared';

const pictures: Pictures = { loaded: loadedImage, failed: imageFailed };

/**
 * Draws one finished element in board coordinates (the caller sets the camera transform,
 * and says how many device pixels a board unit is: `scale`), moved by `offset` if given.
 */
export function drawElement(
  ctx: Canvas2D,
  element: ElementRecord,
  options: { scale: number; offset?: { x: number; y: number } },
) {
  drawElementOn(ctx, element, { ...options, pictures });
}

/**
 * The board rectangle an element's pixels may cover, worked out once per record: the scene
 * asks for every element on each draw, and laying out a note's text again each time would
 * cost a frame its budget on a busy board.
 */
export const paintedBounds = memoByObject(
  (element: ElementRecord): Rect => paintedFrom(element, cachedBounds(element)),
);
