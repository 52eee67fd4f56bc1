import type { Rect } from '../geometry/camera';
import type { TableEdge } from '../schema/records/seat';
import type { Size } from './seat-layout';

/**
 * Coordinates along a screen edge: `along` runs with the screen's x (bottom and top edges)
 * or y (left and right), `depth` from the edge inwards. Turning a toolbar to face its edge
 * (EDGE_ROTATION) maps its own left-to-right onto `along` in the direction `alongSign`.
 */

/** How long an edge is (CSS px). */
export function edgeLength(edge: TableEdge, screen: Size): number {
  return edge === 'bottom' || edge === 'top' ? screen.width : screen.height;
}

/** Whether an edge runs along the screen's width (the long edges of a landscape table). */
export const isLongEdge = (edge: TableEdge) => edge === 'bottom' || edge === 'top';

/**
 * +1 when a toolbar facing this edge reads left to right in the `along` direction (bottom,
 * left), -1 when against it (top, right).
 */
export function alongSign(edge: TableEdge): 1 | -1 {
  return edge === 'bottom' || edge === 'left' ? 1 : -1;
}

/** The screen box of the stretch [from, to] along an edge, `near`..`far` deep into the screen. */
export function edgeRect(
  edge: TableEdge,
  screen: Size,
  along: { from: number; to: number },
  depth: { near: number; far: number },
): Rect {
  const a = along.from;
  const length = along.to - along.from;
  const thick = depth.far - depth.near;
  switch (edge) {
    case 'bottom':
      return { x: a, y: screen.height - depth.far, w: length, h: thick };
    case 'top':
      return { x: a, y: depth.near, w: length, h: thick };
    case 'left':
      return { x: depth.near, y: a, w: thick, h: length };
    case 'right':
      return { x: screen.width - depth.far, y: a, w: thick, h: length };
  }
}

/** Where a screen point lies along an edge. */
export function alongOf(edge: TableEdge, point: { x: number; y: number }): number {
  return isLongEdge(edge) ? point.x : point.y;
}
