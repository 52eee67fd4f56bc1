import { refusalOf } from '../api';
import { t } from '../i18n';
import { ImageError } from './prepare-image';

/** Sends an image to the server's asset store and returns its id (the SHA-256 of its bytes). */
export async function uploadImage(blob: Blob): Promise<string> {
  let response: Response;
  try {
    response = await fetch('/api/assets', {
      method: 'POST',
      headers: { 'content-type': blob.type },
      body: blob,
    });
  } catch {
    throw new ImageError(t('image.noConnection'));
  }
  if (!response.ok) {
    const { message } = await refusalOf(response);
    throw new ImageError(t('image.refused', { reason: message }));
  }
  const body = (await response.json().catch(() => ({}))) as { id?: string };
  if (!body.id) throw new ImageError(t('image.saveFailed', { status: response.status }));
  return body.id;
}

/** Where the board app finds an uploaded image. */
export const assetUrl = (assetId: string) => `/api/assets/${assetId}`;
