import type { Point, Rect } from '../geometry/camera';
import type { ElementRecord } from '../schema/elements';
import type { Canvas2D, DrawOptions } from './canvas';
import type { SvgOptions } from './svg';

/**
 * Everything the board knows about one element type, in the element's own frame (its
 * (x, y) at the origin, before rotation): every renderer, the bounds and the hit test read
 * it, so a fact such as an arrow's head or a note's shadow is written once (tldraw's
 * `ShapeUtil`). The PDF export draws from the same facts through each type's exports.
 */
export interface ElementUtil<R extends ElementRecord> {
  /** Its extent, at least what selection and culling must see. */
  localBounds(element: R): Rect;
  /**
   * The board rectangle its pixels may cover, to repaint around it, given its placed
   * `bounds` (`elementBounds`, which the caller may cache): an arrow's head, a note's
   * shadow, text that runs below its box, and anti-aliasing.
   */
  paintedBounds(element: R, bounds: Rect): Rect;
  /** Does a touch at `local` with `radius` touch it? */
  hits(element: R, local: Point, radius: number): boolean;
  draw(ctx: Canvas2D, element: R, options: DrawOptions): void;
  svg(element: R, options: SvgOptions): string;
}

/** Anti-aliasing spreads an edge's pixels this far (board units) past the painted shape. */
export const ANTIALIAS_MARGIN = 2;
