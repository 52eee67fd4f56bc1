import { utilFor } from '../elements/registry';
import { insideShapeOutline, isHollowShape } from '../elements/shape';
import type { ElementRecord } from '../schema/elements';
import type { Point } from './camera';
import { toLocal } from './transform';

/**
 * Does a touch at `point` (board units) with `radius` touch this element? Strokes, lines and
 * hollow rectangles and ellipses are hit near their ink; filled boxes (notes, text, images,
 * filled shapes) anywhere inside.
 */
export function hitsElement(element: ElementRecord, point: Point, radius: number): boolean {
  return utilFor(element).hits(element, toLocal(element, point), radius);
}

/** Whether a board point lies inside a hollow shape (not on its outline: see `hitsElement`). */
export function insideHollowShape(element: ElementRecord, point: Point): boolean {
  return (
    element.type === 'shape' &&
    isHollowShape(element) &&
    insideShapeOutline(element, toLocal(element, point))
  );
}
