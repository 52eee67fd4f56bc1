import {
  freeSpot,
  type Point,
  type SeatRecord,
  screenToBoard,
  seatAnchor,
  visibleRect,
} from '@roundtable/shared';
import type { BoardController } from './controller';
import { cachedBounds } from './geometry-cache';

/**
 * Where a new picture of `size` (board units) goes when nobody pointed at a spot: the free
 * place nearest the middle of what the screen shows (for a seat, a third of the way from
 * its edge to the middle, in front of the student), covering nobody's work.
 */
export function pictureSpot(
  controller: BoardController,
  size: { w: number; h: number },
  seat?: Pick<SeatRecord, 'edge' | 'offset'>,
): Point {
  const { viewport } = controller;
  const middle = { x: viewport.width / 2, y: viewport.height / 2 };
  let wanted = middle;
  if (seat) {
    const anchor = seatAnchor(seat, viewport);
    wanted = { x: anchor.x + (middle.x - anchor.x) / 3, y: anchor.y + (middle.y - anchor.y) / 3 };
  }
  const occupied = [...controller.board.elements.values()].map(cachedBounds);
  return freeSpot(
    size,
    occupied,
    screenToBoard(controller.camera, wanted),
    visibleRect(controller.camera, viewport),
  );
}
