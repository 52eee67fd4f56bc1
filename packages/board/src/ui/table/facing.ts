import { EDGE_ROTATION, type Rect, type TableEdge } from '@roundtable/shared';
import type { CSSProperties } from 'react';
import { pageStore } from '../../page-store';

/**
 * Which edge of the table touched last: board-wide panels and notices turn to face whoever
 * that is. One table per page, so one value per page.
 */
export const lastTouch = pageStore<TableEdge>('bottom');

/**
 * A box covering `area`, turned to face `edge`: what is laid out inside it reads upright for
 * someone standing at that edge (its bottom is their side; sideways it is as wide as `area`
 * is tall).
 */
export function facingStyle(area: Rect, edge: TableEdge): CSSProperties {
  const sideways = edge === 'left' || edge === 'right';
  const width = sideways ? area.h : area.w;
  const height = sideways ? area.w : area.h;
  return {
    left: area.x + area.w / 2 - width / 2,
    top: area.y + area.h / 2 - height / 2,
    width,
    height,
    transform: EDGE_ROTATION[edge] ? `rotate(${EDGE_ROTATION[edge]}deg)` : undefined,
  };
}
