import {
  hitsElement,
  insideHollowShape,
  moveElements,
  type Rect,
  rectsIntersect,
} from '@roundtable/shared';
import { cachedBounds } from '../geometry-cache';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

/** A finger within this many CSS px of an element picks it (a pen or mouse: closer). */
const FINGER_RADIUS_PX = 20;
const POINTER_RADIUS_PX = 10;
/** Moving less than this is a tap, not a drag. */
const DRAG_SLOP_PX = 4;

/**
 * The topmost element under a screen point, or null. A hollow rectangle or ellipse is
 * picked by its outline (within a finger's reach), so what lies inside it can be picked;
 * a touch inside one where nothing else is picks the shape itself.
 */
export function pickElement(
  { board, controller }: GestureContext,
  sample: PointerSample,
): string | null {
  const p = controller.toBoard(sample);
  const reach = sample.kind === 'touch' ? FINGER_RADIUS_PX : POINTER_RADIUS_PX;
  const radius = reach / controller.camera.zoom;
  const elements = [...board.elements.values()];
  let hits = elements.filter((e) => hitsElement(e, p, radius));
  if (hits.length === 0) hits = elements.filter((e) => insideHollowShape(e, p));
  hits.sort((a, b) => (a.z < b.z ? 1 : a.z > b.z ? -1 : a.id < b.id ? 1 : -1));
  return hits[0]?.id ?? null;
}

/**
 * The select tool: tap an element to select it, drag it (and the rest of the selection) to
 * move it, or drag on empty board to select everything a marquee touches.
 */
export function selectGesture(context: GestureContext, start: PointerSample): Gesture {
  const { board, controller, actor } = context;
  const picked = pickElement(context, start);
  const origin = controller.toBoard(start);
  let dragging = false;

  if (picked) {
    if (!controller.selection.has(picked)) controller.select([picked]);
    return {
      move(sample) {
        if (!dragging && Math.hypot(sample.x - start.x, sample.y - start.y) < DRAG_SLOP_PX) return;
        dragging = true;
        const p = controller.toBoard(sample);
        controller.setDragOffset({ x: p.x - origin.x, y: p.y - origin.y });
      },
      end(sample) {
        if (!dragging) return;
        const p = controller.toBoard(sample);
        controller.setDragOffset(null);
        actor.perform(moveElements, {
          ids: [...controller.selection],
          dx: p.x - origin.x,
          dy: p.y - origin.y,
        });
      },
      cancel() {
        controller.setDragOffset(null);
      },
    };
  }

  const marqueeTo = (sample: PointerSample): Rect => {
    const p = controller.toBoard(sample);
    return {
      x: Math.min(origin.x, p.x),
      y: Math.min(origin.y, p.y),
      w: Math.abs(p.x - origin.x),
      h: Math.abs(p.y - origin.y),
    };
  };
  return {
    move(sample) {
      controller.setMarquee(marqueeTo(sample));
    },
    end(sample) {
      const marquee = marqueeTo(sample);
      controller.setMarquee(null);
      const inside = [...board.elements.values()]
        .filter((e) => rectsIntersect(cachedBounds(e), marquee))
        .map((e) => e.id);
      controller.select(marquee.w + marquee.h > 0 ? inside : []);
    },
    cancel() {
      controller.setMarquee(null);
    },
  };
}
