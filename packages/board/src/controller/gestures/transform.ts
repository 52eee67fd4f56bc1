import {
  type ElementChanges,
  handlePositions,
  isResizable,
  resizeTowards,
  rotateTowards,
  toBoardFrame,
  updateElements,
} from '@roundtable/shared';
import type { PointerSample } from '../input';
import type { Gesture, GestureContext } from './gesture';

/** Handles answer within this many CSS px of their centre: a 56 px target for a finger. */
export const HANDLE_RADIUS_PX = 28;
/** Handles are drawn this big (CSS px across): as big as a finger's target. */
export const HANDLE_DRAWN_PX = 44;
/** How far above a selected element's top edge its rotate handle floats (CSS px). */
export const ROTATE_HANDLE_OFFSET_PX = 64;

export interface HandleHit {
  id: string;
  kind: 'resize' | 'rotate';
}

/** A resize or rotate handle of the single selected element under the finger, if any. */
export function handleAt(
  { board, controller }: GestureContext,
  sample: PointerSample,
): HandleHit | null {
  if (controller.selection.size !== 1) return null;
  const [id] = controller.selection;
  const element = id ? board.elements.get(id) : undefined;
  if (!id || !element) return null;
  const zoom = controller.camera.zoom;
  const handles = handlePositions(element, ROTATE_HANDLE_OFFSET_PX / zoom);
  const p = controller.toBoard(sample);
  for (const kind of ['resize', 'rotate'] as const) {
    const local = handles[kind];
    if (!local) continue;
    const at = toBoardFrame(element, local);
    if (Math.hypot(at.x - p.x, at.y - p.y) <= HANDLE_RADIUS_PX / zoom) return { id, kind };
  }
  return null;
}

/**
 * Dragging a handle: the element follows on the live layer, and one edit is committed
 * when the finger lifts (one undo step, one update for everyone else).
 */
export function transformGesture(context: GestureContext, hit: HandleHit): Gesture {
  const { board, controller, actor } = context;
  const start = board.elements.get(hit.id);
  let changes: ElementChanges | null = null;
  const follow = (sample: PointerSample) => {
    if (!start) return;
    const p = controller.toBoard(sample);
    if (hit.kind === 'rotate') changes = rotateTowards(start, p);
    else if (isResizable(start)) changes = resizeTowards(start, p);
    if (changes) controller.setTransformPreview({ id: hit.id, changes });
  };
  return {
    move: follow,
    end(sample) {
      follow(sample);
      controller.setTransformPreview(null);
      if (changes && board.elements.has(hit.id)) {
        actor.perform(updateElements, [{ id: hit.id, changes }]);
      }
    },
    cancel() {
      controller.setTransformPreview(null);
    },
  };
}
