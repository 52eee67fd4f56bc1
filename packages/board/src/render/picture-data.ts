import { assetUrl } from '../images/upload-image';

const pending = new Map<string, Promise<string | null>>();

async function encode(assetId: string, maxSide: number): Promise<string | null> {
  try {
    const response = await fetch(assetUrl(assetId));
    if (!response.ok) return null;
    const bitmap = await createImageBitmap(await response.blob());
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return canvas.toDataURL('image/png');
  } catch {
    return null;
  }
}

/**
 * A picture as a data: URI no larger than `maxSide` pixels, made once per picture and size:
 * what an SVG drawn in the browser shows (an SVG in an <img> loads nothing from outside).
 */
export function pictureDataUri(assetId: string, maxSide: number): Promise<string | null> {
  const key = `${assetId}:${maxSide}`;
  let uri = pending.get(key);
  if (!uri) {
    uri = encode(assetId, maxSide);
    pending.set(key, uri);
  }
  return uri;
}
