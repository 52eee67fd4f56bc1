import type { Rect } from '../geometry/camera';

/** A Playwright or DOM box (`width`, `height`) as a Rect. */
export const boxToRect = (box: { x: number; y: number; width: number; height: number }): Rect => ({
  x: box.x,
  y: box.y,
  w: box.width,
  h: box.height,
});

/**
 * Whether two rectangles share no area (edges that touch are apart); `slack` forgives
 * that much overlap, for layouts computed in floating point.
 */
export function rectsApart(a: Rect, b: Rect, slack = 0): boolean {
  return (
    a.x + a.w <= b.x + slack ||
    b.x + b.w <= a.x + slack ||
    a.y + a.h <= b.y + slack ||
    b.y + b.h <= a.y + slack
  );
}
