// The page's start worker (head-start.ts makes it before the app's script has loaded): it
// downloads the board's state and, on the table, shows the picture of the board as it is
// now on a canvas over the page, all off the main thread, which the app's script is about
// to keep busy (parsing, applying the board). The canvas shows what it draws at once.
import {
  BOARD_STATE_HEADER,
  IDENTITY_CAMERA,
  sameCamera,
  sameState,
  stateVectorOfHeader,
} from '@roundtable/shared';
import { type PicturePixels, pictureOf } from '../render/raster/picture';
import { picturePixels, readPicture } from '../render/raster/picture-store';
import { pictureKey } from '../render/raster/raster-protocol';
import { serverPicture } from '../render/raster/server-picture';
import type { StartReply, StartRequest } from './start-protocol';

const reply = (message: StartReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

/** This device's picture of the board as the table opens it, else the server's. */
async function findPicture({
  boardId,
  size,
  pixelRatio,
  origin,
}: StartRequest): Promise<PicturePixels | null> {
  const own = await readPicture(pictureKey(boardId, size.width, size.height)).catch(() => null);
  if (own && sameCamera(own.camera, IDENTITY_CAMERA)) {
    const { pixels: _, savedAt: __, ...info } = own;
    return { ...info, pixels: await picturePixels(own), source: 'cache' };
  }
  return serverPicture(boardId, IDENTITY_CAMERA, size, pixelRatio, origin);
}

self.onmessage = async ({ data: request }: MessageEvent<StartRequest>) => {
  // The picture is looked for while the state downloads: neither waits for the other.
  const finding = findPicture(request).catch(() => null);
  const response = await fetch(`${request.origin}/api/boards/${request.boardId}/state`).catch(
    () => null,
  );
  const ok = response?.ok && response.status === 200 ? response : null;
  const current = stateVectorOfHeader(ok?.headers.get(BOARD_STATE_HEADER) ?? null);
  void (ok?.arrayBuffer() ?? Promise.resolve(null))
    .catch(() => null)
    .then((state) => reply({ type: 'state', state }, state ? [state] : []));
  const found = await finding;
  if (!found || !current) return reply({ type: 'picture', picture: null });
  let shownAt: number | null = null;
  if (sameState(current, found.stateVector)) {
    const context = request.canvas.getContext('2d')!;
    context.putImageData(found.pixels, 0, 0);
    // Rasterised now, as the scene's own paints are timed (see the benchmark).
    context.getImageData(0, 0, 1, 1);
    shownAt = performance.timeOrigin + performance.now() - request.timeOrigin;
  }
  // The scene takes it over as a bitmap, made now that it is on screen.
  const { shown: _, ...picture } = await pictureOf(found);
  reply({ type: 'picture', picture: { ...picture, shownAt } }, [picture.image]);
};
