import { deleteElements, hitsElement, rectsIntersect } from '@roundtable/shared';
import { cachedBounds } from '../geometry-cache';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

/** Finger-sized: 24 CSS px around the touch, whatever the zoom. */
export const ERASER_RADIUS_PX = 24;

/** Erases whole strokes (and anything else) the pointer passes over; one undo step per gesture. */
export function eraseGesture(
  { board, controller, actor }: GestureContext,
  start: PointerSample,
): Gesture {
  actor.beginUndoStep();
  const eraseAt = (sample: PointerSample) => {
    const p = controller.toBoard(sample);
    const radius = ERASER_RADIUS_PX / controller.camera.zoom;
    const probe = { x: p.x - radius, y: p.y - radius, w: radius * 2, h: radius * 2 };
    const hits: string[] = [];
    for (const element of board.elements.values()) {
      if (rectsIntersect(cachedBounds(element), probe) && hitsElement(element, p, radius)) {
        hits.push(element.id);
      }
    }
    if (hits.length) actor.perform(deleteElements, hits, { sameUndoStep: true });
  };
  eraseAt(start);
  return { move: eraseAt, end: eraseAt, cancel() {} };
}
