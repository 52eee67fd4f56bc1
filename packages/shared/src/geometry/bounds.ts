import { utilFor } from '../elements/registry';
import type { ElementRecord } from '../schema/elements';
import type { Rect } from './camera';
import { placedBounds } from './plane';

/** An element's extent in its own frame, before rotation about (x, y). */
export const localBounds = (element: ElementRecord): Rect => utilFor(element).localBounds(element);

/** The axis-aligned box an element covers on the board (rotation included). */
export function elementBounds(element: ElementRecord): Rect {
  return placedBounds(localBounds(element), element);
}

/**
 * The board rectangle an element's pixels may cover, to repaint around it, from its
 * `bounds` (pass a cached `elementBounds`).
 */
export function paintedBounds(element: ElementRecord, bounds = elementBounds(element)): Rect {
  return utilFor(element).paintedBounds(element, bounds);
}
