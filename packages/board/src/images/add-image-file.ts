import type { Point } from '@roundtable/shared';
import type { BoardController } from '../controller/controller';
import { t } from '../i18n';
import { ImageError, prepareImage } from './prepare-image';
import { uploadImage } from './upload-image';

/**
 * A picture from the file picker, the camera, a drop or a paste: checked, shrunk if huge,
 * uploaded, then placed at `at` (screen point). Progress and errors show as the
 * controller's notice; nothing reaches the board unless the server stored the picture.
 */
export async function addImageFile(
  controller: BoardController,
  file: File,
  at?: Point,
  /** The seat adding it (the table), else this device's user. */
  actorId?: string,
): Promise<void> {
  controller.setNotice({ kind: 'busy', text: t('image.adding') });
  try {
    const prepared = await prepareImage(file);
    const assetId = await uploadImage(prepared.blob);
    controller.addImage(
      { assetId, width: prepared.width, height: prepared.height, alt: file.name || t('image.alt') },
      at,
      actorId,
    );
    controller.setNotice(null);
  } catch (error) {
    const text = error instanceof ImageError ? error.message : t('image.addFailed');
    controller.setNotice({ kind: 'error', text });
  }
}
