import {
  BOARD_PICTURE_TYPE,
  BOARD_STATE_HEADER,
  type Camera,
  picturePixelBytes,
  pictureViewQuery,
  stateVectorOfHeader,
} from '@roundtable/shared';
import type { PicturePixels } from './picture';

/** The server's picture of the board for this view (null if it has none, or fails). */
export async function serverPicture(
  boardId: string,
  camera: Camera,
  size: { width: number; height: number },
  pixelRatio: number,
  /** Where the server is: the page's own origin unless said (a worker made from a blob). */
  origin = '',
): Promise<PicturePixels | null> {
  const query = pictureViewQuery({ ...camera, ...size, pixelRatio });
  const response = await fetch(
    `${origin}/api/boards/${encodeURIComponent(boardId)}/raster?${query}`,
  );
  const stateVector = stateVectorOfHeader(response.headers.get(BOARD_STATE_HEADER));
  const type = response.headers.get('content-type');
  if (response.status !== 200 || !stateVector || type !== BOARD_PICTURE_TYPE) return null;
  const bytes = new Uint8ClampedArray(await response.arrayBuffer());
  if (bytes.length !== picturePixelBytes(size.width, size.height)) return null;
  return {
    pixels: new ImageData(bytes, size.width, size.height),
    camera,
    width: size.width,
    height: size.height,
    stateVector,
    elements: null,
    fullMs: 0,
    source: 'server',
  };
}
