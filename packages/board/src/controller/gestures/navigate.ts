import { panBy, zoomAt } from '@roundtable/shared';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

/** One pointer drags the board (the hand tool, a mouse's middle button). */
export function panGesture({ controller }: GestureContext, start: PointerSample): Gesture {
  let last = start;
  return {
    move(sample) {
      controller.setCamera(panBy(controller.camera, sample.x - last.x, sample.y - last.y));
      last = sample;
    },
    end() {},
    cancel() {},
  };
}

/**
 * Two fingers pan and zoom together: the board point under the fingers' midpoint follows
 * it, and the zoom follows the distance between them.
 */
export function pinchGesture({ controller }: GestureContext, a: PointerSample, b: PointerSample) {
  const fingers = new Map([
    [a.id, a],
    [b.id, b],
  ]);
  const geometry = () => {
    const [p, q] = [...fingers.values()] as [PointerSample, PointerSample];
    return {
      mid: { x: (p.x + q.x) / 2, y: (p.y + q.y) / 2 },
      distance: Math.max(1, Math.hypot(p.x - q.x, p.y - q.y)),
    };
  };
  let last = geometry();
  return {
    ids: [a.id, b.id],
    move(sample: PointerSample) {
      if (!fingers.has(sample.id)) return;
      fingers.set(sample.id, sample);
      const next = geometry();
      const panned = panBy(controller.camera, next.mid.x - last.mid.x, next.mid.y - last.mid.y);
      controller.setCamera(zoomAt(panned, next.mid, next.distance / last.distance));
      last = next;
    },
  };
}
