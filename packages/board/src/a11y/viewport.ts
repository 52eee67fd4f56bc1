/**
 * The board page turns the browser's own zoom off: on the table every touch is a pen and on a
 * tablet one finger draws, so a browser pinch or double-tap zoom would swallow strokes and
 * move the page under the students' fingers; the board zooms itself instead (two fingers on a
 * tablet, the zoom buttons, a seat's "Move the board"). Every other page keeps zoom allowed
 * (index.html), so nobody is kept from enlarging text.
 */
export function lockZoomForDrawing(): void {
  document
    .querySelector('meta[name="viewport"]')
    ?.setAttribute(
      'content',
      'width=device-width, initial-scale=1, maximum-scale=1, user-scalable=no',
    );
}
