import { deleteElements, hitsElement, rectsIntersect } from '@roundtable/shared';
import { cachedBounds } from '../geometry-cache';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

/** Finger-sized: 24 CSS px around the touch, whatever the zoom. */
export const ERASER_RADIUS_PX = 24;
/**
 * On a tablet a finger must move this far (CSS px) before the eraser starts: a second finger
 * landing first makes it a pinch, which erases nothing.
 */
export const ERASER_SLOP_PX = 10;

/**
 * Erases whole strokes (and anything else) the pointer passes over; one undo step per
 * gesture. On a tablet a touch waits until it moves or lifts, and a gesture taken over by a
 * pinch gives back anything it erased.
 */
export function eraseGesture(
  { board, controller, actor }: GestureContext,
  start: PointerSample,
): Gesture {
  actor.beginUndoStep();
  let erased = false;
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
    if (hits.length) {
      actor.perform(deleteElements, hits, { sameUndoStep: true });
      erased = true;
    }
  };
  // Where the finger has been while the eraser waited to be sure it is not a pinch.
  const waiting: PointerSample[] | null =
    controller.layout === 'tablet' && start.kind === 'touch' ? [start] : null;
  const flush = () => {
    if (!waiting) return;
    for (const sample of waiting.splice(0)) eraseAt(sample);
  };
  let started = waiting === null;
  if (started) eraseAt(start);
  return {
    move(sample) {
      if (!started) {
        waiting!.push(sample);
        if (Math.hypot(sample.x - start.x, sample.y - start.y) < ERASER_SLOP_PX) return;
        started = true;
        flush();
        return;
      }
      eraseAt(sample);
    },
    end(sample) {
      started = true;
      flush();
      eraseAt(sample);
    },
    cancel() {
      if (waiting) waiting.length = 0;
      // Taken over (a pinch) or cancelled by the system: what it erased comes back.
      if (erased) actor.undo();
    },
  };
}
