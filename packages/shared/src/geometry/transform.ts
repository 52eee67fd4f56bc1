import type { ElementRecord } from '../schema/elements';
import { localBounds } from './bounds';
import type { Point } from './camera';
import { rotate } from './plane';

/** Smallest size a resize leaves (board units): a note never collapses to nothing. */
export const MIN_ELEMENT_SIZE = 16;
/** Rotation snaps to the nearest quarter turn within this many degrees. */
export const ROTATION_SNAP_DEGREES = 5;

/** Only elements with a stored size can be resized (strokes can be moved and rotated). */
export type ResizableElement = Extract<
  ElementRecord,
  { type: 'note' | 'shape' | 'image' | 'text' }
>;
export const isResizable = (element: ElementRecord): element is ResizableElement =>
  element.type !== 'stroke';

/** The middle of an element's extent, on the board. */
export function elementCentre(element: ElementRecord): Point {
  const local = localBounds(element);
  const c = rotate({ x: local.x + local.w / 2, y: local.y + local.h / 2 }, element.rotation);
  return { x: element.x + c.x, y: element.y + c.y };
}

/** A board point in the element's own frame: relative to (x, y), its rotation undone. */
export function toLocal(element: ElementRecord, p: Point): Point {
  return rotate({ x: p.x - element.x, y: p.y - element.y }, -element.rotation);
}

/** An element-frame point on the board. */
export function toBoardFrame(element: ElementRecord, p: Point): Point {
  const r = rotate(p, element.rotation);
  return { x: element.x + r.x, y: element.y + r.y };
}

/** Degrees in (-180, 180]. */
export function normaliseDegrees(degrees: number): number {
  const d = ((degrees % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
}

/**
 * Turns an element so its top faces away from `pointer` (the rotate handle sits above the
 * top edge), about its centre: the element spins in place instead of swinging round its
 * corner. Near a quarter turn it snaps to it.
 */
export function rotateTowards(
  element: ElementRecord,
  pointer: Point,
): Pick<ElementRecord, 'x' | 'y' | 'rotation'> {
  const centre = elementCentre(element);
  const raw = (Math.atan2(pointer.y - centre.y, pointer.x - centre.x) * 180) / Math.PI + 90;
  let rotation = normaliseDegrees(raw);
  const quarter = Math.round(rotation / 90) * 90;
  if (Math.abs(rotation - quarter) <= ROTATION_SNAP_DEGREES) rotation = normaliseDegrees(quarter);
  const local = localBounds(element);
  const c = rotate({ x: local.x + local.w / 2, y: local.y + local.h / 2 }, rotation);
  return { x: centre.x - c.x, y: centre.y - c.y, rotation };
}

/**
 * Resizes from the bottom-right corner to `pointer`, the top-left corner staying put.
 * Pictures keep their proportions; lines and arrows move their end to the pointer.
 */
export function resizeTowards(
  element: ResizableElement,
  pointer: Point,
): { w: number; h?: number } {
  const local = toLocal(element, pointer);
  if (element.type === 'shape' && (element.kind === 'line' || element.kind === 'arrow')) {
    const w = local.x;
    const h = local.y;
    return Math.hypot(w, h) < MIN_ELEMENT_SIZE ? { w: element.w, h: element.h } : { w, h };
  }
  const w = Math.max(MIN_ELEMENT_SIZE, local.x);
  if (element.type === 'text') return { w };
  const h = Math.max(MIN_ELEMENT_SIZE, local.y);
  if (element.type === 'image') {
    const scale = Math.max(w / element.w, h / element.h);
    const least = MIN_ELEMENT_SIZE / Math.min(element.w, element.h);
    const s = Math.max(scale, least);
    return { w: element.w * s, h: element.h * s };
  }
  return { w, h };
}

/**
 * Where the handles of a selected element are, in its own frame: the resize handle on the
 * bottom-right corner (the end of a line), the rotate handle `rotateOffset` above the top.
 */
export function handlePositions(
  element: ElementRecord,
  rotateOffset: number,
): { resize: Point | null; rotate: Point } {
  const local = localBounds(element);
  const rotateHandle = { x: local.x + local.w / 2, y: local.y - rotateOffset };
  if (!isResizable(element)) return { resize: null, rotate: rotateHandle };
  if (element.type === 'shape' && (element.kind === 'line' || element.kind === 'arrow')) {
    return { resize: { x: element.w, y: element.h }, rotate: rotateHandle };
  }
  return { resize: { x: local.x + local.w, y: local.y + local.h }, rotate: rotateHandle };
}
