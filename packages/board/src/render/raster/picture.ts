import type { Camera, PictureElements } from '@roundtable/shared';

/** A picture to paint a board's scene from at first, before any vector draw. */
export interface RasterPicture {
  image: ImageBitmap;
  camera: Camera;
  width: number;
  height: number;
  stateVector: Uint8Array;
  /** What it shows, element by element (this device's pictures); null: the server's. */
  elements: PictureElements | null;
  fullMs: number;
  source: 'cache' | 'server';
  /**
   * When it went on screen before the app had started (ms since navigation), and on which
   * canvas over the page: the page's start worker shows a picture of the very state the
   * server holds (start/). Null: not shown.
   */
  shown: { at: number; on: HTMLCanvasElement } | null;
}

/** A picture's pixels as they came (kept on this device, or the server's), not yet drawn. */
export type PicturePixels = Omit<RasterPicture, 'image' | 'shown'> & { pixels: ImageData };

/** The picture, with its pixels made a bitmap (which draws at once, and moves between threads). */
export async function pictureOf({ pixels, ...info }: PicturePixels): Promise<RasterPicture> {
  return { ...info, image: await createImageBitmap(pixels), shown: null };
}

/** Lets a picture go: its pixels, and the canvas over the page it was shown on. */
export function releasePicture(picture: RasterPicture): void {
  picture.image.close();
  picture.shown?.on.remove();
}
