import { addElement } from '@roundtable/shared';
import type { PointerSample } from '../input';
import type { SHAPE_TOOLS } from '../tools';
import type { Gesture, GestureContext } from './gesture';

export interface ShapePreview {
  kind: (typeof SHAPE_TOOLS)[number];
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  strokeWidth: number;
}

/** Smaller than this (in CSS px) is a slip, not a shape. */
const MIN_SHAPE_PX = 6;

/** Drag out a rectangle, ellipse, line or arrow; it is committed on release. */
export function shapeGesture(
  { controller, actor }: GestureContext,
  start: PointerSample,
  kind: ShapePreview['kind'],
): Gesture {
  const origin = controller.toBoard(start);
  const preview: ShapePreview = {
    kind,
    x: origin.x,
    y: origin.y,
    w: 0,
    h: 0,
    color: actor.settings.color,
    strokeWidth: actor.settings.width,
  };
  const update = (sample: PointerSample) => {
    const p = controller.toBoard(sample);
    preview.w = p.x - origin.x;
    preview.h = p.y - origin.y;
    controller.setPreview(start.id, preview);
  };
  return {
    move: update,
    end(sample) {
      update(sample);
      controller.setPreview(start.id, null);
      const sizePx = Math.hypot(preview.w, preview.h) * controller.camera.zoom;
      if (sizePx < MIN_SHAPE_PX) return;
      // Boxes are stored with their top-left corner and a positive size.
      const box = kind === 'rect' || kind === 'ellipse';
      actor.perform(addElement, {
        type: 'shape',
        kind,
        authorId: actor.id,
        x: box ? Math.min(origin.x, origin.x + preview.w) : origin.x,
        y: box ? Math.min(origin.y, origin.y + preview.h) : origin.y,
        w: box ? Math.abs(preview.w) : preview.w,
        h: box ? Math.abs(preview.h) : preview.h,
        rotation: 0,
        stroke: preview.color,
        fill: null,
        strokeWidth: preview.strokeWidth,
      });
    },
    cancel() {
      controller.setPreview(start.id, null);
    },
  };
}
