/** Canvas pixels per CSS pixel: sharp on tablets, but a 4K table at 2x would quadruple every pixel drawn. */
export const PIXEL_RATIO = Math.min(window.devicePixelRatio || 1, 2);

/** The size in pixels of a canvas that fills this many CSS pixels (as Konva sizes its layers). */
export const canvasPixels = (width: number, height: number) => ({
  width: Math.floor(width * PIXEL_RATIO),
  height: Math.floor(height * PIXEL_RATIO),
});
