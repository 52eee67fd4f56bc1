// Keeps this device's pictures of boards (picture-store.ts) off the main thread: copies a
// picture's pixels out when one is saved, and makes a bitmap of them when a board opens.
import { keepPicture, picturePixels, readPicture } from './picture-store';
import type { RasterReply, RasterRequest } from './raster-protocol';

self.onmessage = async (event: MessageEvent<RasterRequest>) => {
  const request = event.data;
  const reply = (message: RasterReply, transfer: Transferable[] = []) =>
    (self as unknown as Worker).postMessage(message, transfer);
  if (request.type === 'load') {
    const found = await readPicture(request.key)
      .then(async (kept) => {
        if (!kept) return null;
        const { pixels: _, savedAt: __, ...info } = kept;
        return { info, image: await createImageBitmap(await picturePixels(kept)) };
      })
      .catch(() => null);
    reply(
      { type: 'loaded', id: request.id, info: found?.info ?? null, image: found?.image ?? null },
      found ? [found.image] : [],
    );
  } else {
    const { image } = request;
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    image.close();
    const ok = await keepPicture(
      request.info,
      context.getImageData(0, 0, canvas.width, canvas.height),
    ).then(
      () => true,
      () => false,
    );
    reply({ type: 'saved', id: request.id, ok });
  }
};
