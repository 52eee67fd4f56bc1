import {
  boardToScreen,
  type Camera,
  type ElementRecord,
  handlePositions,
  type Rect,
  toBoardFrame,
  unionRects,
} from '@roundtable/shared';
import { cachedBounds } from '../controller/geometry-cache';
import { HANDLE_DRAWN_PX, ROTATE_HANDLE_OFFSET_PX } from '../controller/gestures/transform';

/** Between the selection (with its handles) and its bar (CSS px). */
const GAP = 16;

/**
 * What a selection covers on screen: its elements and, for a single one, its resize and
 * rotate handles (drawn finger-sized round their centres).
 */
export function selectionScreenBox(
  elements: readonly ElementRecord[],
  camera: Camera,
): Rect | null {
  const board = unionRects(elements.map(cachedBounds));
  if (!board) return null;
  const corners = [
    boardToScreen(camera, board),
    boardToScreen(camera, { x: board.x + board.w, y: board.y + board.h }),
  ];
  const handles: Rect[] = [];
  if (elements.length === 1) {
    const element = elements[0]!;
    const at = handlePositions(element, ROTATE_HANDLE_OFFSET_PX / camera.zoom);
    for (const local of [at.rotate, at.resize]) {
      if (!local) continue;
      const p = boardToScreen(camera, toBoardFrame(element, local));
      const r = HANDLE_DRAWN_PX / 2;
      handles.push({ x: p.x - r, y: p.y - r, w: r * 2, h: r * 2 });
    }
  }
  return unionRects([
    {
      x: corners[0]!.x,
      y: corners[0]!.y,
      w: corners[1]!.x - corners[0]!.x,
      h: corners[1]!.y - corners[0]!.y,
    },
    ...handles,
  ]);
}

/**
 * Where a bar of `size` (its footprint on screen) goes beside a selection: below it, else
 * above it, else beside it, inside `area`, never over the selection's handles when there is
 * any room for it. Returns the footprint's top-left corner.
 */
export function placeSelectionBar(
  selection: Rect,
  size: { w: number; h: number },
  area: Rect,
): { x: number; y: number } {
  const clampX = (x: number) => Math.min(Math.max(x, area.x), area.x + area.w - size.w);
  const clampY = (y: number) => Math.min(Math.max(y, area.y), area.y + area.h - size.h);
  const centreX = clampX(selection.x + selection.w / 2 - size.w / 2);
  const centreY = clampY(selection.y + selection.h / 2 - size.h / 2);
  const below = selection.y + selection.h + GAP;
  if (below + size.h <= area.y + area.h) return { x: centreX, y: below };
  const above = selection.y - GAP - size.h;
  if (above >= area.y) return { x: centreX, y: above };
  const right = selection.x + selection.w + GAP;
  if (right + size.w <= area.x + area.w) return { x: right, y: centreY };
  const left = selection.x - GAP - size.w;
  if (left >= area.x) return { x: left, y: centreY };
  // The selection fills the board: the edge of the board with more room.
  const roomBelow = area.y + area.h - (selection.y + selection.h);
  const roomAbove = selection.y - area.y;
  return { x: centreX, y: roomBelow >= roomAbove ? area.y + area.h - size.h : area.y };
}
