import { t } from '../i18n';

/** What the server accepts (it checks the bytes too). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
/** The server's default MAX_ASSET_BYTES. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** A 12-megapixel camera photo is scaled down to this many pixels on its longest side. */
export const MAX_IMAGE_SIDE = 2048;

export class ImageError extends Error {
  override name = 'ImageError';
}

export interface PreparedImage {
  blob: Blob;
  width: number;
  height: number;
}

/**
 * Checks a picked, dropped, pasted or photographed file and shrinks big photos, so a
 * tablet's camera does not send 5 MB per picture and the table does not draw 12 megapixels.
 */
export async function prepareImage(file: Blob): Promise<PreparedImage> {
  if (!IMAGE_TYPES.includes(file.type)) {
    throw new ImageError(t('image.wrongType'));
  }
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new ImageError(t('image.unreadable'));
  });
  try {
    const { width, height } = bitmap;
    const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(width, height));
    if (scale === 1 || file.type === 'image/gif') {
      if (file.size > MAX_UPLOAD_BYTES) throw new ImageError(t('image.tooLarge'));
      return { blob: file, width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    // Photos become JPEG; a PNG keeps its transparency.
    const type = file.type === 'image/png' ? 'image/png' : 'image/jpeg';
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.86));
    if (!blob) throw new ImageError(t('image.resizeFailed'));
    return { blob, width: canvas.width, height: canvas.height };
  } finally {
    bitmap.close();
  }
}
